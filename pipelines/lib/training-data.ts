/** Loads the project's training inputs from data/: taxonomy, lexicon, examples and labelled cases. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Example } from '../../src/classify/index.ts';
import { readJsonl, recordText } from './jsonl.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const DATA = join(ROOT, 'data');
export const MODEL_PATH = join(ROOT, 'public', 'model', 'theme-model.json');
export const OUT_OF_FOLD_PATH = join(ROOT, 'public', 'model', 'theme-model-out-of-fold.json');

export interface LabelledDoc extends Example {
  id: string;
  entity: 'review' | 'briefing';
  source: string;
}

/** The key the app knows a bundled case line by (`review:rev-0001`); examples have none. */
export function bundledKey(d: LabelledDoc): string | undefined {
  return resolve(d.source).startsWith(resolve(DATA, 'cases') + '/') ? `${d.entity}:${d.id}` : undefined;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** data/taxonomy.json (required). */
export function loadTaxonomy(): unknown {
  return readJson(join(DATA, 'taxonomy.json'));
}

/** data/themes/lexicon.json plus any data/themes/<theme-id>.json files (which override). */
export function loadLexicon(): unknown {
  const dir = join(DATA, 'themes');
  if (!existsSync(dir)) return undefined;
  const main = existsSync(join(dir, 'lexicon.json')) ? (readJson(join(dir, 'lexicon.json')) as { themes: Record<string, unknown> }) : { themes: {} };
  for (const f of readdirSync(dir).sort()) {
    if (f === 'lexicon.json' || !f.endsWith('.json')) continue;
    main.themes[f.replace(/\.json$/, '')] = readJson(join(dir, f));
  }
  return main;
}

/** Labelled lines of one JSONL file; lines without text or gold are skipped with a warning on stderr. */
export function loadLabelled(path: string): LabelledDoc[] {
  const out: LabelledDoc[] = [];
  for (const l of readJsonl(path)) {
    const v = l.value as { id?: unknown; text?: unknown; title?: unknown; gold?: unknown; partial?: unknown } | undefined;
    if (!v || typeof v.text !== 'string' || !Array.isArray(v.gold)) {
      process.stderr.write(`${path}:${l.line}: skipped (${l.error ?? 'needs "text" and "gold"'})\n`);
      continue;
    }
    // Single-topic briefings (they have a title) only tell us their own topic.
    const partial = typeof v.partial === 'boolean' ? v.partial : typeof v.title === 'string' && v.gold.length === 1;
    // The entity the line becomes in the bundled dataset (catalogue-lines.ts: a title makes a briefing).
    const entity = typeof v.title === 'string' ? 'briefing' : 'review';
    out.push({ id: String(v.id ?? `${path}:${l.line}`), entity, source: path, text: recordText(v), gold: v.gold.map(String), partial });
  }
  return out;
}

/** The JSONL files of a folder, sorted; none when it is missing. */
export function jsonlFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(dir, f)) : [];
}

/** data/examples/*.jsonl and data/cases/*.jsonl, minus any excluded paths. Missing folders are fine. */
export function loadTrainingDocs(exclude: string[] = []): LabelledDoc[] {
  const skip = new Set(exclude.map((p) => resolve(p)));
  const files = [...jsonlFiles(join(DATA, 'examples')), ...jsonlFiles(join(DATA, 'cases'))].filter((f) => !skip.has(resolve(f)));
  return files.flatMap(loadLabelled);
}
