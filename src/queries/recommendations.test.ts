import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundledDataset } from '../../tests/support/dataset-db.ts';
import type { WriteRunner } from './runner.ts';
import { applyWorkspace, collectWorkspace, deleteUserData, snapshotBundledData } from '../workspace/apply.ts';
import { packWorkspace, unpackWorkspace } from '../workspace/archive.ts';
import { unzipSync, zipSync } from 'fflate';
import { tableFromIPC } from 'apache-arrow';
import { layoutToArrowIPC } from '../schema/arrow.ts';
import { WORKSPACE_TABLES, type RecommendationTracking } from '../schema/workspace-tables.ts';
import { NO_FILTERS } from '../filters/filters.ts';
import {
  CREATE_RECOMMENDATION_TABLES_SQL, STALE_RECOMMENDATION_REVIEWS_SQL, TRUST_SHIPPED_RECOMMENDATIONS_SQL, deleteRecommendationsOfSql, recommendationSourcesSql,
  recordRecommendationStateSql, resetRecommendationsForModelSql, kindsByThemeSql, kindsByYearSql, openByOwnerSql, recommendationListSql, upsertTrackingSql,
  type KindYearRow, type OwnerRow, type RecommendationListRow,
} from './recommendations.ts';

type Db = WriteRunner & { close(): void };

describe('recommendation queries on the bundled data', () => {
  let db: Db;
  let reviews: { id: string; year: number }[];
  beforeAll(async () => {
    db = await openBundledDataset();
    await snapshotBundledData(db);
    reviews = await db.query<{ id: string; year: number }>('SELECT id, year::INTEGER AS year FROM reviews WHERE year IS NOT NULL ORDER BY year, id LIMIT 2');
    const [a, b] = reviews;
    await db.exec(`${CREATE_RECOMMENDATION_TABLES_SQL};
      INSERT INTO recommendations VALUES
        ('${a!.id}#1', '${a!.id}', 'catalogue', '${a!.id}', 'summary', 0, 'Train staff on neglect.', 0, 23, 'sentence', 'training', 0.8, NULL, NULL),
        ('${a!.id}#2', '${a!.id}', 'catalogue', '${a!.id}', 'summary', 1, 'Revise the escalation protocol.', 24, 55, 'sentence', 'procedure', 0.7, 'partnership', NULL),
        ('${b!.id}#1', '${b!.id}', 'catalogue', '${b!.id}', 'summary', 0, 'Audit supervision.', 0, 18, 'sentence', 'practice', 0.6, NULL, NULL);
      INSERT INTO recommendation_themes VALUES ('${a!.id}#1', 'neglect', 0.9), ('${b!.id}#1', 'neglect', 0.7);`);
  }, 60_000);
  afterAll(() => db.close());

  it('counts kinds per year with each year as the base of the share', async () => {
    const rows = await db.query<KindYearRow>(kindsByYearSql(NO_FILTERS));
    const [a, b] = reviews;
    if (a!.year === b!.year) expect(rows.map((r) => [r.kind, r.recommendations, r.total])).toEqual([['practice', 1, 3], ['procedure', 1, 3], ['training', 1, 3]]);
    else expect(rows.find((r) => r.kind === 'training')).toMatchObject({ year: a!.year, recommendations: 1, total: 2, share: 0.5 });
  });

  it('filters by the recommendation\'s own themes and counts kinds per theme', async () => {
    const list = await db.query<RecommendationListRow>(recommendationListSql({ ...NO_FILTERS, themes: ['neglect'] }));
    expect(list.map((r) => r.kind).sort()).toEqual(['practice', 'training']);
    const byTheme = await db.query<{ theme_id: string; kind: string; recommendations: number }>(kindsByThemeSql(NO_FILTERS));
    expect(byTheme.filter((r) => r.theme_id === 'neglect').map((r) => r.recommendations)).toEqual([1, 1]);
  });

  it('counts open and overdue items by owner, untracked ones as open with no owner', async () => {
    await db.exec(upsertTrackingSql([
      { rec_id: `${reviews[0]!.id}#1`, status: 'in-progress', owner: 'Police', due_on: '2026-01-31', note: '', updated_at: 'x' },
      { rec_id: `${reviews[0]!.id}#2`, status: 'done', owner: 'Police', due_on: '2025-01-31', note: '', updated_at: 'x' },
    ]));
    const owners = await db.query<OwnerRow>(openByOwnerSql(NO_FILTERS, '2026-12-05'));
    expect(owners).toEqual([{ owner: 'Police', open: 1, overdue: 1 }, { owner: 'No owner', open: 1, overdue: 0 }]);
  });

  it('saves tracking with the workspace and puts it back; deleting user data removes it', async () => {
    const files = unpackWorkspace(packWorkspace(await collectWorkspace(db, null)), 'w.zip');
    expect(files.manifest.tables.recommendation_tracking?.rows).toBe(2);
    await deleteUserData(db);
    expect(await db.query('SELECT * FROM recommendation_tracking')).toEqual([]);
    await applyWorkspace(db, files, { replace: true });
    expect((await db.query<{ status: string }>('SELECT status FROM recommendation_tracking ORDER BY status')).map((r) => r.status)).toEqual(['done', 'in-progress']);
  });

  it('refuses an archive whose tracking has an unknown status or a bad due date, naming each row, and changes nothing', async () => {
    const entries = unzipSync(packWorkspace(await collectWorkspace(db, null)));
    const rows = tableFromIPC(entries['recommendation_tracking.arrows']!).toArray().map((r) => r.toJSON() as unknown as RecommendationTracking);
    expect(rows).toHaveLength(2);
    const bad = layoutToArrowIPC(WORKSPACE_TABLES.recommendation_tracking, [{ ...rows[0]!, status: 'finished' }, { ...rows[1]!, due_on: '31/01/2026' }]);
    const before = await db.query('SELECT * FROM recommendation_tracking ORDER BY rec_id');
    let message = '';
    try {
      unpackWorkspace(zipSync({ ...entries, 'recommendation_tracking.arrows': bad }), 'plan.zip');
    } catch (err) {
      message = [(err as Error).message, ...((err as { problems?: string[] }).problems ?? [])].join('\n');
    }
    expect(message).toMatch(/^“plan\.zip” cannot be used: 2 problems were found/);
    expect(message).toContain('recommendation tracking row 1, status: “finished” is not a known status');
    expect(message).toContain('recommendation tracking row 2, due_on: “31/01/2026” is not a date written YYYY-MM-DD');
    expect(await db.query('SELECT * FROM recommendation_tracking ORDER BY rec_id')).toEqual(before);
  });

  it('reads again only the reviews whose texts changed, and forgets removed ones', async () => {
    const stale = () => db.query<{ review_id: string; fingerprint: string | null }>(STALE_RECOMMENDATION_REVIEWS_SQL);
    await db.exec(TRUST_SHIPPED_RECOMMENDATIONS_SQL);
    expect(await stale()).toEqual([]);
    const [a, b] = reviews;
    await db.exec(`UPDATE reviews SET summary = summary || ' The board should audit supervision.' WHERE id = '${a!.id}'`);
    const changed = await stale();
    expect(changed.map((r) => r.review_id)).toEqual([a!.id]);
    const sources = await db.query<{ review_id: string; field: string; text: string }>(recommendationSourcesSql([a!.id]));
    expect(sources.find((s) => s.field === 'summary')?.text).toContain('The board should audit supervision.');
    // The rows of the changed review are replaced and its new texts recorded: nothing is stale again.
    await db.exec(`${deleteRecommendationsOfSql([a!.id])}; ${recordRecommendationStateSql([changed[0]! as { review_id: string; fingerprint: string }])}`);
    expect(await db.query(`SELECT id FROM recommendations WHERE review_id = '${a!.id}'`)).toEqual([]);
    expect(await stale()).toEqual([]);
    // A removed review is listed with no fingerprint, so its rows go.
    await db.exec(`CREATE TEMP TABLE kept_review AS SELECT * FROM reviews WHERE id = '${b!.id}'; DELETE FROM reviews WHERE id = '${b!.id}'`);
    expect(await stale()).toEqual([{ review_id: b!.id, fingerprint: null }]);
    await db.exec(`INSERT INTO reviews SELECT * FROM kept_review; DROP TABLE kept_review`);
    // Another tagger: every review is read again.
    await db.exec(resetRecommendationsForModelSql('retrained-1'));
    expect((await stale()).length).toBe((await db.query('SELECT id FROM reviews')).length);
  });
});
