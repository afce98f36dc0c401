import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDataset } from './build-dataset.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'lt-dataset-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('npm run data', () => {
  it('is deterministic: two builds give byte-identical files', async () => {
    const [a, b] = [tempDir(), tempDir()];
    const ma = await buildDataset({ outDir: a, factsFile: join(a, 'pages.jsonl') });
    const mb = await buildDataset({ outDir: b, factsFile: join(b, 'pages.jsonl') });
    expect(mb).toEqual(ma);
    for (const name of Object.keys(ma.tables)) {
      expect(readFileSync(join(b, `${name}.arrows`)).equals(readFileSync(join(a, `${name}.arrows`)))).toBe(true);
    }
    expect(readFileSync(join(b, 'summary.json'), 'utf8')).toBe(readFileSync(join(a, 'summary.json'), 'utf8'));
    expect(readFileSync(join(b, 'filter-index.bin')).equals(readFileSync(join(a, 'filter-index.bin')))).toBe(true);

    const reviews = tableFromIPC(readFileSync(join(a, 'reviews.arrows'))).toArray().map((r) => r.toJSON());
    const warwickshire = reviews.filter((r) => r.partnership_id === 'warwickshire');
    // 11 from the Warwickshire page; Simon is also a catalogue entry and is merged, not doubled.
    expect(warwickshire.map((r) => r.case_name).sort()).toEqual(
      ['Alice and Beth', 'Amy', 'Anna', 'Charlie', 'Child K', 'Grace', 'Jack', 'James', 'Prada and Jordan', 'Simon', 'Sophie'],
    );
    // Every review line of data/cases (a line with "case"), plus the page reviews.
    const cases = join(import.meta.dirname, '..', 'data', 'cases');
    const catalogueReviews = readdirSync(cases).filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(join(cases, f), 'utf8').split('\n').filter((l) => l.trim() && 'case' in JSON.parse(l))).length;
    // dev-reviews (77: one line from a held-out page removed), more-reviews (26) and -b (48) (each less a case also told
    // on a held-out page), -c (33), -d (42), -e (13), -f (13), -g (31), -h (17), -i (25).
    expect(catalogueReviews).toBe(77 + 26 + 48 + 33 + 42 + 13 + 13 + 31 + 17 + 25);
    // + 169 gathered entries (data/catalogue/reviews.jsonl: 165 from England, 4 from Wales), 24 of them cases already known
    // and merged (Oxfordshire's Child Y, rev-8002, and Khyra Ishaq, rev-9005, are the last two).
    expect(ma.tables.reviews?.rows).toBe(catalogueReviews + 3 + 5 + 11 - 1 + 169 - 24);
    expect(ma.sources.length).toBeGreaterThan(200);
    expect(ma.tables.theme_tags?.rows).toBeGreaterThan(0);
  }, 120_000);
});
