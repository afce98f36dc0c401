/** JSON Lines reading that keeps line numbers, for messages that point at the bad line. */
import { readFileSync } from 'node:fs';

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

/** Reads and parses a JSONL file. */
export function readJsonl(path: string): JsonlLine[] {
  return parseJsonl(readFileSync(path, 'utf8'));
}

/** The text the app classifies: a briefing's title, a blank line, then its body. */
export function recordText(r: { text?: unknown; title?: unknown }): string {
  const text = typeof r.text === 'string' ? r.text : '';
  const title = typeof r.title === 'string' ? r.title.trim() : '';
  return title ? `${title}\n\n${text}` : text;
}
