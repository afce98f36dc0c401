/** The bundled dataset loaded into the same DuckDB engine in Node, to check on-screen numbers against SQL. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createNodeRunner } from '../../src/db/node-runner.ts';
import { loadTables } from '../../src/db/load-tables.ts';
import { TABLE_NAMES } from '../../src/schema/tables.ts';

export async function openBundledDataset(root = resolve(import.meta.dirname, '../..')) {
  const db = await createNodeRunner();
  await loadTables(db, TABLE_NAMES.map((name) => ({ name, ipc: new Uint8Array(readFileSync(resolve(root, `public/data/${name}.arrows`))) })));
  return db;
}
