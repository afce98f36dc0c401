/** What features need of the loaded workspace: a query runner, the data version for cache keys, and the one way to change data. */
import { createContext, useContext } from 'react';
import type { WriteRunner } from '../queries/runner.ts';
import type { WriteChange } from '../workspace/write.ts';

export interface DatabaseState {
  /** Reads; the write methods serve an import's scratch tables only (stored data changes go through `change`). */
  db: WriteRunner;
  /** Changes whenever the data changes (load, import, re-tag); part of every query key. */
  dataVersion: number;
  /**
   * Writes one change through the write path (stage → one transaction → refresh
   * derived tables), then gives the data a new version, which schedules the save.
   * Reached through useWorkspaceChange().
   */
  change: WriteChange;
  /** Marks the data as changed after a whole-workspace operation (restore, delete all) that saved itself. */
  bumpDataVersion(): void;
}

export const DatabaseContext = createContext<DatabaseState | null>(null);

/** The loaded workspace. Only valid under <DatabaseProvider> once loading has finished. */
export function useDatabase(): DatabaseState {
  const state = useContext(DatabaseContext);
  if (!state) throw new Error('useDatabase() used outside a loaded DatabaseProvider');
  return state;
}

/** The one way features change data: `await change(setCorrection(…))` (change builders: src/workspace/changes.ts). */
export function useWorkspaceChange(): WriteChange {
  return useDatabase().change;
}
