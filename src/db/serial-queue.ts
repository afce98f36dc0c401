/**
 * Runs async jobs one after another. DuckDB-WASM's worker executes one query at
 * a time on a connection; queueing here keeps streamed results from interleaving.
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
