import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundledDataset } from '../../tests/support/dataset-db.ts';
import { packWorkspace, unpackWorkspace, WORKSPACE_VERSION } from '../workspace/archive.ts';
import { applyWorkspace, collectWorkspace, deleteUserData, snapshotBundledData } from '../workspace/apply.ts';
import type { WriteRunner } from './runner.ts';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { rowsToArrowIPC } from '../schema/arrow.ts';
import type { Review } from '../schema/records.ts';
import { USER_DATA_SUMMARY_SQL, type UserDataSummary } from './workspace.ts';
import { setCorrection } from '../workspace/changes.ts';
import { writeChange } from '../workspace/write.ts';

type Db = WriteRunner & { close(): void };
const count = async (db: Db, sql: string) => (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${sql})`))[0]!.n;
const summary = async (db: Db) => (await db.query<UserDataSummary>(USER_DATA_SUMMARY_SQL))[0]!;

/** A user's session: one imported review with a model tag and evidence, a correction on a catalogue review, a renamed theme. */
async function addUserData(db: Db) {
  await db.exec(`
    INSERT INTO partnerships (id, name, region) VALUES ('testshire', 'Testshire', NULL);
    INSERT INTO reviews VALUES ('imp-1', 'testshire', 'Child T', 'rapid-review', '2024', '2024-01-01', 2024, 'Neglect at home.', NULL, NULL, NULL, 'import');
    INSERT INTO theme_tags VALUES ('review', 'imp-1', 'neglect', 0.8, 'model', true);
    INSERT INTO tag_evidence VALUES ('review', 'imp-1', 'neglect', 0, 0, 16, 'Neglect at home.', 1.0);
    UPDATE themes SET label = 'Neglect (renamed)' WHERE id = 'neglect';`);
  const [catalogue] = await db.query<{ id: string }>("SELECT id FROM reviews WHERE origin = 'catalogue' ORDER BY id LIMIT 1");
  await writeChange(db, setCorrection({ type: 'review', id: catalogue!.id }, 'online-harm', true));
  return catalogue!.id;
}

describe('workspace: user rows on top of the bundled data', () => {
  let db: Db;
  let bundled: { reviews: number; tags: number; manual: number };
  beforeAll(async () => {
    db = await openBundledDataset();
    await snapshotBundledData(db);
    bundled = { reviews: await count(db, 'FROM reviews'), tags: await count(db, 'FROM theme_tags'), manual: await count(db, "FROM theme_tags WHERE source = 'manual'") };
  }, 60_000);
  afterAll(() => db.close());

  it('finds no user data in the bundled dataset', async () => {
    expect(await summary(db)).toMatchObject({ reviews: 0, briefings: 0, corrections: 0, model_tags: 0, themes_changed: false });
  });

  it('saves, deletes and restores exactly the user rows', async () => {
    const corrected = await addUserData(db);
    expect(await summary(db)).toMatchObject({ reviews: 1, corrections: 1, accepted: 1, model_tags: 1, themes_changed: true });
    const files = await collectWorkspace(db, null);
    expect(files.manifest.tables.reviews.rows).toBe(1);
    expect(files.manifest.tables.theme_tags.rows).toBe(2);
    expect(files.manifest.tables.themes.rows).toBe(31);
    expect(files.manifest.tables.partnerships.rows).toBe(1);

    await deleteUserData(db);
    expect(await count(db, 'FROM reviews')).toBe(bundled.reviews);
    expect(await count(db, 'FROM theme_tags')).toBe(bundled.tags);
    expect(await count(db, "FROM themes WHERE label = 'Neglect (renamed)'")).toBe(0);
    expect(await summary(db)).toMatchObject({ reviews: 0, corrections: 0, themes_changed: false });

    const reopened = unpackWorkspace(packWorkspace(files), 'w.zip');
    await applyWorkspace(db, reopened, { replace: false });
    expect(await summary(db)).toMatchObject({ reviews: 1, corrections: 1, model_tags: 1, themes_changed: true });
    expect(await count(db, `FROM entity_themes WHERE entity_id = '${corrected}' AND theme_id = 'online-harm'`)).toBe(1);
    expect(await count(db, "FROM entity_themes WHERE entity_id = 'imp-1'")).toBe(1);
    expect(await count(db, "FROM partnerships WHERE id = 'testshire'")).toBe(1);
  });

  it('import replaces the current user data instead of adding to it', async () => {
    const files = await collectWorkspace(db, null);
    await db.exec("INSERT INTO reviews SELECT * REPLACE ('imp-2' AS id) FROM reviews WHERE id = 'imp-1'");
    await applyWorkspace(db, files, { replace: true });
    expect(await summary(db)).toMatchObject({ reviews: 1, corrections: 1 });
    expect(await count(db, "FROM theme_tags WHERE source = 'manual'")).toBe(bundled.manual + 1);
  });

  it('refuses a damaged, foreign or newer workspace and changes nothing', async () => {
    const good = packWorkspace(await collectWorkspace(db, null));
    const before = await summary(db);
    expect(() => unpackWorkspace(strToU8('hello'), 'notes.txt')).toThrow(/not a workspace export/);
    expect(() => unpackWorkspace(good.slice(0, 200), 'cut.zip')).toThrow(/damaged/);
    const entries = unzipSync(good);
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
    const newer = zipSync({ ...entries, 'manifest.json': strToU8(JSON.stringify({ ...manifest, version: WORKSPACE_VERSION + 1 })) });
    expect(() => unpackWorkspace(newer, 'newer.zip')).toThrow(/newer version of Learning Themes/);
    expect(() => unpackWorkspace(zipSync({ ...entries, 'reviews.arrows': strToU8('garbage') }), 'corrupt.zip')).toThrow(/reviews.arrows is not an Arrow stream/);
    const short = zipSync({ ...entries, 'manifest.json': strToU8(JSON.stringify({ ...manifest, tables: { ...manifest.tables, reviews: { rows: 5, bytes: 1 } } })) });
    expect(() => unpackWorkspace(short, 'short.zip')).toThrow(/reviews.arrows holds 1 rows, but the manifest says 5/);
    expect(await summary(db)).toEqual(before);
  });

  it('refuses an archive whose review year the filter index cannot hold (99999), naming the file, value and row', async () => {
    const entries = unzipSync(packWorkspace(await collectWorkspace(db, null)));
    const reviews = tableFromIPC(entries['reviews.arrows']!).toArray().map((r) => r.toJSON() as unknown as Review);
    expect(reviews.length).toBeGreaterThan(0);
    const before = await summary(db);
    const bad = rowsToArrowIPC('reviews', reviews.map((r, i) => (i === 0 ? { ...r, year: 99999 } : r)));
    expect(() => unpackWorkspace(zipSync({ ...entries, 'reviews.arrows': bad }), 'year.zip'))
      .toThrow('“year.zip” cannot be used: reviews.arrows: reviews row 1, year: 99999 is outside 1900–2100. Nothing was changed.');
    expect(await summary(db)).toEqual(before);
  });

  it('reads an archive whose columns come in another order by name, not by position', async () => {
    const entries = unzipSync(packWorkspace(await collectWorkspace(db, null)));
    const reviews = tableFromIPC(entries['reviews.arrows']!);
    const names = reviews.schema.fields.map((f) => f.name);
    const reversed = tableToIPC(reviews.select([...names].reverse()), 'stream');
    const expected = reviews.toArray().map((r) => ({ id: r.id as string, partnership_id: r.partnership_id as string, case_name: r.case_name as string }));
    await applyWorkspace(db, unpackWorkspace(zipSync({ ...entries, 'reviews.arrows': reversed }), 'reordered.zip'), { replace: true });
    expect(await db.query('SELECT id, partnership_id, case_name FROM ws_user_reviews ORDER BY id')).toEqual(expected);
  });
});
