/**
 * A runner that holds every call until the data is loaded. The dashboard
 * answers filters from the filter index file before DuckDB has started
 * (filter-index-file.ts); anything that needs SQL (search, the Explorer,
 * exports, evidence) waits here, showing its own "loading" state, instead of
 * reaching an engine whose tables are not there yet.
 */
import type { WriteRunner } from './runner.ts';

export class EngineGate {
  private opened!: () => void;
  private failed!: (err: Error) => void;
  private ready!: Promise<void>;

  constructor(private readonly inner: WriteRunner) {
    this.close();
  }

  /** Holds calls again (a new load starts). */
  close(): void {
    this.ready = new Promise<void>((resolve, reject) => {
      this.opened = resolve;
      this.failed = reject;
    });
    // The load's own error screen reports a failure; waiting calls just end with it.
    this.ready.catch(() => undefined);
  }

  /** Lets held and future calls through. */
  open(): void {
    this.opened();
  }

  /** Ends held calls with the load's error. */
  fail(err: Error): void {
    this.failed(err);
  }

  private after<T>(work: () => Promise<T>): Promise<T> {
    return this.ready.then(work);
  }

  /** The runner features see: the inner runner once the gate is open. */
  readonly runner: WriteRunner = {
    query: (sql, options) => this.after(() => this.inner.query(sql, options)),
    exec: (sql, options) => this.after(() => this.inner.exec(sql, options)),
    insertArrow: (table, ipc) => this.after(() => this.inner.insertArrow(table, ipc)),
    queryArrowIPC: (sql, options) => this.after(() => this.inner.queryArrowIPC(sql, options)),
    queryArrowStream: (sql, write, options) => this.after(() => this.inner.queryArrowStream(sql, write, options)),
    registerFile: (name, bytes) => this.after(() => this.inner.registerFile(name, bytes)),
    dropFile: (name) => this.after(() => this.inner.dropFile(name)),
    insertJSONFile: (table, name) => this.after(() => this.inner.insertJSONFile(table, name)),
    createFromArrow: (table, ipc) => this.after(() => this.inner.createFromArrow(table, ipc)),
    transaction: (statements) => this.after(() => this.inner.transaction(statements)),
  };
}
