import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundledDataset } from '../../tests/support/dataset-db.ts';
import { snapshotBundledData } from '../workspace/apply.ts';
import { clearCorrection, setCorrection } from '../workspace/changes.ts';
import { writeChange } from '../workspace/write.ts';
import type { WriteRunner } from './runner.ts';
import type { CorrectionCell } from '../agreement/out-of-fold.ts';
import { agreementCoverageSql, catalogueAgreementSql, correctionCellsSql, expertKeysSql, type AgreementCoverage, type CatalogueAgreementRow } from './agreement.ts';
import {
  entityThemesSql, trainingExamplesSql, type EntityThemeRow, type TrainingExampleRow,
} from './corrections.ts';

type Db = WriteRunner & { close(): void };

describe('corrections and agreement on the bundled data', () => {
  let db: Db;
  let pageReview: { id: string; theme_id: string };
  beforeAll(async () => {
    db = await openBundledDataset();
    await snapshotBundledData(db);
    // An imported review (no expert labels) that the tagger tagged.
    await db.exec(`
      INSERT INTO reviews VALUES ('imp-1', (SELECT min(id) FROM partnerships), 'Child T', 'rapid-review', '2024', '2024-01-01', 2024,
        'Neglect at home; the school saw it.', NULL, NULL, NULL, 'import');
      INSERT INTO theme_tags VALUES ('review', 'imp-1', 'neglect', 0.8, 'model', true), ('review', 'imp-1', 'education-school', 0.6, 'model', true);`);
    pageReview = { id: 'imp-1', theme_id: 'neglect' };
  }, 60_000);
  afterAll(() => db.close());

  it('lists the expert-labelled entries by the keys the model file uses, and no judged cells before any correction', async () => {
    const cov = (await db.query<AgreementCoverage>(agreementCoverageSql))[0]!;
    expect(cov.corrections).toBe(0);
    const keys = await db.query<{ key: string }>(expertKeysSql);
    expect(keys).toHaveLength(cov.expert_entries);
    expect(keys.map((k) => k.key)).toContain('review:rev-0001');
    expect(await db.query<CorrectionCell>(correctionCellsSql)).toEqual([]);
  });

  it('counts a review tagged through its passages once, as a review, not once per passage', async () => {
    const before = (await db.query<AgreementCoverage>(agreementCoverageSql))[0]!;
    await db.exec(`
      INSERT INTO reviews VALUES ('imp-2', (SELECT min(id) FROM partnerships), 'Child U', 'rapid-review', '2024', '2024-01-01', 2024, NULL, NULL, NULL, NULL, 'import');
      INSERT INTO documents VALUES ('doc-2', 'review', 'imp-2', 'u.pdf', 'application/pdf', 40);
      INSERT INTO passages VALUES ('doc-2:1', 'doc-2', 'review', 'imp-2', 1, 'Neglect.'), ('doc-2:2', 'doc-2', 'review', 'imp-2', 2, 'More neglect.');
      INSERT INTO theme_tags VALUES ('passage', 'doc-2:1', 'neglect', 0.8, 'model', true), ('passage', 'doc-2:2', 'neglect', 0.7, 'model', true);`);
    const after = (await db.query<AgreementCoverage>(agreementCoverageSql))[0]!;
    expect([after.tagged_reviews - before.tagged_reviews, after.tagged_briefings - before.tagged_briefings]).toEqual([1, 0]);
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(DISTINCT entity_id)::INTEGER AS n FROM theme_tags WHERE entity_type = 'review' AND source IN ('model', 'rule')`) as [{ n: number }];
    expect(before.tagged_reviews).toBe(n);
    await db.exec(`DELETE FROM theme_tags WHERE entity_id IN ('doc-2:1', 'doc-2:2'); DELETE FROM passages WHERE document_id = 'doc-2';
      DELETE FROM documents WHERE id = 'doc-2'; DELETE FROM reviews WHERE id = 'imp-2';`);
  });

  it('a rejection overrides the model, counts as a correction, and can be withdrawn', async () => {
    const entity = { type: 'review' as const, id: pageReview.id };
    await writeChange(db, setCorrection(entity, pageReview.theme_id, false));
    let themes = await db.query<EntityThemeRow>(entityThemesSql(entity));
    expect(themes.find((t) => t.theme_id === pageReview.theme_id)).toMatchObject({ manual: false, effective: false, expert: false, model_source: 'model' });
    const cells = await db.query<CorrectionCell>(correctionCellsSql);
    expect(cells).toEqual([{ key: `review:${pageReview.id}`, theme_id: pageReview.theme_id, truth: false, tagged: true }]);

    await writeChange(db, setCorrection(entity, 'online-harm', true));
    themes = await db.query<EntityThemeRow>(entityThemesSql(entity));
    expect(themes.find((t) => t.theme_id === 'online-harm')).toMatchObject({ manual: true, effective: true, model_score: null });
    const examples = await db.query<TrainingExampleRow>(trainingExamplesSql);
    const ex = examples.find((e) => e.entity_id === pageReview.id)!;
    expect(ex.gold).toContain('online-harm');
    expect(ex.gold).not.toContain(pageReview.theme_id);
    expect(ex.text.length).toBeGreaterThan(0);

    await writeChange(db, clearCorrection(entity, pageReview.theme_id));
    themes = await db.query<EntityThemeRow>(entityThemesSql(entity));
    expect(themes.find((t) => t.theme_id === pageReview.theme_id)).toMatchObject({ manual: null, effective: true });
  });

  it('trains on every expert-labelled entry with its accepted labels only', async () => {
    const examples = await db.query<TrainingExampleRow>(trainingExamplesSql);
    const [experts] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM (SELECT DISTINCT entity_type, entity_id FROM ws_base_manual_tags)');
    expect(examples.length).toBe(experts!.n + 1);
    const [labels] = await db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM ws_base_manual_tags WHERE accepted");
    expect(examples.filter((e) => e.entity_id !== pageReview.id).reduce((s, e) => s + e.gold.length, 0)).toBe(labels!.n);
    expect(examples.some((e) => e.partial)).toBe(true);
  });

  it('compares the tagger with published keyword lists only on reviews it never learned from', async () => {
    const rows = await db.query<CatalogueAgreementRow>(catalogueAgreementSql);
    const entries = rows[0]!.entries;
    expect(entries).toBeGreaterThan(20);
    for (const r of rows) expect([r.found <= r.listed, r.found <= r.tagged, r.entries]).toEqual([true, true, entries]);
    // No compared review carries expert labels.
    const [{ n }] = await db.query<{ n: number }>(`
      SELECT count(*)::INTEGER AS n FROM (SELECT DISTINCT entity_id FROM theme_tags WHERE source = 'catalogue' AND entity_type = 'review'
        EXCEPT SELECT entity_id FROM ws_base_manual_tags)`) as [{ n: number }];
    expect(entries).toBe(n);
    // A correction teaches a retrained tagger the review, so it leaves the comparison.
    const [one] = await db.query<{ id: string; theme_id: string }>(`
      SELECT entity_id AS id, theme_id FROM theme_tags WHERE source = 'catalogue' AND entity_type = 'review'
        AND entity_id NOT IN (SELECT entity_id FROM ws_base_manual_tags) ORDER BY entity_id, theme_id LIMIT 1`);
    const entity = { type: 'review' as const, id: one!.id };
    await writeChange(db, setCorrection(entity, one!.theme_id, true));
    expect((await db.query<CatalogueAgreementRow>(catalogueAgreementSql))[0]!.entries).toBe(entries - 1);
    await writeChange(db, clearCorrection(entity, one!.theme_id));
    expect((await db.query<CatalogueAgreementRow>(catalogueAgreementSql))[0]!.entries).toBe(entries);
  });
});
