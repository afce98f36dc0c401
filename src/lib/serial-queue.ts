/**
 * Runs async jobs one after another: DuckDB-WASM's queries on its one
 * connection (streamed results must not interleave), and the transactions of
 * the workspace's changes (src/workspace/write.ts).
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.tail.then(job, job);
    // The chain must survive a failed job; callers still see the rejection.
    this.tail = next.catch(() => undefined);
    return next;
  }
}
