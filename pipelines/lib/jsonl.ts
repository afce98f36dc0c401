/** JSON Lines reading that keeps line numbers, for messages that point at the bad line. */
import { readFileSync } from 'node:fs';
import { parseJsonl, type JsonlLine } from '../../src/lib/jsonl.ts';

export type { JsonlLine };

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
