/** DDL for a fresh workspace: the stored tables, then the derived ones. */
import { TABLE_NAMES, createTableSql } from '../schema/tables.ts';
import { WORKSPACE_TABLE_NAMES, createWorkspaceTableSql } from '../schema/workspace-tables.ts';
import { REFRESH_DERIVED_SQL } from './derived.ts';

/** Creates every stored table (empty), the workspace-only tables, and the derived tables over them. */
export const CREATE_SCHEMA_SQL = [...TABLE_NAMES.map(createTableSql), ...WORKSPACE_TABLE_NAMES.map(createWorkspaceTableSql), REFRESH_DERIVED_SQL].join(';\n');
