/**
 * Builds the bundled dataset the app loads.
 *
 * Reads:  data/taxonomy.json, data/cases/*.jsonl (labelled catalogue entries),
 *         ../shared/seeds/*.txt when present (else the facts kept from them in
 *         data/sources/pages.jsonl), data/sources/page-addresses.json (each capture's
 *         public address), data/reference/england-partnership-regions.json and
 *         partnership-aliases.json (through src/schema/partnership-name.ts),
 *         data/catalogue/reviews.jsonl + keyword-themes.json (gathered catalogue entries),
 *         public/model/theme-model.json (the trained tagger; `npm run train`).
 * Writes: public/data/<table>.arrows (Arrow IPC streams, one per table),
 *         public/data/summary.json (first-screen numbers, drawn before DuckDB starts), filter-index.bin (the
 *         filter index and options, so filters answer before DuckDB starts),
 *         public/data/manifest.json (row counts, byte sizes and hashes of inputs and outputs,
 *         and every source address the bundled reviews and briefings came from),
 *         data/sources/pages.jsonl (facts from the seed pages, when the seeds are present).
 * Run:    npm run data   (deterministic: the same inputs give byte-identical files)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueLinesToRecords, type CatalogueLine } from '../src/ingest/catalogue-lines.ts';
import { mergeReviews } from '../src/ingest/merge-reviews.ts';
import { rowsToArrowIPC } from '../src/schema/arrow.ts';
import { briefingText, reviewText, type Briefing, type Partnership, type Review, type Theme, type ThemeGroup, type ThemeTag } from '../src/schema/records.ts';
import { TABLE_NAMES, type TableName, type TableRows } from '../src/schema/tables.ts';
import { catalogueEntriesToRecords, type CatalogueEntry } from './dataset/catalogue-entries.ts';
import { pageFactsToRecords, toFact, type PageFact } from './dataset/page-records.ts';
import { briefingRuleTags } from './dataset/briefing-rule-tags.ts';
import { buildFirstScreen } from './dataset/summary.ts';
import { loadTagger, tagRecords } from './dataset/tag-records.ts';
import { SHARED_DIR, exists, fromRoot, sha256, writeFile } from './lib/files.ts';
import { readJsonl } from './lib/jsonl.ts';
import { jsonlValues } from '../src/lib/jsonl.ts';

interface Taxonomy {
  groups: Array<{ id: string; label: string }>;
  themes: Array<{ id: string; group: string; label: string; description: string }>;
}

let inputs: Record<string, string> = {};
function readInput(path: string): string {
  const text = readFileSync(path, 'utf8');
  inputs[path.replace(fromRoot() + '/', '').replace(SHARED_DIR, '../shared')] = sha256(text);
  return text;
}

async function pageFacts(kept: string): Promise<PageFact[]> {
  const seeds = join(SHARED_DIR, 'seeds');
  if (!exists(seeds)) {
    const committed = fromRoot('data/sources/pages.jsonl');
    console.error(`${seeds} not found: using the page facts kept in data/sources/pages.jsonl`);
    readInput(committed);
    return jsonlValues<PageFact>(readJsonl(committed), committed);
  }
  const { parsePage } = await import('../src/ingest/pages/parse-page.ts');
  const files = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();
  const facts = files.flatMap((f) => parsePage(readInput(join(seeds, f)), { sourceName: f })).map(toFact);
  writeFile(kept, facts.map((f) => JSON.stringify(f)).join('\n') + '\n');
  return facts;
}

function catalogue(knownThemes: Set<string>) {
  const dir = exists(fromRoot('data/cases')) ? fromRoot('data/cases') : join(SHARED_DIR, 'cases');
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  const lines = files.flatMap((f) => {
    readInput(join(dir, f));
    return jsonlValues<CatalogueLine>(readJsonl(join(dir, f)), join(dir, f));
  });
  const records = catalogueLinesToRecords(lines, 'catalogue', knownThemes);
  for (const p of records.problems) console.error(`catalogue: ${p}`);
  return records;
}

function gatheredEntries(knownThemes: Set<string>) {
  const entriesPath = fromRoot('data/catalogue/reviews.jsonl');
  const entries = jsonlValues<CatalogueEntry>(readJsonl(entriesPath), entriesPath);
  readInput(entriesPath);
  const { keywords } = JSON.parse(readInput(fromRoot('data/catalogue/keyword-themes.json'))) as { keywords: Record<string, string[]> };
  const records = catalogueEntriesToRecords(entries, keywords, knownThemes);
  for (const p of records.problems) console.error(`catalogue entries: ${p}`);
  console.error(`catalogue entries: ${Object.entries(records.nations).map(([n, c]) => `${c} from ${n}`).join(', ')}`);
  return records;
}

function withRegions(partnerships: Partnership[]): Partnership[] {
  const { regions } = JSON.parse(readInput(fromRoot('data/reference/england-partnership-regions.json'))) as { regions: Record<string, string> };
  const byLower = new Map(Object.entries(regions).map(([k, v]) => [k.toLowerCase(), v]));
  // Every bundled source but the gathered catalogue is England's; the catalogue records each entry's nation.
  return partnerships.map((p) => ({
    ...p, region: byLower.get(p.name.toLowerCase()) ?? byLower.get(p.name.replace(/^City of /i, '').toLowerCase()) ?? null,
    nation: p.nation ?? 'England',
  }));
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface BuildOptions {
  /** Where the dataset files go (default public/data). */
  outDir?: string;
  /** Where the facts kept from the seed pages go (default data/sources/pages.jsonl). */
  factsFile?: string;
}

/** Builds every dataset file; returns the manifest it wrote. */
export async function buildDataset({ outDir = fromRoot('public/data'), factsFile = fromRoot('data/sources/pages.jsonl') }: BuildOptions = {}) {
  inputs = {};
  const taxonomy = JSON.parse(readInput(fromRoot('data/taxonomy.json'))) as Taxonomy;
  const themes: Theme[] = taxonomy.themes.map((t) => ({ id: t.id, group_id: t.group, label: t.label, description: t.description, retired: false }));
  const groups: ThemeGroup[] = taxonomy.groups.map((g) => ({ id: g.id, label: g.label }));
  const cat = catalogue(new Set(themes.map((t) => t.id)));
  readInput(fromRoot('data/reference/partnership-aliases.json')); // applied by partnership-name.ts; hashed here so the manifest records it
  const { addresses } = JSON.parse(readInput(fromRoot('data/sources/page-addresses.json'))) as { addresses: Record<string, string | null> };
  const pages = pageFactsToRecords(await pageFacts(factsFile), addresses);
  const gathered = gatheredEntries(new Set(themes.map((t) => t.id)));

  const merged = mergeReviews(cat.reviews, [...pages.reviews, ...gathered.reviews]);
  for (const m of merged.messages) console.error(`merge: ${m}`);
  const remap = (id: string | null) => (id ? merged.mergedInto.get(id) ?? id : null);
  const briefings: Briefing[] = [...cat.briefings, ...pages.briefings].map((b) => ({ ...b, review_id: remap(b.review_id) }));
  const reviews: Review[] = merged.reviews;
  const partnershipMap = new Map<string, Partnership>();
  for (const p of [...cat.partnerships, ...pages.partnerships, ...gathered.partnerships]) if (!partnershipMap.has(p.id)) partnershipMap.set(p.id, p);

  const modelPath = fromRoot('public/model/theme-model.json');
  let modelTags: { tags: ThemeTag[]; evidence: TableRows['tag_evidence'][] } = { tags: [], evidence: [] };
  if (exists(modelPath)) {
    const tagger = await loadTagger(JSON.parse(readInput(modelPath)));
    // Reviews known only from a page have a summary written from facts: their
    // themes come from their briefings (rule tags below), and a thematic
    // review's title names its theme.
    modelTags = tagRecords(tagger, [
      ...reviews.flatMap((r) =>
        r.origin !== 'pages'
          ? [{ entity_type: 'review' as const, entity_id: r.id, text: reviewText(r) }]
          : r.review_type === 'thematic-review'
            ? [{ entity_type: 'review' as const, entity_id: r.id, text: r.case_name, offset: reviewText(r).indexOf(r.case_name) }]
            : [],
      ),
      // A page's lessons-learned briefing or statement is titled after the case, not a topic: nothing to tag.
      ...briefings
        .filter((b) => b.text !== null || b.briefing_kind === '7-minute-briefing' || b.briefing_kind === 'other')
        .map((b) => ({ entity_type: 'briefing' as const, entity_id: b.id, text: briefingText(b) })),
    ]);
    const fromBriefings = briefingRuleTags(reviews.filter((r) => r.origin === 'pages'), briefings, modelTags.tags);
    const tagged = new Set(modelTags.tags.map((t) => `${t.entity_id}|${t.theme_id}`));
    const extra = fromBriefings.tags.filter((t) => !tagged.has(`${t.entity_id}|${t.theme_id}`));
    const extraKeys = new Set(extra.map((t) => `${t.entity_id}|${t.theme_id}`));
    modelTags = {
      tags: [...modelTags.tags, ...extra],
      evidence: [...modelTags.evidence, ...fromBriefings.evidence.filter((e) => extraKeys.has(`${e.entity_id}|${e.theme_id}`))],
    };
  } else {
    console.error(`${modelPath} not found: run \`npm run train\` first; the dataset is built without model tags`);
  }

  const tables: { [N in TableName]: TableRows[N][] } = {
    partnerships: withRegions([...partnershipMap.values()]).sort(byId),
    theme_groups: groups,
    themes,
    reviews: reviews.sort(byId),
    briefings: briefings.sort(byId),
    documents: [],
    passages: [],
    theme_tags: [...[...cat.tags, ...gathered.tags].map((t) => ({ ...t, entity_id: remap(t.entity_id)! })), ...modelTags.tags],
    tag_evidence: modelTags.evidence,
  };

  const outputs: Record<string, { rows: number; bytes: number; sha256: string }> = {};
  for (const name of TABLE_NAMES) {
    const ipc = rowsToArrowIPC(name, tables[name]);
    writeFile(join(outDir, `${name}.arrows`), ipc);
    outputs[name] = { rows: tables[name].length, bytes: ipc.byteLength, sha256: sha256(ipc) };
  }
  const { summary, filterIndex } = await buildFirstScreen(tables);
  writeFile(join(outDir, 'summary.json'), JSON.stringify(summary, null, 1) + '\n');
  writeFile(join(outDir, 'filter-index.bin'), filterIndex);
  const sources = [...new Set([...tables.reviews, ...tables.briefings].map((r) => r.source_url).filter((u): u is string => !!u && /^https?:\/\//.test(u)))].sort();
  const manifest = {
    format: 'learning-themes-dataset', version: 1, dataVersion: sha256(JSON.stringify(outputs)).slice(0, 12), tables: outputs,
    inputs: Object.fromEntries(Object.entries(inputs).sort()),
    sources,
  };
  writeFile(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildDataset()
    .then((m) => console.error(Object.entries(m.tables).map(([n, t]) => `${n}: ${t.rows}`).join(', ')))
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
