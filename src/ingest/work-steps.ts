/**
 * Long pure work (planning an import of 100,000 rows) written once as a
 * generator that yields at safe points, then run either straight through
 * (tests, pipelines) or a slice of time at a time with a pause between slices
 * (the page), so a big file never holds the main thread for long and the two
 * ways cannot drift apart.
 */

/** Work that yields (nothing) at points where it may be paused, and returns T. */
export type Steps<T> = Generator<void, T, void>;

/** Items between the yields of `eachStep`: small enough that a slice's clock check is never late by much. */
const ITEMS_PER_STEP = 500;

/** Calls `visit` on every item, yielding every few hundred. */
export function* eachStep<T>(items: readonly T[], visit: (item: T, index: number) => void): Steps<void> {
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % ITEMS_PER_STEP === 0) yield;
    visit(items[i]!, i);
  }
}

/** Runs the steps to the end without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Main-thread time one slice may take before the page gets a turn (well under the 50 ms of a "long task"). */
export const SLICE_MS = 30;

/** Runs the steps, pausing whenever a slice has run `sliceMs`; `signal` stops it between slices. */
export async function runStepsInSlices<T>(
  steps: Steps<T>, options: { pause: () => Promise<void>; signal?: AbortSignal; sliceMs?: number },
): Promise<T> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart < sliceMs) continue;
    await options.pause();
    options.signal?.throwIfAborted();
    sliceStart = performance.now();
  }
}

/**
 * `keyOf` computed once per record (planning asks for the same record's key several times). A Map, not a
 * WeakMap: the records live as long as the plan anyway, and a WeakMap of 100,000 records took about twice
 * as long, mostly in the one step where it grew.
 */
export function memoKey<T extends object>(keyOf: (record: T) => string): (record: T) => string {
  const known = new Map<T, string>();
  return (record) => {
    let key = known.get(record);
    if (key === undefined) known.set(record, (key = keyOf(record)));
    return key;
  };
}
