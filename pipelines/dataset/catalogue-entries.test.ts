import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueEntriesToRecords, type CatalogueEntry } from './catalogue-entries.ts';

const root = resolve(import.meta.dirname, '../..');
const taxonomy = JSON.parse(readFileSync(resolve(root, 'data/taxonomy.json'), 'utf8')) as { themes: Array<{ id: string }> };
const known = new Set(taxonomy.themes.map((t) => t.id));
const { keywords } = JSON.parse(readFileSync(resolve(root, 'data/catalogue/keyword-themes.json'), 'utf8')) as { keywords: Record<string, string[]> };
const entries = readFileSync(resolve(root, 'data/catalogue/reviews.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as CatalogueEntry);

const entry = (over: Partial<CatalogueEntry>): CatalogueEntry => ({
  partnership_published: 'Kent Safeguarding Children Board', partnership: 'Kent', nation: 'England', case: 'Child A',
  review_type: 'serious-case-review', published: '2016-04', summary: 'S.', keywords: [], source_url: 'https://example.org/a', read_on: '2026-12-05', ...over,
});

describe('catalogue entries', () => {
  it('turn listed keywords into catalogue tags and keep the month of publication', () => {
    const r = catalogueEntriesToRecords([entry({ keywords: ['Neglect', 'co-sleeping', 'health'] })], keywords, known);
    expect(r.reviews[0]).toMatchObject({ partnership_id: 'kent', year: 2016, published: '2016-04', published_on: '2016-04-01', origin: 'catalogue-entries' });
    expect(r.tags.map((t) => [t.theme_id, t.source])).toEqual([['neglect', 'catalogue'], ['sudi-safer-sleep', 'catalogue']]);
    expect(r.problems).toEqual([]);
  });

  it('keep each nation on its partnership, counted, and name a partnership given two nations', () => {
    const r = catalogueEntriesToRecords([
      entry({ nation: 'Wales', partnership: 'Cwm Taf Morgannwg', partnership_published: 'Cwm Taf Morgannwg Safeguarding Board' }),
      entry({ case: 'Child B' }), entry({ case: 'Child C', nation: 'Wales' }),
    ], keywords, known);
    expect(r.nations).toEqual({ Wales: 2, England: 1 });
    expect(r.reviews.map((x) => x.case_name)).toEqual(['Child A', 'Child B', 'Child C']);
    expect(r.partnerships.map((p) => [p.id, p.nation, p.kind])).toEqual([['cwm-taf-morgannwg', 'Wales', 'partnership'], ['kent', 'England', 'partnership']]);
    expect(r.problems.join('\n')).toMatch(/Child C.*Kent is in England on another entry/);
  });

  it('report an unmapped keyword, an unknown type or a malformed date instead of guessing', () => {
    const r = catalogueEntriesToRecords([entry({ keywords: ['mystery'], review_type: 'inquiry', published: 'spring 2016' })], keywords, known);
    expect(r.problems.join('\n')).toMatch(/unknown review type "inquiry"[\s\S]*"spring 2016"[\s\S]*"mystery"/);
    expect(r.reviews[0]).toMatchObject({ review_type: 'other', year: null });
  });

  const heldOut = resolve(root, '../shared/tools/held-out.mjs');
  it.skipIf(!existsSync(heldOut))('the committed file uses no held-out page', () => {
    const urls = [...new Set(entries.map((e) => e.source_url))];
    const run = spawnSync('node', [heldOut, ...urls], { encoding: 'utf8' });
    expect(run.stdout).toContain(`${urls.length} addresses checked, 0 held out`);
  });

  it('the committed file: every keyword mapped, every theme known, every field present, no duplicate case', () => {
    const r = catalogueEntriesToRecords(entries, keywords, known);
    expect(r.problems).toEqual([]);
    for (const ids of Object.values(keywords)) for (const id of ids) expect(known.has(id), id).toBe(true);
    for (const e of entries) {
      expect(e.source_url).toMatch(/^https?:\/\//);
      expect(e.read_on).toBe('2026-12-05');
      expect(e.summary.length).toBeGreaterThan(20);
    }
    const ids = r.reviews.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
