import { DEFAULT_NATION, TAG_SOURCE_LABELS, type Filters, type TagSourceChoice } from '../../filters/filters.ts';
import { REVIEW_TYPE_LABELS, type ReviewType } from '../../schema/records.ts';
import type { NameLookup } from './describe-filters.ts';

interface Chip {
  key: string;
  label: string;
  remove: Partial<Filters>;
}

function chips(f: Filters, names: NameLookup): Chip[] {
  const without = <T,>(list: T[], item: T) => list.filter((x) => x !== item);
  return [
    ...f.partnerships.map((p) => ({ key: `p-${p}`, label: `Partnership: ${names.partnership(p)}`, remove: { partnerships: without(f.partnerships, p) } })),
    ...f.regions.map((r) => ({ key: `r-${r}`, label: `Region: ${r}`, remove: { regions: without(f.regions, r) } })),
    // The nation has a default, England: its chip goes back to it.
    ...(f.nation !== DEFAULT_NATION ? [{ key: 'nation', label: f.nation === null ? 'All nations' : `Nation: ${f.nation}`, remove: { nation: DEFAULT_NATION } }] : []),
    ...(f.yearFrom !== null ? [{ key: 'from', label: `From ${f.yearFrom}`, remove: { yearFrom: null } }] : []),
    ...(f.yearTo !== null ? [{ key: 'to', label: `To ${f.yearTo}`, remove: { yearTo: null } }] : []),
    ...f.types.map((t) => ({ key: `t-${t}`, label: REVIEW_TYPE_LABELS[t], remove: { types: without<ReviewType>(f.types, t) } })),
    ...f.themes.map((t) => ({ key: `th-${t}`, label: `Theme: ${names.theme(t)}`, remove: { themes: without(f.themes, t) } })),
    ...(f.q.trim() ? [{ key: 'q', label: `Text: “${f.q.trim()}”`, remove: { q: '' } }] : []),
    ...f.tagSources.map((s) => ({ key: `s-${s}`, label: `Themes from: ${TAG_SOURCE_LABELS[s]}`, remove: { tagSources: without<TagSourceChoice>(f.tagSources, s) } })),
  ];
}

/** How many filters are in force (one per chip), for the "Filters (3)" button on narrow screens. */
export function activeFilterCount(f: Filters): number {
  return f.partnerships.length + f.regions.length + f.types.length + f.themes.length +
    Number(f.yearFrom !== null) + Number(f.yearTo !== null) + Number(f.q.trim() !== '') +
    Number(f.nation !== DEFAULT_NATION) + f.tagSources.length;
}

/** The filters in force, always visible; each chip removes its filter. */
export function ActiveFilters({ filters, names, onChange }: { filters: Filters; names: NameLookup; onChange(next: Partial<Filters>): void }) {
  const list = chips(filters, names);
  return (
    <div className="active-filters" aria-live="polite">
      <span className="active-filters__label">Showing:</span>
      {list.length === 0 ? (
        <span>{filters.nation === DEFAULT_NATION ? `all of ${DEFAULT_NATION}'s reviews (no filters)` : 'everything (no filters)'}</span>
      ) : (
        <ul>
          {list.map((c) => (
            <li key={c.key}>
              <button type="button" className="chip" onClick={() => onChange(c.remove)} aria-label={`Remove filter ${c.label}`}>
                {c.label} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
