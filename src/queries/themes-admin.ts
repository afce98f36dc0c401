/** The theme set as the user edits it: add, rename, retire, and apply an imported codebook. */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from './runner.ts';
import type { Codebook } from '../codebook/types.ts';
import { str } from './sql.ts';

export interface ThemeAdminRow {
  id: string;
  group_id: string;
  group_label: string;
  label: string;
  description: string;
  retired: boolean;
  /** Reviews and briefings the theme currently counts for. */
  entries: number;
}

export const themesAdminSql = `
SELECT t.id, t.group_id, g.label AS group_label, t.label, t.description, t.retired,
       (SELECT count(*) FROM entity_themes e WHERE e.theme_id = t.id)::INTEGER AS entries
FROM themes t LEFT JOIN theme_groups g ON g.id = t.group_id ORDER BY g.id, t.retired, t.label`;

export const themeGroupsSql = 'SELECT id, label FROM theme_groups ORDER BY id';

/** Renames a theme and rewrites its description. */
export function updateThemeSql(id: string, label: string, description: string): string {
  return `UPDATE themes SET label = ${str(label)}, description = ${str(description)} WHERE id = ${str(id)}`;
}

/** Retires a theme (kept with its tags, hidden from filters and charts) or brings it back. */
export function setRetiredSql(id: string, retired: boolean): string {
  return `UPDATE themes SET retired = ${retired} WHERE id = ${str(id)}`;
}

/** Empties the theme set before a planned one is staged in its place (ids of existing themes never change, so tags stay attached). */
export const CLEAR_THEME_SET_SQL = ['DELETE FROM theme_groups', 'DELETE FROM themes'] as const;

export const themesAdminQuery = (db: QueryRunner, dataVersion: number) =>
  queryOptions({
    queryKey: ['themes', 'admin', dataVersion],
    queryFn: ({ signal }) => db.query<ThemeAdminRow>(themesAdminSql, { signal, label: 'themes.admin' }),
  });

/** The current theme set as a codebook (for export and import plans). */
export async function loadCodebook(db: QueryRunner): Promise<Codebook> {
  const groups = await db.query<{ id: string; label: string }>(themeGroupsSql);
  const themes = await db.query<ThemeAdminRow>(themesAdminSql);
  return { groups, themes: themes.map(({ id, group_id, label, description, retired }) => ({ id, group_id, label, description, retired })) };
}
