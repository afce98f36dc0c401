/**
 * File names that say what a download holds:
 * `<what>_<partnerships or all-partnerships>_<yearFrom>-<yearTo or all-years>.<ext>`,
 * e.g. `theme-trends_warwickshire_2021-2024.png`.
 */
import type { NameLookup } from '../filters/describe-filters.ts';
import type { Filters } from '../../filters/filters.ts';

/** Lower-case ASCII words joined by hyphens ("Bath & North East Somerset" → "bath-north-east-somerset"). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// More named partnerships than this make an unreadable name; say how many instead.
const MAX_NAMED = 3;

function partnershipPart(f: Filters, names: NameLookup): string {
  if (f.partnerships.length > MAX_NAMED) return `${f.partnerships.length}-partnerships`;
  if (f.partnerships.length) return f.partnerships.map((id) => slugify(names.partnership(id)) || slugify(id)).join('+');
  if (f.regions.length > MAX_NAMED) return `${f.regions.length}-regions`;
  if (f.regions.length) return f.regions.map((r) => `region-${slugify(r)}`).join('+');
  return 'all-partnerships';
}

function yearPart(f: Filters): string {
  if (f.yearFrom === null && f.yearTo === null) return 'all-years';
  return `${f.yearFrom ?? 'earliest'}-${f.yearTo ?? 'latest'}`;
}

/** The filters part of a file name: `warwickshire_2021-2024`. */
export function filtersSlug(f: Filters, names: NameLookup): string {
  return `${partnershipPart(f, names)}_${yearPart(f)}`;
}

/** A download's name without extension: `<what>_<filters slug>`. */
export function exportBaseName(what: string, f: Filters, names: NameLookup): string {
  return `${slugify(what) || 'chart'}_${filtersSlug(f, names)}`;
}
