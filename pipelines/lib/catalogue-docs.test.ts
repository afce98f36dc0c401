import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueDocs, listedAndFound } from './catalogue-docs.ts';
import { MODEL_PATH } from './training-data.ts';
import { loadModel, tagDocument } from '../../src/classify/index.ts';
import { openBundledDataset } from '../../tests/support/dataset-db.ts';
import { snapshotBundledData } from '../../src/workspace/apply.ts';
import { catalogueAgreementSql, type CatalogueAgreementRow } from '../../src/queries/agreement.ts';

const entry = (partnership: string, caseName: string, keywords: string[], summary = `The review of ${caseName}.`) =>
  JSON.stringify({ partnership, case: caseName, summary, keywords });

describe('catalogueDocs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'catalogue-docs-'));
  const entries = join(dir, 'reviews.jsonl');
  const map = join(dir, 'keyword-themes.json');
  const cases = join(dir, 'cases.jsonl');
  writeFileSync(map, JSON.stringify({ keywords: { neglect: ['neglect'], 'domestic abuse': ['domestic-abuse'], 'drift and delay': [] } }));
  writeFileSync(cases, JSON.stringify({ id: 'rev-1', partnership: 'Kent', case: 'Child A', text: 'x', gold: ['neglect'] }) + '\n');
  writeFileSync(entries, [
    entry('Kent', 'Child A', ['neglect']),
    entry('Kent', 'Child B', ['Domestic abuse', 'neglect', 'drift and delay']),
    entry('Kent', 'Child C', ['drift and delay']),
    entry('Kent', 'Child D', []),
  ].join('\n') + '\n');

  it('keeps entries whose keywords name a theme, as partial lines with the mapped themes', () => {
    const set = catalogueDocs(entries, map, [cases]);
    expect(set.docs).toHaveLength(1);
    expect(set.docs[0]).toMatchObject({ text: 'The review of Child B.', gold: ['domestic-abuse', 'neglect'], partial: true, entity: 'review' });
    expect(set.noThemes).toBe(2);
  });

  it('leaves out a review that is also a labelled case line, whatever the case name’s spelling', () => {
    expect(catalogueDocs(entries, map, [cases]).alsoLabelled).toBe(1);
    writeFileSync(cases, JSON.stringify({ id: 'rev-1', partnership: 'Kent', case: 'child b', text: 'x', gold: [] }) + '\n');
    expect(catalogueDocs(entries, map, [cases]).docs.map((d) => d.text)).toEqual(['The review of Child A.']);
  });

  it('finds, theme by theme, what the Tagger agreement view counts against the same lists', async () => {
    const set = catalogueDocs();
    const model = loadModel(JSON.parse(readFileSync(MODEL_PATH, 'utf8')));
    const expected = listedAndFound(set.docs, (text) => tagDocument(model, text).themes);
    const db = await openBundledDataset();
    try {
      await snapshotBundledData(db);
      const rows = await db.query<CatalogueAgreementRow>(catalogueAgreementSql);
      expect(rows[0]!.entries).toBe(set.docs.length);
      const inApp = Object.fromEntries(rows.filter((r) => r.listed > 0).map((r) => [r.theme_id, [r.listed, r.found]]));
      expect(inApp).toEqual(Object.fromEntries(expected));
    } finally {
      db.close();
    }
  }, 60_000);
});
