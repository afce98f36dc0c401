import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRunner } from '../../src/db/node-runner.ts';
import { loadTables } from '../../src/db/load-tables.ts';
import { TABLE_NAMES } from '../../src/schema/tables.ts';
import { seededRandom } from './random.ts';
import { sampleThemes, themeStats } from './theme-sampler.ts';
import { writeCorpus } from './write-corpus.ts';

const SCALE = { reviews: 60, briefings: 150, passages: 1_500 };

describe('synthetic corpus', () => {
  let dirA: string;
  let dirB: string;
  beforeAll(async () => {
    dirA = mkdtempSync(join(tmpdir(), 'lt-synth-'));
    dirB = mkdtempSync(join(tmpdir(), 'lt-synth-'));
    await writeCorpus({ scale: SCALE, seed: 7, outDir: dirA });
    await writeCorpus({ scale: SCALE, seed: 7, outDir: dirB, skipSummary: true });
  }, 60_000);
  afterAll(() => [dirA, dirB].forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('is byte-identical for the same seed', () => {
    for (const name of TABLE_NAMES) expect(readFileSync(join(dirA, `${name}.arrows`)).equals(readFileSync(join(dirB, `${name}.arrows`))), name).toBe(true);
  });

  it('writes record batches that Arrow and DuckDB read back in full', async () => {
    // Small batches force the spliced multi-batch layout the big presets use.
    const dir = mkdtempSync(join(tmpdir(), 'lt-synth-'));
    const { ArrowTableFile } = await import('./arrow-file.ts');
    const file = new ArrowTableFile('themes', join(dir, 'themes.arrows'), 2);
    for (let i = 0; i < 5; i++) file.add({ id: `t${i}`, group_id: 'g', label: `Theme ${i}`, description: '', retired: false });
    file.close();
    const table = tableFromIPC(readFileSync(join(dir, 'themes.arrows')));
    expect(table.batches.length).toBe(3);
    expect(table.getChild('id')?.toArray()).toEqual(['t0', 't1', 't2', 't3', 't4']);
    rmSync(dir, { recursive: true, force: true });

    const db = await createNodeRunner();
    try {
      await loadTables(db, TABLE_NAMES.map((name) => ({ name, ipc: new Uint8Array(readFileSync(join(dirA, `${name}.arrows`))) })));
      const [counts] = await db.query<{ reviews: number; briefings: number; passages: number; tagged: number; regions: number }>(`
        SELECT (SELECT count(*) FROM reviews)::INTEGER AS reviews, (SELECT count(*) FROM briefings)::INTEGER AS briefings,
               (SELECT count(*) FROM passages)::INTEGER AS passages,
               (SELECT count(DISTINCT entity_id) FROM entity_themes WHERE entity_type = 'review')::INTEGER AS tagged,
               (SELECT count(*) FROM partnerships WHERE region IS NULL)::INTEGER AS regions`);
      expect(counts).toMatchObject({ reviews: 60, briefings: 150, tagged: 60, regions: 0 });
      expect(counts!.passages).toBeGreaterThan(1_000);
      // Statutory reviews changed name with the 2018 reforms.
      const late = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM reviews WHERE review_type = 'serious-case-review' AND year >= 2021`);
      expect(late[0]!.n).toBe(0);
      const manifest = JSON.parse(readFileSync(join(dirA, 'manifest.json'), 'utf8')) as { tables: Record<string, { rows: number }> };
      expect(manifest.tables.reviews!.rows).toBe(60);
    } finally {
      db.close();
    }
  });

  it('draws themes that cluster like the labelled reviews', () => {
    const ids = ['domestic-abuse', 'parental-mental-health', 'substance-misuse', 'online-harm', 'neglect'];
    const stats = themeStats(ids, [['domestic-abuse', 'substance-misuse'], ['neglect'], ['neglect', 'parental-mental-health']]);
    const rng = seededRandom(3);
    let together = 0;
    let withDomesticAbuse = 0;
    for (let i = 0; i < 2_000; i++) {
      const set = sampleThemes(stats, rng, 2015, 2);
      if (set.includes('domestic-abuse')) {
        withDomesticAbuse++;
        if (set.includes('substance-misuse') || set.includes('parental-mental-health')) together++;
      }
    }
    expect(together / withDomesticAbuse).toBeGreaterThan(0.6);
  });
});
