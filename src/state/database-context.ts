/** What features need of the loaded workspace: a query runner and the data version for cache keys. */
import { createContext, useContext } from 'react';
import type { WriteRunner } from '../queries/runner.ts';

export interface DatabaseState {
  db: WriteRunner;
  /** Changes whenever the data changes (load, import, re-tag); part of every query key. */
  dataVersion: number;
  /** Marks the data as changed so every query refetches. */
  bumpDataVersion(): void;
}

export const DatabaseContext = createContext<DatabaseState | null>(null);

/** The loaded workspace. Only valid under <DatabaseProvider> once loading has finished. */
export function useDatabase(): DatabaseState {
  const state = useContext(DatabaseContext);
  if (!state) throw new Error('useDatabase() used outside a loaded DatabaseProvider');
  return state;
}
