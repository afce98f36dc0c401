/**
 * What an import will write, worked out before anything is written: incoming
 * records merged with each other and with what the workspace already holds
 * (same id, or same partnership and case / title), tags moved onto the kept ids.
 */
import type { Briefing, Partnership, Review, ThemeTag } from '../schema/records.ts';
import { briefingKey, mergeBriefings } from './merge-briefings.ts';
import { mergeReviews, reviewCaseKey } from './merge-reviews.ts';
import type { ImportRecords } from './metadata-records.ts';

export interface ExistingRecords {
  partnerships: Pick<Partnership, 'id'>[];
  reviews: Review[];
  briefings: Briefing[];
}

export interface ImportPlan {
  partnerships: Partnership[];
  /** New and updated reviews (an update replaces the stored row). */
  reviews: Review[];
  briefings: Briefing[];
  tags: ThemeTag[];
  /** Distinct incoming records once duplicates within the file are merged. */
  distinct: { reviews: number; briefings: number };
  added: { reviews: number; briefings: number; partnerships: number };
  merged: { reviews: number; briefings: number };
  /** One line per duplicate, naming the rows involved. */
  duplicates: string[];
}

const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

function describeDuplicates<T extends { id: string }>(items: readonly T[], rows: readonly number[], key: (t: T) => string, name: (t: T) => string, existing: readonly T[]): string[] {
  const stored = new Map<string, T>();
  for (const e of existing) (stored.set(`id:${e.id}`, e), stored.set(`key:${key(e)}`, e));
  const seen = new Map<string, number>();
  const out: string[] = [];
  items.forEach((t, i) => {
    const row = rows[i] ?? i + 1;
    const earlier = seen.get(`id:${t.id}`) ?? seen.get(`key:${key(t)}`);
    const reason = seen.has(`id:${t.id}`) ? `same id '${t.id}'` : `same ${name(t)}`;
    if (earlier !== undefined) out.push(`row ${row}: ${reason} as row ${earlier}; merged`);
    else if (stored.has(`id:${t.id}`) || stored.has(`key:${key(t)}`)) out.push(`row ${row}: ${name(t)} is already in the workspace; merged, filling its empty fields`);
    if (!seen.has(`id:${t.id}`)) seen.set(`id:${t.id}`, row);
    if (!seen.has(`key:${key(t)}`)) seen.set(`key:${key(t)}`, row);
  });
  return out;
}

/** Stored records an incoming one collides with; others are left alone, even if they duplicate each other. */
function colliding<T extends { id: string }>(stored: readonly T[], incoming: readonly T[], key: (t: T) => string): T[] {
  const keys = new Set(incoming.flatMap((x) => [`id:${x.id}`, `key:${key(x)}`]));
  return stored.filter((x) => keys.has(`id:${x.id}`) || keys.has(`key:${key(x)}`));
}

/** Plans an import of `incoming` into a workspace holding `existing`. */
export function planImport(incoming: ImportRecords, existing: ExistingRecords): ImportPlan {
  const r = mergeReviews(colliding(existing.reviews, incoming.reviews, reviewCaseKey), incoming.reviews);
  const b = mergeBriefings(colliding(existing.briefings, incoming.briefings, briefingKey), incoming.briefings);
  const storedReviews = new Map(existing.reviews.map((x) => [x.id, x]));
  const storedBriefings = new Map(existing.briefings.map((x) => [x.id, x]));
  const reviews = r.reviews.filter((x) => !storedReviews.has(x.id) || !same(storedReviews.get(x.id)!, x));
  const briefings = b.briefings.filter((x) => !storedBriefings.has(x.id) || !same(storedBriefings.get(x.id)!, x));
  const known = new Set(existing.partnerships.map((p) => p.id));
  const partnerships = incoming.partnerships.filter((p) => !known.has(p.id));
  const moved = (t: ThemeTag) => ({ ...t, entity_id: (t.entity_type === 'review' ? r.mergedInto : b.mergedInto).get(t.entity_id) ?? t.entity_id });
  const tags = [...new Map(incoming.tags.map(moved).map((t) => [`${t.entity_type}|${t.entity_id}|${t.theme_id}`, t])).values()];
  const reviewRows = incoming.rows.slice(0, incoming.reviews.length);
  const briefingRows = incoming.reviews.length ? [] : incoming.rows;
  const added = {
    reviews: r.reviews.filter((x) => !storedReviews.has(x.id)).length,
    briefings: b.briefings.filter((x) => !storedBriefings.has(x.id)).length,
    partnerships: partnerships.length,
  };
  return {
    partnerships, reviews, briefings, tags, added,
    // Every incoming record not added was merged, into another incoming one or a stored one.
    merged: { reviews: incoming.reviews.length - added.reviews, briefings: incoming.briefings.length - added.briefings },
    distinct: { reviews: mergeReviews([], incoming.reviews).reviews.length, briefings: mergeBriefings([], incoming.briefings).briefings.length },
    duplicates: [
      ...describeDuplicates(incoming.reviews, reviewRows, reviewCaseKey, (x) => `case '${x.case_name}' of ${x.partnership_id}`, existing.reviews),
      ...describeDuplicates(incoming.briefings, briefingRows, briefingKey, (x) => `briefing '${x.title}' of ${x.partnership_id}`, existing.briefings),
    ],
  };
}
