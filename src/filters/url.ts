/** Filters ⇄ URL query string (pure; the hooks are in src/state/url-state.ts). */
import { REVIEW_TYPES, type ReviewType } from '../schema/records.ts';
import { DEFAULT_NATION, TAG_SOURCE_CHOICES, type Filters, type TagSourceChoice } from './filters.ts';

/** The URL value for "every nation" (no `nation` parameter means the default, England). */
export const ALL_NATIONS = 'all';

const list = (p: URLSearchParams, key: string) => p.get(key)?.split(',').filter(Boolean) ?? [];
const year = (p: URLSearchParams, key: string) => {
  const n = Number(p.get(key));
  return p.has(key) && Number.isInteger(n) ? n : null;
};

/** Reads filters from a query string; unknown values are dropped. */
export function filtersFromSearch(search: string): Filters {
  const p = new URLSearchParams(search);
  return {
    partnerships: list(p, 'p'),
    regions: list(p, 'region'),
    yearFrom: year(p, 'from'),
    yearTo: year(p, 'to'),
    types: list(p, 'type').filter((t): t is ReviewType => (REVIEW_TYPES as readonly string[]).includes(t)),
    themes: list(p, 'theme'),
    q: p.get('q') ?? '',
    titleOnly: p.get('titleonly') === '1',
    nation: !p.get('nation') ? DEFAULT_NATION : p.get('nation') === ALL_NATIONS ? null : p.get('nation'),
    tagSources: list(p, 'tags').filter((t): t is TagSourceChoice => (TAG_SOURCE_CHOICES as readonly string[]).includes(t)),
  };
}

/** Writes filters into a query string, keeping any other parameters. */
export function searchFromFilters(f: Filters, base = ''): string {
  const p = new URLSearchParams(base);
  const set = (key: string, value: string) => (value ? p.set(key, value) : p.delete(key));
  set('p', f.partnerships.join(','));
  set('region', f.regions.join(','));
  set('from', f.yearFrom === null ? '' : String(f.yearFrom));
  set('to', f.yearTo === null ? '' : String(f.yearTo));
  set('type', f.types.join(','));
  set('theme', f.themes.join(','));
  set('q', f.q);
  set('titleonly', f.titleOnly ? '1' : '');
  set('nation', f.nation === DEFAULT_NATION ? '' : f.nation ?? ALL_NATIONS);
  set('tags', f.tagSources.join(','));
  const s = p.toString();
  return s ? `?${s}` : '';
}
