/** JSON Lines parsing that keeps line numbers, for messages that point at the bad line (pure: the app and the pipelines share it). */

export interface JsonlLine {
  /** 1-based line number in the file. */
  line: number;
  value?: unknown;
  error?: string;
}

/** Parses every non-blank line; a bad line carries an error instead of a value. */
export function parseJsonl(content: string): JsonlLine[] {
  const out: JsonlLine[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      out.push({ line: i + 1, value: JSON.parse(raw) });
    } catch (e) {
      out.push({ line: i + 1, error: `invalid JSON (${(e as Error).message})` });
    }
  });
  return out;
}

/** The values of parsed lines; throws at the first bad line, naming `where` and the line. */
export function jsonlValues<T>(lines: readonly JsonlLine[], where: string): T[] {
  return lines.map((l) => {
    if (l.error !== undefined) throw new Error(`${where}:${l.line}: ${l.error}`);
    return l.value as T;
  });
}
