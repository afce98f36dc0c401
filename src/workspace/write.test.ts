import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRunner } from '../db/node-runner.ts';
import type { WriteRunner } from '../queries/runner.ts';
import { CREATE_SCHEMA_SQL } from '../queries/schema-sql.ts';
import type { ThemeTag } from '../schema/records.ts';
import { clearCorrection, replaceThemeSet, retireTheme, setCorrection, storeModelTags, storeRecords } from './changes.ts';
import { InvalidRowsError, UserDataReplacedError, writeChange } from './write.ts';

const tag = (theme_id: string, source: ThemeTag['source'], score = 0.7): ThemeTag =>
  ({ entity_type: 'review', entity_id: 'r1', theme_id, score, source, accepted: true });

/** One model tag for `entityId`, then the rows end only once `release()` is called (a tagger still at work). */
function tagsHeldBack(themeId: string, entityId: string) {
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  async function* rows() {
    yield { theme_tags: [{ ...tag(themeId, 'model'), entity_id: entityId }] };
    await released;
  }
  return { rows: rows(), release };
}

/** Every change goes through writeChange: these check what each kind stores, on a tiny schema-only database. */
describe('the one write path', () => {
  let db: WriteRunner & { close(): void };
  const themesOf = async () => (await db.query<{ theme_id: string }>(
    "SELECT theme_id FROM entity_themes WHERE entity_type = 'review' AND entity_id = 'r1' ORDER BY theme_id")).map((r) => r.theme_id);
  const stagingLeft = async () => db.query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'stage_%'");

  beforeAll(async () => {
    db = await createNodeRunner();
    await db.exec(CREATE_SCHEMA_SQL);
    await writeChange(db, storeRecords({
      partnerships: [{ id: 'p1', name: 'Testshire', region: null }],
      theme_groups: [{ id: 'g', label: 'Group' }],
      themes: ['neglect', 'online-harm', 'housing'].map((id) => ({ id, group_id: 'g', label: id, description: '', retired: false })),
      reviews: [{ id: 'r1', partnership_id: 'p1', case_name: 'Child A', review_type: 'other', published: null, published_on: null,
        year: 2024, summary: 'x', findings: null, recommendations: null, source_url: null, origin: 'import' }],
      theme_tags: [tag('neglect', 'model'), tag('housing', 'rule')],
    }));
    await db.exec("CREATE OR REPLACE TABLE ws_base_manual_tags AS SELECT * FROM theme_tags LIMIT 0");
  }, 60_000);
  afterAll(() => db?.close());

  it('two changes asked for at once each store their own rows', async () => {
    // Both stage partnerships: with one staging table per stored table, one replaced and dropped the other's.
    const place = (id: string) => storeRecords({ partnerships: [{ id, name: id, region: null }] });
    // Each call answered a moment later, as the browser's engine (a worker) answers: the two changes' steps interleave.
    const later = new Proxy(db, {
      get: (target, key) => {
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function'
          ? async (...args: unknown[]) => { await new Promise((done) => setTimeout(done, 1)); return (value as (...a: unknown[]) => unknown).apply(target, args); }
          : value;
      },
    });
    // The second asked for at several moments of the first's staging and writing.
    const pairs = [0, 2, 4, 6].map(async (delay) => {
      const first = writeChange(later, place(`p-${delay}-a`));
      await new Promise((done) => setTimeout(done, delay));
      await Promise.all([first, writeChange(later, place(`p-${delay}-b`))]);
    });
    await Promise.all(pairs);
    const ids = await db.query<{ id: string }>("SELECT id FROM partnerships WHERE id LIKE 'p-%' ORDER BY id");
    expect(ids.map((r) => r.id)).toEqual(['p-0-a', 'p-0-b', 'p-2-a', 'p-2-b', 'p-4-a', 'p-4-b', 'p-6-a', 'p-6-b']);
    expect(await stagingLeft()).toEqual([]);
  });

  it('refreshes the derived tables in the same change', async () => {
    expect(await themesOf()).toEqual(['housing', 'neglect']);
    const [facts] = await db.query<{ theme_count: number }>("SELECT theme_count FROM review_facts WHERE id = 'r1'");
    expect(facts!.theme_count).toBe(2);
  });

  it('a correction overrides the tagger, replaces an earlier one, and can be withdrawn', async () => {
    await writeChange(db, setCorrection({ type: 'review', id: 'r1' }, 'neglect', false));
    await writeChange(db, setCorrection({ type: 'review', id: 'r1' }, 'online-harm', true));
    await writeChange(db, setCorrection({ type: 'review', id: 'r1' }, 'online-harm', true));
    expect(await themesOf()).toEqual(['housing', 'online-harm']);
    expect((await db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM theme_tags WHERE source = 'manual'"))[0]!.n).toBe(2);
    await writeChange(db, clearCorrection({ type: 'review', id: 'r1' }, 'neglect'));
    expect(await themesOf()).toEqual(['housing', 'neglect', 'online-harm']);
  });

  it('new model tags replace the model ones; with rules (retraining) the phrase-rule ones too', async () => {
    const entries = [{ entity_type: 'review' as const, entity_id: 'r1' }];
    await writeChange(db, storeModelTags(entries, [{ theme_tags: [tag('online-harm', 'model', 0.9)] }]));
    const sources = async () => db.query<{ theme_id: string; source: string }>(
      "SELECT theme_id, source FROM theme_tags WHERE source <> 'manual' ORDER BY theme_id");
    expect(await sources()).toEqual([{ theme_id: 'housing', source: 'rule' }, { theme_id: 'online-harm', source: 'model' }]);
    await writeChange(db, storeModelTags(entries, { theme_tags: [tag('neglect', 'model', 0.8)], tag_evidence: [] }, { rules: true }));
    expect(await sources()).toEqual([{ theme_id: 'neglect', source: 'model' }]);
  });

  it('theme edits and a whole theme set go through the same path', async () => {
    await writeChange(db, retireTheme('housing', true));
    expect((await db.query<{ retired: boolean }>("SELECT retired FROM themes WHERE id = 'housing'"))[0]!.retired).toBe(true);
    await writeChange(db, replaceThemeSet({
      groups: [{ id: 'g2', label: 'Other' }],
      themes: [{ id: 'neglect', group_id: 'g2', label: 'Neglect', description: 'd', retired: false }],
    }));
    expect(await db.query('SELECT id, group_id, label FROM themes')).toEqual([{ id: 'neglect', group_id: 'g2', label: 'Neglect' }]);
    expect(await db.query('SELECT id FROM theme_groups')).toEqual([{ id: 'g2' }]);
  });

  it('a bad value stores nothing and says which row', async () => {
    const before = await db.query('SELECT * FROM theme_tags ORDER BY ALL');
    const bad = { ...tag('neglect', 'model'), entity_id: '' };
    const err = await writeChange(db, storeRecords({ theme_tags: [tag('housing', 'model'), bad] })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidRowsError);
    expect((err as InvalidRowsError).problems.join(' ')).toMatch(/theme_tags|theme tags/);
    expect(await db.query('SELECT * FROM theme_tags ORDER BY ALL')).toEqual(before);
    expect(await stagingLeft()).toEqual([]);
  });

  it('a change whose rows are still arriving does not hold up another, and a deleted workspace stops it', async () => {
    // Tags arriving slice by slice, as the tagger makes them, while an import is written.
    const late = tagsHeldBack('online-harm', 'r-late');
    const tagging = writeChange(db, { rows: late.rows });
    await writeChange(db, storeRecords({ partnerships: [{ id: 'p-meanwhile', name: 'Meanwhile', region: null }] }));
    expect(await db.query("SELECT id FROM partnerships WHERE id = 'p-meanwhile'")).toEqual([{ id: 'p-meanwhile' }]);
    late.release();
    await tagging;
    expect(await db.query("SELECT theme_id FROM theme_tags WHERE entity_id = 'r-late'")).toEqual([{ theme_id: 'online-harm' }]);

    // The same, but the user data is deleted before the tags are all there: they belong to nothing now.
    const gone = tagsHeldBack('housing', 'r-gone');
    const stale = writeChange(db, { rows: gone.rows });
    await writeChange(db, { before: ['DELETE FROM partnerships WHERE id = \'p-meanwhile\''], replacesUserData: true });
    gone.release();
    await expect(stale).rejects.toBeInstanceOf(UserDataReplacedError);
    expect(await db.query("SELECT theme_id FROM theme_tags WHERE entity_id = 'r-gone'")).toEqual([]);
    expect(await stagingLeft()).toEqual([]);
  });

  it('a cancelled change stores nothing and leaves no staging tables', async () => {
    const before = await db.query('SELECT * FROM theme_tags ORDER BY ALL');
    const controller = new AbortController();
    controller.abort();
    await expect(writeChange(db, { rows: { theme_tags: [tag('housing', 'model')] }, signal: controller.signal })).rejects.toThrow();
    expect(await db.query('SELECT * FROM theme_tags ORDER BY ALL')).toEqual(before);
    expect(await stagingLeft()).toEqual([]);
  });

  it('a change bigger than what is stored is swapped in: the same rows as merging, and all or nothing', async () => {
    const oid = async () => (await db.query<{ oid: number }>("SELECT table_oid::DOUBLE AS oid FROM duckdb_tables() WHERE table_name = 'theme_tags'"))[0]!.oid;
    const rows = () => db.query<ThemeTag>('SELECT * FROM theme_tags ORDER BY ALL');
    const stored = await rows();
    const first = stored[0]!;
    const many = Array.from({ length: 25_000 }, (_, i) => ({ ...tag('neglect', 'model', 0.5), entity_id: `big${i}` }));
    const change = { ...first, score: 0.25 };
    const before = await oid();
    const failed = writeChange(db, { rows: { theme_tags: [...many, change] }, before: ['SELECT * FROM no_such_table'] });
    await expect(failed).rejects.toThrow();
    expect(await rows()).toEqual(stored);
    expect(await oid()).toBe(before);
    expect(await stagingLeft()).toEqual([]);

    await writeChange(db, storeRecords({ theme_tags: [...many, change] }));
    // The stored table was replaced by the staging one (a merge keeps the table), holding the same rows a merge gives.
    expect(await oid()).not.toBe(before);
    const after = await rows();
    expect(after).toHaveLength(stored.length + many.length);
    const asSet = (xs: readonly ThemeTag[]) => xs.map((r) => JSON.stringify(r)).sort();
    expect(asSet(after.filter((r) => !r.entity_id.startsWith('big')))).toEqual(asSet([change, ...stored.slice(1)]));
    expect((await db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM entity_themes WHERE entity_id LIKE 'big%'"))[0]!.n).toBe(many.length);
    expect(await stagingLeft()).toEqual([]);
  });
});
