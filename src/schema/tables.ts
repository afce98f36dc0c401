/**
 * Column layout of every table, typed against the record interfaces so the
 * DuckDB DDL, the Arrow files the pipelines write and the TypeScript rows
 * cannot drift apart.
 */
import type {
  Briefing, Document, Partnership, Passage, Review, TagEvidence, Theme, ThemeGroup, ThemeTag,
} from './records.ts';

export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';

type Columns<T> = { readonly [K in keyof Required<T>]: ColumnType };

const partnerships: Columns<Partnership> = { id: 'VARCHAR', name: 'VARCHAR', region: 'VARCHAR', kind: 'VARCHAR', nation: 'VARCHAR' };

const reviews: Columns<Review> = {
  id: 'VARCHAR', partnership_id: 'VARCHAR', case_name: 'VARCHAR', review_type: 'VARCHAR',
  published: 'VARCHAR', published_on: 'VARCHAR', year: 'INTEGER', summary: 'VARCHAR',
  findings: 'VARCHAR', recommendations: 'VARCHAR', source_url: 'VARCHAR', origin: 'VARCHAR',
};

const briefings: Columns<Briefing> = {
  id: 'VARCHAR', partnership_id: 'VARCHAR', title: 'VARCHAR', briefing_kind: 'VARCHAR',
  review_id: 'VARCHAR', published: 'VARCHAR', published_on: 'VARCHAR', year: 'INTEGER',
  text: 'VARCHAR', source_url: 'VARCHAR', origin: 'VARCHAR',
};

const documents: Columns<Document> = {
  id: 'VARCHAR', entity_type: 'VARCHAR', entity_id: 'VARCHAR', file_name: 'VARCHAR',
  media_type: 'VARCHAR', char_count: 'INTEGER',
};

const passages: Columns<Passage> = {
  id: 'VARCHAR', document_id: 'VARCHAR', entity_type: 'VARCHAR', entity_id: 'VARCHAR',
  seq: 'INTEGER', text: 'VARCHAR',
};

const themes: Columns<Theme> = {
  id: 'VARCHAR', group_id: 'VARCHAR', label: 'VARCHAR', description: 'VARCHAR', retired: 'BOOLEAN',
};

const theme_groups: Columns<ThemeGroup> = { id: 'VARCHAR', label: 'VARCHAR' };

const theme_tags: Columns<ThemeTag> = {
  entity_type: 'VARCHAR', entity_id: 'VARCHAR', theme_id: 'VARCHAR', score: 'DOUBLE',
  source: 'VARCHAR', accepted: 'BOOLEAN',
};

const tag_evidence: Columns<TagEvidence> = {
  entity_type: 'VARCHAR', entity_id: 'VARCHAR', theme_id: 'VARCHAR', rank: 'INTEGER',
  start_offset: 'INTEGER', end_offset: 'INTEGER', sentence: 'VARCHAR', weight: 'DOUBLE',
};

/** Every stored table, in load order. */
export const TABLES = {
  partnerships, theme_groups, themes, reviews, briefings, documents, passages, theme_tags, tag_evidence,
} as const;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** Row type of each table. */
export interface TableRows {
  partnerships: Partnership; theme_groups: ThemeGroup; themes: Theme; reviews: Review;
  briefings: Briefing; documents: Document; passages: Passage; theme_tags: ThemeTag;
  tag_evidence: TagEvidence;
}

/** `CREATE TABLE` for one table. */
export function createTableSql(name: TableName): string {
  const cols = Object.entries(TABLES[name]).map(([col, type]) => `"${col}" ${type}`);
  return `CREATE TABLE IF NOT EXISTS ${name} (${cols.join(', ')})`;
}
