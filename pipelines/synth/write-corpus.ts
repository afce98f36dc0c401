/**
 * Writes a synthetic corpus in the layout the app loads: one `<table>.arrows`
 * per table, summary.json and filter-index.bin (the first screen) and manifest.json.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFirstScreen } from '../dataset/summary.ts';
import { fromRoot, sha256, writeFile } from '../lib/files.ts';
import { partnershipId, partnershipKind } from '../../src/schema/partnership-name.ts';
import type { Partnership, Theme, ThemeGroup } from '../../src/schema/records.ts';
import { TABLE_NAMES, type TableName, type TableRows } from '../../src/schema/tables.ts';
import { ArrowTableFile } from './arrow-file.ts';
import { generateCorpus, type RowSink } from './corpus.ts';
import type { CorpusScale } from './presets.ts';
import { TEMPLATE_THEMES } from './templates.ts';
import { themeStats } from './theme-sampler.ts';

interface Taxonomy {
  groups: Array<{ id: string; label: string }>;
  themes: Array<{ id: string; group: string; label: string; description: string }>;
}

export interface WriteCorpusOptions {
  scale: CorpusScale;
  seed: number;
  outDir: string;
  /** Recorded in the manifest. */
  preset?: string;
  /** Skip summary.json (it starts a DuckDB; tests that only compare tables do without). */
  skipSummary?: boolean;
  onProgress?: (message: string) => void;
}

const INPUTS = ['data/taxonomy.json', 'data/cases/dev-reviews.jsonl', 'data/reference/england-partnership-regions.json'];

function readInputs(): Record<string, string> {
  return Object.fromEntries(INPUTS.map((p) => [p, readFileSync(fromRoot(p), 'utf8')]));
}

/** England's partnership areas from the region reference, one per id. */
function englandPartnerships(regionsJson: string): Partnership[] {
  const { regions } = JSON.parse(regionsJson) as { regions: Record<string, string> };
  const byId = new Map<string, Partnership>();
  for (const [name, region] of Object.entries(regions)) {
    const id = partnershipId(name);
    if (!byId.has(id)) byId.set(id, { id, name, region, kind: partnershipKind(name) });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Generates and writes the corpus; returns the manifest it wrote. */
export async function writeCorpus(options: WriteCorpusOptions) {
  const { scale, seed, outDir } = options;
  const log = options.onProgress ?? (() => undefined);
  const inputs = readInputs();
  const taxonomy = JSON.parse(inputs['data/taxonomy.json']!) as Taxonomy;
  const missing = taxonomy.themes.map((t) => t.id).filter((id) => !TEMPLATE_THEMES.includes(id));
  if (missing.length) throw new Error(`No sentence templates for theme(s) ${missing.join(', ')}: add them to pipelines/synth/templates.ts`);
  const gold = inputs['data/cases/dev-reviews.jsonl']!.trim().split('\n').map((l) => (JSON.parse(l) as { gold: string[] }).gold);
  const stats = themeStats(taxonomy.themes.map((t) => t.id), gold);
  const partnerships = englandPartnerships(inputs['data/reference/england-partnership-regions.json']!);
  const themes: Theme[] = taxonomy.themes.map((t) => ({ id: t.id, group_id: t.group, label: t.label, description: t.description, retired: false }));
  const theme_groups: ThemeGroup[] = taxonomy.groups.map((g) => ({ id: g.id, label: g.label }));

  mkdirSync(outDir, { recursive: true });
  const files = Object.fromEntries(TABLE_NAMES.map((n) => [n, new ArrowTableFile(n, join(outDir, `${n}.arrows`))])) as { [N in TableName]: ArrowTableFile<N> };
  let rows = 0;
  // Theme tags are kept (they are short) for the filter index; long texts only go to the files.
  const tags: TableRows['theme_tags'][] = [];
  const sink: RowSink = {
    add: (name, row) => {
      (files[name] as ArrowTableFile<typeof name>).add(row);
      if (name === 'theme_tags' && !options.skipSummary) tags.push(row as TableRows['theme_tags']);
      if (++rows % 250_000 === 0) log(`${rows.toLocaleString('en-GB')} rows written`);
    },
  };
  partnerships.forEach((p) => sink.add('partnerships', p));
  theme_groups.forEach((g) => sink.add('theme_groups', g));
  themes.forEach((t) => sink.add('themes', t));
  const light = generateCorpus(sink, { scale, seed, stats, partnerships });
  const outputs = Object.fromEntries(TABLE_NAMES.map((n) => [n, files[n].close()]));

  // The first screen reads only reviews, briefings and partnerships; long texts are left out to keep this cheap at scale.
  if (!options.skipSummary) {
    // Synthetic tags are on reviews and briefings, never on passages, so the index needs no passages.
    const empty = { documents: [], passages: [], tag_evidence: [] };
    const { summary, filterIndex } = await buildFirstScreen({ partnerships, theme_groups, themes, reviews: light.reviews, briefings: light.briefings, theme_tags: tags, ...empty } as { [N in TableName]: TableRows[N][] });
    writeFile(join(outDir, 'summary.json'), JSON.stringify(summary, null, 1) + '\n');
    writeFile(join(outDir, 'filter-index.bin'), filterIndex);
  }
  const manifest = {
    format: 'learning-themes-dataset', version: 1,
    dataVersion: sha256(JSON.stringify(outputs)).slice(0, 12),
    tables: outputs,
    inputs: Object.fromEntries(INPUTS.map((p) => [p, sha256(inputs[p]!)])),
    synthetic: { preset: options.preset ?? null, seed, scale },
  };
  writeFile(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  return manifest;
}
