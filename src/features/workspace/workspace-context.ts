/** The workspace session for features (provided by DatabaseProvider once the data has loaded). */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { SaveState, WorkspaceSession } from './workspace-session.ts';

export const WorkspaceContext = createContext<WorkspaceSession | null>(null);

/** The workspace session; only valid under a loaded DatabaseProvider. */
export function useWorkspace(): WorkspaceSession {
  const session = useContext(WorkspaceContext);
  if (!session) throw new Error('useWorkspace() used outside a loaded DatabaseProvider');
  return session;
}

/** The autosave state, re-rendering when it changes. */
export function useSaveState(): SaveState {
  const session = useWorkspace();
  return useSyncExternalStore(session.subscribe, session.getState);
}
