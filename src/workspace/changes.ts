/**
 * Every kind of change the user can make, as a `Change` for the one write
 * path (write.ts): the SQL pieces come from the query modules, the rows are
 * staged as Arrow. A new kind of change is one more builder here.
 */
import type { Codebook } from '../codebook/types.ts';
import { clearCorrectionSql, correctionTag, type EntityRef } from '../queries/corrections.ts';
import { clearDocumentsSql, clearStagedTaggedSql } from '../queries/import.ts';
import type { StageTables } from '../queries/staging.ts';
import { CLEAR_THEME_SET_SQL, setRetiredSql, updateThemeSql } from '../queries/themes-admin.ts';
import { deleteUserItemSql, editUserItemSql, type UserItemKind } from '../queries/user-items.ts';
import type { Theme } from '../schema/records.ts';
import type { Change, StagedRows } from './write.ts';

const ENTITY_TYPES = ['review', 'briefing', 'passage'] as const;
type TaggedEntity = { entity_type: (typeof ENTITY_TYPES)[number]; entity_id: string };

/** Records stored as they are (an import), replacing stored rows with the same key. */
export const storeRecords = (rows: StagedRows): Change => ({ rows });

/** Documents and their passages, replacing earlier copies of the same documents (and the earlier copies' tags). */
export const storeDocuments = (rows: StagedRows): Change => ({
  rows, before: clearDocumentsSql((rows.documents ?? []).map((d) => d.id)),
});

/**
 * Tags from the tagger for `entities`, arriving in slices, replacing their earlier model tags
 * (with `rules`, their phrase-rule tags too: a retrained or restored model re-tags everything).
 */
export function storeModelTags(
  entities: readonly TaggedEntity[], slices: Change['rows'], options: { rules?: boolean; signal?: AbortSignal } = {},
): Change {
  // With no entity nothing is staged as tagged, and there is nothing to clear.
  const before = entities.length ? (stage: StageTables) => clearStagedTaggedSql(stage, options) : [];
  return { rows: withTaggedMarks(entities, slices), before, signal: options.signal, keepsText: true };
}

/** Texts marked per staged chunk: a few milliseconds of work. */
const MARK_SLICE = 2000;

/**
 * The tag rows, then every entity marked as read by the tagger (tagged_entities, which also tells the
 * transaction whose earlier model tags to clear), a slice at a time.
 */
async function* withTaggedMarks(entities: readonly TaggedEntity[], slices: Change['rows']): AsyncGenerator<StagedRows> {
  if (slices) {
    if (Symbol.iterator in slices || Symbol.asyncIterator in slices) yield* slices as Iterable<StagedRows> | AsyncIterable<StagedRows>;
    else yield slices as StagedRows;
  }
  for (let at = 0; at < entities.length; at += MARK_SLICE) {
    yield { tagged_entities: entities.slice(at, at + MARK_SLICE).map(({ entity_type, entity_id }) => ({ entity_type, entity_id })) };
  }
}

/** A person's verdict on a theme for one entry, replacing any earlier one. */
export const setCorrection = (e: EntityRef, themeId: string, accepted: boolean): Change => ({
  rows: { theme_tags: [correctionTag(e, themeId, accepted)] }, keepsText: true,
});

/** Withdraws the user's correction (back to the expert label, else to the tagger). */
export const clearCorrection = (e: EntityRef, themeId: string): Change => ({ before: clearCorrectionSql(e, themeId), keepsText: true });

export const addTheme = (theme: Theme): Change => ({ rows: { themes: [theme] } });
export const renameTheme = (id: string, label: string, description: string): Change => ({ before: [updateThemeSql(id, label, description)], keepsText: true });
export const retireTheme = (id: string, retired: boolean): Change => ({ before: [setRetiredSql(id, retired)], keepsText: true });

/** Replaces the theme set with a planned one (ids of existing themes never change, so tags stay attached). */
export const replaceThemeSet = (book: Codebook): Change => ({
  rows: { theme_groups: book.groups, themes: book.themes }, before: CLEAR_THEME_SET_SQL, keepsText: true,
});

/** Deletes one imported review or briefing with everything hanging off it. */
export const deleteUserItem = (kind: UserItemKind, id: string): Change => ({ before: deleteUserItemSql(kind, id) });

/** Changes an imported item's title and publication date. */
export const editUserItem = (kind: UserItemKind, id: string, title: string, published: string | null): Change => ({
  before: editUserItemSql(kind, id, title, published),
});
