/** Merging records that are the same thing, for reviews and briefings alike. */
import { eachStep, runSteps, type Steps } from './work-steps.ts';

export interface Merged<T> {
  kept: T[];
  /** Maps the id of every record merged away to the id it was merged into. */
  mergedInto: Map<string, string>;
  messages: string[];
}

/** mergeByKey as steps that may be paused between (see work-steps.ts). */
export function* mergeByKeySteps<T extends { id: string }>(
  records: readonly T[], keyOf: (r: T) => string, fill: (kept: T, extra: T) => T, describe: (r: T) => string,
): Steps<Merged<T>> {
  const byId = new Map<string, T>();
  const byKey = new Map<string, string>();
  const mergedInto = new Map<string, string>();
  const messages: string[] = [];
  yield* eachStep(records, (r) => {
    const targetId = byId.has(r.id) ? r.id : byKey.get(keyOf(r));
    const target = targetId ? byId.get(targetId) : undefined;
    if (target) {
      byId.set(target.id, fill(target, r));
      if (r.id !== target.id) mergedInto.set(r.id, target.id);
      messages.push(`${describe(r)} appears twice: merged into ${target.id}`);
      return;
    }
    byId.set(r.id, r);
    byKey.set(keyOf(r), r.id);
  });
  return { kept: [...byId.values()], mergedInto, messages };
}

/**
 * Keeps one record per id and per `keyOf` key, in order: a later record with
 * the same id or key is merged into the kept one with `fill` (earlier records
 * win where both have a value), and a message names it with `describe`.
 */
export function mergeByKey<T extends { id: string }>(
  records: readonly T[], keyOf: (r: T) => string, fill: (kept: T, extra: T) => T, describe: (r: T) => string,
): Merged<T> {
  return runSteps(mergeByKeySteps(records, keyOf, fill, describe));
}
