/**
 * Tables that hold only the user's own work (nothing bundled): saved with the
 * workspace and exported in its archive, never shipped in the dataset. Kept
 * apart from tables.ts so the bundled dataset's files and manifest are unchanged.
 */
import type { ColumnType, TableName } from './tables.ts';

/** How far a recommendation's action has got, in the order an action plan moves. */
export const TRACKING_STATUSES = ['not-started', 'in-progress', 'done', 'impact-evidenced'] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

export const TRACKING_STATUS_LABELS: Record<TrackingStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  'impact-evidenced': 'Impact evidenced',
};

/** One row per recommendation someone has started tracking. */
export interface RecommendationTracking {
  rec_id: string;
  status: TrackingStatus;
  owner: string;
  /** ISO date (YYYY-MM-DD) or ''. */
  due_on: string;
  note: string;
  /** ISO timestamp of the last change. */
  updated_at: string;
}

const recommendation_tracking: { readonly [K in keyof Required<RecommendationTracking>]: ColumnType } = {
  rec_id: 'VARCHAR', status: 'VARCHAR', owner: 'VARCHAR', due_on: 'VARCHAR', note: 'VARCHAR', updated_at: 'VARCHAR',
};

/**
 * An entry the tagger has read, whether or not it found a theme in it: without this, an imported
 * text with no theme looked the same as one never tagged, and stayed listed as "not yet tagged".
 */
export interface TaggedEntity {
  entity_type: 'review' | 'briefing' | 'passage';
  entity_id: string;
}

const tagged_entities: { readonly [K in keyof Required<TaggedEntity>]: ColumnType } = { entity_type: 'VARCHAR', entity_id: 'VARCHAR' };

export const WORKSPACE_TABLES = { recommendation_tracking, tagged_entities } as const;
export type WorkspaceTableName = keyof typeof WORKSPACE_TABLES;
export const WORKSPACE_TABLE_NAMES = Object.keys(WORKSPACE_TABLES) as WorkspaceTableName[];

/** `CREATE TABLE` for one workspace-only table. */
export function createWorkspaceTableSql(name: WorkspaceTableName): string {
  const cols = Object.entries(WORKSPACE_TABLES[name]).map(([col, type]) => `"${col}" ${type}`);
  return `CREATE TABLE IF NOT EXISTS ${name} (${cols.join(', ')})`;
}

/** Every table saved with the workspace: the stored tables and the workspace-only ones. */
export type SavedTableName = TableName | WorkspaceTableName;
