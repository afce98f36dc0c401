/** Duplicate briefings (same id, or same partnership and title) are merged like reviews. */
import { slugify } from '../schema/partnership-name.ts';
import type { Briefing } from '../schema/records.ts';

export interface BriefingMergeResult {
  briefings: Briefing[];
  mergedInto: Map<string, string>;
  messages: string[];
}

/** The key two briefings share when they are the same document. */
export const briefingKey = (b: Pick<Briefing, 'partnership_id' | 'title'>) => `${b.partnership_id}|${slugify(b.title)}`;

/** Merges `incoming` into `existing`; earlier records win where both have a value. */
export function mergeBriefings(existing: readonly Briefing[], incoming: readonly Briefing[]): BriefingMergeResult {
  const byId = new Map<string, Briefing>();
  const byKey = new Map<string, string>();
  const mergedInto = new Map<string, string>();
  const messages: string[] = [];
  for (const b of [...existing, ...incoming]) {
    const targetId = byId.has(b.id) ? b.id : byKey.get(briefingKey(b));
    const target = targetId ? byId.get(targetId) : undefined;
    if (target) {
      const merged = { ...target } as Record<string, unknown>;
      for (const [k, v] of Object.entries(b)) if ((merged[k] === null || merged[k] === 'other') && v !== null) merged[k] = v;
      byId.set(target.id, merged as unknown as Briefing);
      if (b.id !== target.id) mergedInto.set(b.id, target.id);
      messages.push(`${b.title} (${b.partnership_id}) appears twice: merged into ${target.id}`);
      continue;
    }
    byId.set(b.id, b);
    byKey.set(briefingKey(b), b.id);
  }
  return { briefings: [...byId.values()], mergedInto, messages };
}
