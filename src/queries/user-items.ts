/**
 * The user's imported reviews and briefings, one at a time: listed, edited
 * (title and publication date) and deleted with everything hanging off them
 * (documents, passages, theme tags, evidence, and a partnership nothing else
 * uses). Needs the workspace views (SNAPSHOT_BASE_SQL in workspace.ts).
 */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from './runner.ts';
import { str } from './sql.ts';

export type UserItemKind = 'review' | 'briefing';

export interface UserItemRow {
  kind: UserItemKind;
  id: string;
  title: string;
  partnership: string;
  published: string | null;
  documents: number;
  themes: number;
}

/** Every imported review and briefing, newest import first by title. */
export const USER_ITEMS_SQL = `
SELECT 'review' AS kind, r.id, r.case_name AS title, p.name AS partnership, r.published,
       (SELECT count(*) FROM documents d WHERE d.entity_type = 'review' AND d.entity_id = r.id)::INTEGER AS documents,
       (SELECT count(*) FROM entity_themes e WHERE e.entity_type = 'review' AND e.entity_id = r.id)::INTEGER AS themes
FROM ws_user_reviews r LEFT JOIN partnerships p ON p.id = r.partnership_id
UNION ALL
SELECT 'briefing', b.id, b.title, p.name, b.published,
       (SELECT count(*) FROM documents d WHERE d.entity_type = 'briefing' AND d.entity_id = b.id)::INTEGER,
       (SELECT count(*) FROM entity_themes e WHERE e.entity_type = 'briefing' AND e.entity_id = b.id)::INTEGER
FROM ws_user_briefings b LEFT JOIN partnerships p ON p.id = b.partnership_id
ORDER BY kind DESC, title, id`;

/** Statements that delete one imported item and what hangs off it; bundled rows are never touched. */
export function deleteUserItemSql(kind: UserItemKind, id: string): string[] {
  const table = kind === 'review' ? 'reviews' : 'briefings';
  const userView = kind === 'review' ? 'ws_user_reviews' : 'ws_user_briefings';
  const key = str(id);
  const passages = `SELECT p.id FROM passages p WHERE p.entity_type = '${kind}' AND p.entity_id = ${key}`;
  return [
    `CREATE OR REPLACE TEMP TABLE ws_item_gone AS SELECT id FROM ${userView} WHERE id = ${key}`,
    `DELETE FROM tag_evidence WHERE (entity_type = '${kind}' AND entity_id IN (SELECT id FROM ws_item_gone))
       OR (entity_type = 'passage' AND entity_id IN (${passages}) AND ${key} IN (SELECT id FROM ws_item_gone))`,
    `DELETE FROM theme_tags WHERE (entity_type = '${kind}' AND entity_id IN (SELECT id FROM ws_item_gone))
       OR (entity_type = 'passage' AND entity_id IN (${passages}) AND ${key} IN (SELECT id FROM ws_item_gone))`,
    `DELETE FROM tagged_entities WHERE (entity_type = '${kind}' AND entity_id IN (SELECT id FROM ws_item_gone))
       OR (entity_type = 'passage' AND entity_id IN (${passages}) AND ${key} IN (SELECT id FROM ws_item_gone))`,
    `DELETE FROM passages WHERE entity_type = '${kind}' AND entity_id IN (SELECT id FROM ws_item_gone)`,
    `DELETE FROM documents WHERE entity_type = '${kind}' AND entity_id IN (SELECT id FROM ws_item_gone)`,
    `DELETE FROM ${table} WHERE id IN (SELECT id FROM ws_item_gone)`,
    // A partnership the user added and nothing uses any more goes too.
    `DELETE FROM partnerships WHERE id NOT IN (SELECT id FROM ws_base_keys WHERE tbl = 'partnerships')
       AND id NOT IN (SELECT partnership_id FROM reviews) AND id NOT IN (SELECT partnership_id FROM briefings)`,
    'DROP TABLE ws_item_gone',
  ];
}

/** Statements that change an imported item's title and publication date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or null). */
export function editUserItemSql(kind: UserItemKind, id: string, title: string, published: string | null): string[] {
  const table = kind === 'review' ? 'reviews' : 'briefings';
  const userView = kind === 'review' ? 'ws_user_reviews' : 'ws_user_briefings';
  const titleColumn = kind === 'review' ? 'case_name' : 'title';
  const [y, m = '01', d = '01'] = (published ?? '').split('-');
  const dates = published
    ? `published = ${str(published)}, published_on = ${str(`${y}-${m}-${d}`)}, year = ${Number(y)}`
    : 'published = NULL, published_on = NULL, year = NULL';
  return [`UPDATE ${table} SET ${titleColumn} = ${str(title)}, ${dates} WHERE id = ${str(id)} AND id IN (SELECT id FROM ${userView})`];
}

/** TanStack Query options for the list of imported items. */
export const userItemsQuery = (db: QueryRunner, dataVersion: number) =>
  queryOptions({
    queryKey: ['workspace', 'items', dataVersion],
    queryFn: ({ signal }) => db.query<UserItemRow>(USER_ITEMS_SQL, { signal, label: 'workspace.items' }),
  });
