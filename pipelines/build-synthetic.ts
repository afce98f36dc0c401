/**
 * Builds a synthetic corpus for the benchmark.
 *
 * Reads:  data/taxonomy.json (theme ids), data/cases/dev-reviews.jsonl (gold theme lists:
 *         prevalence and co-occurrence), data/reference/england-partnership-regions.json.
 * Writes: .bench/datasets/<preset>/<table>.arrows, summary.json, filter-index.bin, manifest.json
 *         (git-ignored: generated corpora are never committed).
 * Run:    npx tsx pipelines/build-synthetic.ts --preset small|national|x10 [--seed N] [--out DIR]
 *         (deterministic: the same preset and seed give byte-identical files)
 */
import { parseArgs } from 'node:util';
import { fromRoot } from './lib/files.ts';
import { presetScale } from './synth/presets.ts';
import { writeCorpus } from './synth/write-corpus.ts';

async function main() {
  const { values } = parseArgs({ options: { preset: { type: 'string', default: 'small' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } } });
  const preset = values.preset!;
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`);
  const outDir = values.out ?? fromRoot('.bench/datasets', preset);
  const started = performance.now();
  const manifest = await writeCorpus({ scale: presetScale(preset), seed, outDir, preset, onProgress: (m) => console.error(m) });
  const counts = Object.entries(manifest.tables).map(([n, t]) => `${n} ${t.rows.toLocaleString('en-GB')}`).join(', ');
  console.error(`${outDir}: ${counts} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
