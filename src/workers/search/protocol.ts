/** Messages between the app and the search worker: one reply per request id (a result or an error). */
export type SearchRequest =
  | { id: number; type: 'start'; docCount: number }
  /** An Arrow IPC stream with columns doc (INTEGER) and text (VARCHAR). */
  | { id: number; type: 'add'; ipc: Uint8Array }
  | { id: number; type: 'finish' }
  | { id: number; type: 'search'; term: string };

export type SearchResponse =
  | { id: number; type: 'done'; words?: number }
  | { id: number; type: 'hits'; docs: Uint8Array | null; exact: boolean }
  | { id: number; type: 'error'; message: string };
