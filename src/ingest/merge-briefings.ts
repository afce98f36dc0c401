/** Duplicate briefings (same id, or same partnership and title) are merged like reviews. */
import { slugify } from '../schema/partnership-name.ts';
import type { Briefing } from '../schema/records.ts';
import { mergeByKeySteps } from './merge-by-key.ts';
import { runSteps, type Steps } from './work-steps.ts';

export interface BriefingMergeResult {
  briefings: Briefing[];
  mergedInto: Map<string, string>;
  messages: string[];
}

/** The key two briefings share when they are the same document. */
export const briefingKey = (b: Pick<Briefing, 'partnership_id' | 'title'>) => `${b.partnership_id}|${slugify(b.title)}`;

/** Fills the kept briefing's missing fields (null, or an "other" type) from the duplicate. */
function fillGaps(kept: Briefing, extra: Briefing): Briefing {
  const merged = { ...kept } as Record<string, unknown>;
  for (const [k, v] of Object.entries(extra)) if ((merged[k] === null || merged[k] === 'other') && v !== null) merged[k] = v;
  return merged as unknown as Briefing;
}

/** mergeBriefings as steps that may be paused between; `keyOf` may be a memoised briefingKey. */
export function* mergeBriefingsSteps(existing: readonly Briefing[], incoming: readonly Briefing[], keyOf = briefingKey): Steps<BriefingMergeResult> {
  const { kept, mergedInto, messages } = yield* mergeByKeySteps([...existing, ...incoming], keyOf, fillGaps, (b) => `${b.title} (${b.partnership_id})`);
  return { briefings: kept, mergedInto, messages };
}

/** Merges `incoming` into `existing`; earlier records win where both have a value. */
export function mergeBriefings(existing: readonly Briefing[], incoming: readonly Briefing[]): BriefingMergeResult {
  return runSteps(mergeBriefingsSteps(existing, incoming));
}
