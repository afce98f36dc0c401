/**
 * Tags JSON lines with learning themes (a contract other tools rely on).
 *
 * Reads:  FILE.jsonl (or stdin when FILE is "-" or absent): one JSON object per line with
 *         `id` and `text` (other fields ignored; a `title` is prepended as title + "\n\n" +
 *         text, as the app does for briefings), and public/model/theme-model.json
 *         (or --model PATH).
 * Writes: stdout, exactly one JSON line per input line, in input order:
 *         {"id", "themes": [ids above threshold, best first], "scores": {every theme id: 0..1},
 *          "evidence": {theme id: ["sentence", ...]}} — nothing else.
 *         A bad line (invalid JSON, no string `text`) still gets its output line, with empty
 *         themes, zero scores and an "error" field, and a message naming the line on stderr,
 *         so line counts stay aligned; the exit code is then 2. A missing model exits 1.
 * Run:    npm run --silent classify -- FILE.jsonl [--model PATH]
 */
import { readFileSync } from 'node:fs';
import { loadModel, tagDocument, type ThemeModel } from '../src/classify/index.ts';
import { endQuietlyWhenStdoutCloses } from './lib/closed-pipe.ts';
import { recordText } from './lib/jsonl.ts';
import { MODEL_PATH } from './lib/training-data.ts';

export interface ClassifiedLine {
  id: unknown;
  themes: string[];
  scores: Record<string, number>;
  evidence: Record<string, string[]>;
  error?: string;
}

/** Classifies one input line (1-based number for messages); never throws for bad input. */
export function classifyLine(model: ThemeModel, raw: string, line: number, warn: (msg: string) => void): ClassifiedLine {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return failed(model, null, `line ${line}: invalid JSON (${(e as Error).message})`, warn);
  }
  const rec = (typeof value === 'object' && value !== null ? value : {}) as { id?: unknown; text?: unknown; title?: unknown };
  const id = rec.id ?? null;
  if (typeof rec.text !== 'string') return failed(model, id, `line ${line}: no string "text" field`, warn);
  const tags = tagDocument(model, recordText(rec));
  const evidence: Record<string, string[]> = {};
  for (const t of tags.themes) evidence[t] = (tags.evidence[t] ?? []).map((e) => e.text);
  return { id, themes: tags.themes, scores: tags.scores, evidence };
}

function failed(model: ThemeModel, id: unknown, message: string, warn: (msg: string) => void): ClassifiedLine {
  warn(message);
  const scores: Record<string, number> = {};
  for (const t of model.themes) scores[t.id] = 0;
  return { id, themes: [], scores, evidence: {}, error: message };
}

/** Input lines: every line, bar the empty string after a final newline. */
export function inputLines(content: string): string[] {
  const lines = content.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function main(): void {
  endQuietlyWhenStdoutCloses();
  const args = process.argv.slice(2);
  const mi = args.indexOf('--model');
  const modelPath = mi >= 0 ? args[mi + 1]! : MODEL_PATH;
  const file = args.filter((_, i) => mi < 0 || (i !== mi && i !== mi + 1))[0] ?? '-';
  let model: ThemeModel;
  try {
    model = loadModel(JSON.parse(readFileSync(modelPath, 'utf8')));
  } catch (e) {
    process.stderr.write(`classify: cannot load the theme model ${modelPath}: ${(e as Error).message}. Run npm run train first.\n`);
    process.exitCode = 1;
    return;
  }
  const content = readFileSync(file === '-' ? 0 : file, 'utf8');
  let bad = 0;
  const warn = (msg: string): void => {
    bad++;
    process.stderr.write(`classify: ${file}: ${msg}\n`);
  };
  const out = inputLines(content).map((raw, i) => JSON.stringify(classifyLine(model, raw, i + 1, warn)));
  process.stdout.write(out.length ? out.join('\n') + '\n' : '');
  if (bad > 0) process.exitCode = 2;
}

if (process.argv[1] && /classify\.ts$/.test(process.argv[1])) main();
