/** Reads the filter index out of DuckDB: a handful of narrow queries, once per data version. */
import type { QueryRunner } from './runner.ts';
import { ensureSearchHits, searchScopeFromIndex } from './search-hits.ts';
import { DEFAULT_NATION, searchKey } from '../filters/filters.ts';
import { str } from './sql.ts';
import { themeLists, type PartnershipInfo, type FilterIndex, type ThemeInfo } from '../filter-index/filter-index.ts';
import { INDEXED } from './indexed-sql.ts';

async function columns(db: QueryRunner, sql: string, label: string): Promise<Record<string, ArrayLike<unknown> & ArrayLike<number>>> {
  const [{ tableFromIPC }, ipc] = await Promise.all([import('apache-arrow'), db.queryArrowIPC(sql, { label })]);
  const table = tableFromIPC(ipc);
  // Numbers come as typed arrays; text columns as arrays of strings (null where missing).
  return Object.fromEntries(table.schema.fields.map((f) => [f.name, (table.getChild(f.name)?.toArray() ?? []) as ArrayLike<number>]));
}

const texts = (column: ArrayLike<unknown>): Array<string | null> => Array.from(column, (v) => (v === null || v === undefined ? null : String(v)));

/** Loads the index for the data as it is now. */
export async function loadFilterIndex(db: QueryRunner): Promise<FilterIndex> {
  const partnerships = await db.query<PartnershipInfo>(`SELECT id, name, region, coalesce(kind, 'partnership') AS kind, coalesce(nation, ${str(DEFAULT_NATION)}) AS nation FROM partnerships ORDER BY id`, { label: 'index.partnerships' });
  const themes = await db.query<ThemeInfo>(
    `SELECT t.id, t.label, g.label AS "group", t.retired FROM themes t LEFT JOIN theme_groups g ON g.id = t.group_id ORDER BY t.id`,
    { label: 'index.themes' },
  );
  const reviewTypes = (await db.query<{ type: string }>('SELECT DISTINCT review_type AS type FROM review_facts ORDER BY 1', { label: 'index.types' })).map((r) => r.type);
  const typeCase = `CASE r.review_type ${reviewTypes.map((t, i) => `WHEN ${str(t)} THEN ${i}`).join(' ')} ELSE 255 END`;
  const r = await columns(db, `WITH ${INDEXED}
SELECT coalesce(p.i, 65535)::USMALLINT AS partnership, coalesce(r.year, 0)::SMALLINT AS year, (${typeCase})::UTINYINT AS type,
       r.title_only::UTINYINT AS title_only, r.tag_sources::UTINYINT AS tag_sources
FROM review_facts r LEFT JOIN p_idx p ON p.id = r.partnership_id ORDER BY r.id`, 'index.reviews');
  const rt = await columns(db, `WITH ${INDEXED}
SELECT ri.i AS item, ti.i::USMALLINT AS theme FROM review_theme_facts f JOIN r_idx ri ON ri.id = f.id JOIN t_idx ti ON ti.id = f.theme_id
ORDER BY ri.i, ti.i`, 'index.reviewThemes');
  const b = await columns(db, `WITH ${INDEXED}
SELECT coalesce(p.i, 65535)::USMALLINT AS partnership, coalesce(b.year, 0)::SMALLINT AS year,
       (b.briefing_kind = 'statement')::UTINYINT AS statement, coalesce(b.year, rv.year, 0)::SMALLINT AS dated_year,
       CASE WHEN b.year IS NULL THEN rv.published ELSE b.published END AS dated_published,
       CASE WHEN b.year IS NULL THEN rv.published_on ELSE b.published_on END AS dated_on,
       ki.i::INTEGER AS key
FROM briefings b LEFT JOIN p_idx p ON p.id = b.partnership_id LEFT JOIN reviews rv ON rv.id = b.review_id
JOIN briefing_facts bf ON bf.id = b.id JOIN b_idx ki ON ki.id = bf.briefing_key ORDER BY b.id`, 'index.briefings');
  const bt = await columns(db, `WITH ${INDEXED}
SELECT bi.i AS item, ti.i::USMALLINT AS theme FROM entity_themes e JOIN b_idx bi ON bi.id = e.entity_id JOIN t_idx ti ON ti.id = e.theme_id
WHERE e.entity_type = 'briefing' ORDER BY bi.i, ti.i`, 'index.briefingThemes');
  const reviewCount = r.partnership!.length;
  const briefingCount = b.partnership!.length;
  return {
    partnerships, themes, reviewTypes,
    reviews: {
      count: reviewCount, partnership: Uint16Array.from(r.partnership!), year: Int16Array.from(r.year!), type: Uint8Array.from(r.type!),
      titleOnly: Uint8Array.from(r.title_only!), tagSources: Uint8Array.from(r.tag_sources!),
      themes: themeLists(reviewCount, rt.item!, rt.theme!),
    },
    briefings: {
      count: briefingCount, partnership: Uint16Array.from(b.partnership!), year: Int16Array.from(b.year!),
      themes: themeLists(briefingCount, bt.item!, bt.theme!),
      statement: Uint8Array.from(b.statement!), key: Int32Array.from(b.key!), datedYear: Int16Array.from(b.dated_year!),
      datedPublished: texts(b.dated_published!), datedOn: texts(b.dated_on!),
    },
  };
}

/** Indexes of the reviews and briefings a text search matched (the search runs first if it has not). */
export async function loadSearchHits(db: QueryRunner, q: string): Promise<{ reviews: Int32Array; briefings: Int32Array }> {
  // The word index speaks in these positions: an exact answer needs no query at all.
  const scope = await searchScopeFromIndex(q);
  if (scope?.exact) return { reviews: Int32Array.from(scope.reviews), briefings: Int32Array.from(scope.briefings) };
  await ensureSearchHits(db, q, scope);
  const key = str(searchKey(q));
  const hits = (kind: string, idx: string) =>
    columns(db, `WITH ${INDEXED} SELECT x.i FROM ${idx} x WHERE x.id IN (SELECT id FROM search_hits WHERE q = ${key} AND kind = '${kind}') ORDER BY x.i`, 'index.searchHits');
  const [r, b] = await Promise.all([hits('review', 'r_idx'), hits('briefing', 'b_idx')]);
  return { reviews: Int32Array.from(r.i!), briefings: Int32Array.from(b.i!) };
}
