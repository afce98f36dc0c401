/**
 * What an import will write, worked out before anything is written: incoming
 * records merged with each other and with what the workspace already holds
 * (same id, or same partnership and case / title), tags moved onto the kept ids.
 * Written as steps (work-steps.ts) so the page can plan 100,000 rows a slice at a
 * time; tests and pipelines run the same steps straight through.
 */
import type { Briefing, Partnership, Review, ThemeTag } from '../schema/records.ts';
import { briefingKey, mergeBriefingsSteps } from './merge-briefings.ts';
import { mergeReviewsSteps, reviewCaseKey, sameReview } from './merge-reviews.ts';
import type { ImportRecords } from './metadata-records.ts';
import { eachStep, memoKey, runSteps, runStepsInSlices, type Steps } from './work-steps.ts';

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

function* describeDuplicates<T extends { id: string }>(
  items: readonly T[], rows: readonly number[], key: (t: T) => string, name: (t: T) => string, existing: readonly T[],
  same: (a: T, b: T) => boolean = () => true,
): Steps<string[]> {
  const storedIds = new Set<string>();
  const storedByKey = new Map<string, T[]>();
  yield* eachStep(existing, (e) => (storedIds.add(e.id), storedByKey.set(key(e), [...(storedByKey.get(key(e)) ?? []), e])));
  const seenIds = new Map<string, number>();
  // Under one key, every earlier record and its row: a name may be two records that `same` tells apart.
  const seenByKey = new Map<string, Array<{ row: number; item: T }>>();
  const out: string[] = [];
  yield* eachStep(items, (t, i) => {
    const row = rows[i] ?? i + 1;
    const byId = seenIds.get(t.id);
    const byKey = seenByKey.get(key(t))?.find((e) => same(e.item, t))?.row;
    if (byId !== undefined) out.push(`row ${row}: same id '${t.id}' as row ${byId}; merged`);
    else if (byKey !== undefined) out.push(`row ${row}: same ${name(t)} as row ${byKey}; merged`);
    else if (storedIds.has(t.id) || storedByKey.get(key(t))?.some((e) => same(e, t))) out.push(`row ${row}: ${name(t)} is already in the workspace; merged, filling its empty fields`);
    if (!seenIds.has(t.id)) seenIds.set(t.id, row);
    seenByKey.set(key(t), [...(seenByKey.get(key(t)) ?? []), { row, item: t }]);
  });
  return out;
}

/** Stored records an incoming one collides with; others are left alone, even if they duplicate each other. */
function* colliding<T extends { id: string }>(stored: readonly T[], incoming: readonly T[], key: (t: T) => string): Steps<T[]> {
  const keys = new Set<string>();
  yield* eachStep(incoming, (x) => (keys.add(`id:${x.id}`), keys.add(`key:${key(x)}`)));
  const out: T[] = [];
  yield* eachStep(stored, (x) => {
    if (keys.has(`id:${x.id}`) || keys.has(`key:${key(x)}`)) out.push(x);
  });
  return out;
}

/** The records of `merged` that are new or differ from the stored record with their id. */
function* changed<T extends { id: string }>(merged: readonly T[], stored: ReadonlyMap<string, T>): Steps<T[]> {
  const out: T[] = [];
  yield* eachStep(merged, (x) => {
    const old = stored.get(x.id);
    if (!old || !same(old, x)) out.push(x);
  });
  return out;
}

function* byId<T extends { id: string }>(items: readonly T[]): Steps<Map<string, T>> {
  const out = new Map<string, T>();
  yield* eachStep(items, (x) => out.set(x.id, x));
  return out;
}

/** planImport as steps that may be paused between (see work-steps.ts). */
export function* planImportSteps(incoming: ImportRecords, existing: ExistingRecords): Steps<ImportPlan> {
  const reviewKey = memoKey(reviewCaseKey);
  const briefKey = memoKey(briefingKey);
  const r = yield* mergeReviewsSteps(yield* colliding(existing.reviews, incoming.reviews, reviewKey), incoming.reviews, reviewKey);
  const b = yield* mergeBriefingsSteps(yield* colliding(existing.briefings, incoming.briefings, briefKey), incoming.briefings, briefKey);
  const storedReviews = yield* byId(existing.reviews);
  const storedBriefings = yield* byId(existing.briefings);
  const reviews = yield* changed(r.reviews, storedReviews);
  const briefings = yield* changed(b.briefings, storedBriefings);
  const known = new Set(existing.partnerships.map((p) => p.id));
  const partnerships = incoming.partnerships.filter((p) => !known.has(p.id));
  const tagsByKey = new Map<string, ThemeTag>();
  yield* eachStep(incoming.tags, (t) => {
    const moved = { ...t, entity_id: (t.entity_type === 'review' ? r.mergedInto : b.mergedInto).get(t.entity_id) ?? t.entity_id };
    tagsByKey.set(`${moved.entity_type}|${moved.entity_id}|${moved.theme_id}`, moved);
  });
  const reviewRows = incoming.rows.slice(0, incoming.reviews.length);
  const briefingRows = incoming.reviews.length ? [] : incoming.rows;
  const added = {
    reviews: r.reviews.filter((x) => !storedReviews.has(x.id)).length,
    briefings: b.briefings.filter((x) => !storedBriefings.has(x.id)).length,
    partnerships: partnerships.length,
  };
  yield;
  const distinct = {
    reviews: (yield* mergeReviewsSteps([], incoming.reviews, reviewKey)).reviews.length,
    briefings: (yield* mergeBriefingsSteps([], incoming.briefings, briefKey)).briefings.length,
  };
  const duplicates = [
    ...(yield* describeDuplicates(incoming.reviews, reviewRows, reviewKey, (x) => `case '${x.case_name}' of ${x.partnership_id}`, existing.reviews, sameReview)),
    ...(yield* describeDuplicates(incoming.briefings, briefingRows, briefKey, (x) => `briefing '${x.title}' of ${x.partnership_id}`, existing.briefings)),
  ];
  return {
    partnerships, reviews, briefings, tags: [...tagsByKey.values()], added,
    // Every incoming record not added was merged, into another incoming one or a stored one.
    merged: { reviews: incoming.reviews.length - added.reviews, briefings: incoming.briefings.length - added.briefings },
    distinct, duplicates,
  };
}

/** Plans an import of `incoming` into a workspace holding `existing`. */
export function planImport(incoming: ImportRecords, existing: ExistingRecords): ImportPlan {
  return runSteps(planImportSteps(incoming, existing));
}

/** The same plan as planImport, worked out a slice at a time: `pause` runs between slices, `signal` stops it. */
export function planImportInSlices(
  incoming: ImportRecords, existing: ExistingRecords, options: { pause: () => Promise<void>; signal?: AbortSignal; sliceMs?: number },
): Promise<ImportPlan> {
  return runStepsInSlices(planImportSteps(incoming, existing), options);
}
