/** The narrow face of the database that query modules and features see. */
export interface QueryOptions {
  signal?: AbortSignal;
  /** Names the query in performance timings (`performance.measure('sql:<label>')`). */
  label?: string;
}

export interface QueryRunner {
  /** Runs one SQL statement and returns its rows as plain objects. */
  query<Row>(sql: string, options?: QueryOptions): Promise<Row[]>;
  /** Runs statements whose results are not needed (DDL, inserts). */
  exec(sql: string, options?: QueryOptions): Promise<void>;
  /** Appends Arrow IPC stream bytes to a table that already exists. */
  insertArrow(table: string, ipc: Uint8Array): Promise<void>;
  /** Runs a query and returns its result as Arrow IPC stream bytes (for saving and exporting tables). */
  queryArrowIPC(sql: string, options?: QueryOptions): Promise<Uint8Array>;
  /**
   * The same bytes as queryArrowIPC, handed to `write` a piece at a time as the result streams in, so a
   * big result is never held whole; resolves with the number of rows.
   */
  queryArrowStream(sql: string, write: (bytes: Uint8Array) => Promise<void>, options?: QueryOptions): Promise<number>;
}

/**
 * What writing needs beyond queries: files for import readers and one
 * transaction for a change. Both runners (browser and Node) provide it all.
 */
export interface WriteRunner extends QueryRunner {
  /** Makes bytes readable by SQL under `name` (e.g. `read_csv('name')`) until dropped. */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /** Forgets a registered file (best effort). */
  dropFile(name: string): Promise<void>;
  /** Creates `table` from a registered JSON or JSON Lines file with duckdb-wasm's own reader (no extension). */
  insertJSONFile(table: string, name: string): Promise<void>;
  /** Creates `table` from Arrow IPC stream bytes (its columns are the stream's). */
  createFromArrow(table: string, ipc: Uint8Array): Promise<void>;
  /**
   * Runs statements as one transaction, with nothing else interleaved: all
   * apply or none do (ROLLBACK on the first failure, then the error is rethrown).
   */
  transaction(statements: readonly string[]): Promise<void>;
}

/** An error that carries the SQL that failed, for the error screen and logs. */
export class QueryError extends Error {
  readonly sql: string;
  constructor(message: string, sql: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QueryError';
    this.sql = sql;
  }
}

/** Normalises anything thrown into an Error with a readable message. */
export function toError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  if (thrown && typeof thrown === 'object' && 'message' in thrown) return new Error(String(thrown.message));
  return new Error(String(thrown));
}

export function abortError(): DOMException {
  return new DOMException('The operation was cancelled.', 'AbortError');
}
