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
  pick: (namesakes: T[], other: T) => T | undefined = (namesakes) => namesakes[0],
): Steps<Merged<T>> {
  const byId = new Map<string, T>();
  // Every record kept under a key: a key may name several things that `pick` tells apart.
  const byKey = new Map<string, string[]>();
  const mergedInto = new Map<string, string>();
  const messages: string[] = [];
  yield* eachStep(records, (r) => {
    const key = keyOf(r);
    const namesakes = (byKey.get(key) ?? []).map((id) => byId.get(id)!);
    const target = byId.get(r.id) ?? pick(namesakes, r);
    if (target) {
      byId.set(target.id, fill(target, r));
      if (r.id !== target.id) mergedInto.set(r.id, target.id);
      messages.push(`${describe(r)} appears twice: merged into ${describe(target)} [${target.id}]`);
      return;
    }
    for (const kept of namesakes) messages.push(`${describe(r)} shares its name with ${describe(kept)} [${kept.id}] but is a different one: kept apart`);
    byId.set(r.id, r);
    byKey.set(key, [...(byKey.get(key) ?? []), r.id]);
  });
  return { kept: [...byId.values()], mergedInto, messages };
}

/**
 * Keeps one record per id and per `keyOf` key, in order: a later record with
 * the same id, or the same key as kept ones (`pick` chooses which, if any; the first by default), is merged into it with `fill`
 * (earlier records win where both have a value), and a message names it with `describe`.
 */
export function mergeByKey<T extends { id: string }>(
  records: readonly T[], keyOf: (r: T) => string, fill: (kept: T, extra: T) => T, describe: (r: T) => string,
  pick?: (namesakes: T[], other: T) => T | undefined,
): Merged<T> {
  return runSteps(mergeByKeySteps(records, keyOf, fill, describe, pick));
}
