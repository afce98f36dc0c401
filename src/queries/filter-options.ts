/** What the filter controls offer: partnerships, nations, regions, years, types and themes present in the data. */
import { queryOptions } from '@tanstack/react-query';
import type { QueryRunner } from './runner.ts';
import type { ReviewType } from '../schema/records.ts';

/**
 * A partnership (or other source) in the data: its kind ('partnership' for a statutory one), its nation
 * (England when none is recorded) and its reviews, title-only reviews set apart as the Overview counts by default.
 */
export interface PartnershipOption { id: string; name: string; region: string | null; kind: string; nation: string; reviews: number }
export interface ThemeOption { id: string; label: string; group_id: string; group_label: string; description: string }
/** A nation with reviews in the data, and how many (title-only reviews set apart, as the Overview counts by default). */
export interface NationOption { nation: string; reviews: number }
export interface FilterOptions {
  partnerships: PartnershipOption[];
  nations: NationOption[];
  regions: string[];
  years: number[];
  types: ReviewType[];
  themes: ThemeOption[];
}

export const partnershipOptionsSql = `
SELECT p.id, p.name, p.region, coalesce(p.kind, 'partnership') AS kind, coalesce(p.nation, 'England') AS nation,
       count(r.id)::INTEGER AS reviews
FROM partnerships p LEFT JOIN review_facts r ON r.partnership_id = p.id AND NOT r.title_only
GROUP BY ALL ORDER BY p.name, p.id`;

// A partnership with no recorded nation counts as England's (see the nation filter in filters.ts);
// an item whose partnership has no row is not listed here (it has no nation to offer).
export const nationOptionsSql = `
SELECT n.nation, count(*)::INTEGER AS reviews
FROM review_facts r JOIN (SELECT id, coalesce(nation, 'England') AS nation FROM partnerships) n ON n.id = r.partnership_id
WHERE NOT r.title_only
GROUP BY n.nation ORDER BY n.nation = 'England' DESC, n.nation`;

export const themeOptionsSql = `
SELECT t.id, t.label, t.group_id, g.label AS group_label, t.description
FROM themes t JOIN theme_groups g ON g.id = t.group_id
WHERE NOT t.retired ORDER BY g.id, t.label`;

export const yearOptionsSql = `
SELECT DISTINCT year::INTEGER AS year FROM (SELECT year FROM reviews UNION ALL SELECT year FROM briefings)
WHERE year IS NOT NULL ORDER BY year`;

export const typeOptionsSql = `SELECT DISTINCT review_type AS type FROM reviews ORDER BY type`;

/** Loads every filter option in one go. */
export async function loadFilterOptions(db: QueryRunner, signal?: AbortSignal): Promise<FilterOptions> {
  const partnerships = await db.query<PartnershipOption>(partnershipOptionsSql, { signal });
  const nations = await db.query<NationOption>(nationOptionsSql, { signal });
  const themes = await db.query<ThemeOption>(themeOptionsSql, { signal });
  const years = (await db.query<{ year: number }>(yearOptionsSql, { signal })).map((r) => r.year);
  const types = (await db.query<{ type: ReviewType }>(typeOptionsSql, { signal })).map((r) => r.type);
  const regions = [...new Set(partnerships.map((p) => p.region).filter((r): r is string => !!r))].sort();
  return { partnerships, nations, regions, years, types, themes };
}

export const filterOptionsQuery = (db: QueryRunner, dataVersion: number) =>
  queryOptions({
    queryKey: ['filters', 'options', dataVersion],
    queryFn: ({ signal }) => loadFilterOptions(db, signal),
    staleTime: Infinity,
  });
