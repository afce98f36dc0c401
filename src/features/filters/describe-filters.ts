/** Plain-words description of the filters in force, for footnotes and exports. */
import { TAG_SOURCE_LABELS, type Filters } from '../../filters/filters.ts';
import { REVIEW_TYPE_LABELS } from '../../schema/records.ts';

export interface NameLookup {
  partnership(id: string): string;
  theme(id: string): string;
}

const plain: NameLookup = { partnership: (id) => id, theme: (id) => id };

function listOf(items: string[], max = 4): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** E.g. "Warwickshire; England; 2021–2024; serious case reviews; themes: Neglect; text “home alone”". */
export function describeFilters(f: Filters, names: NameLookup = plain): string {
  const parts = [
    f.partnerships.length ? listOf(f.partnerships.map(names.partnership)) : 'all partnerships',
    f.regions.length ? `region ${listOf(f.regions)}` : null,
    f.nation ?? 'all nations',
    f.yearFrom !== null || f.yearTo !== null
      ? f.yearFrom === f.yearTo ? `${f.yearFrom}` : `${f.yearFrom ?? 'earliest'}–${f.yearTo ?? 'latest'}`
      : 'all years',
    f.types.length ? listOf(f.types.map((t) => REVIEW_TYPE_LABELS[t])) : null,
    f.themes.length ? `themes: ${listOf(f.themes.map(names.theme))}` : null,
    f.q.trim() ? `text “${f.q.trim()}”` : null,
    f.tagSources.length ? `themes from ${listOf(f.tagSources.map((s) => TAG_SOURCE_LABELS[s].toLowerCase()))}` : null,
  ];
  return parts.filter(Boolean).join('; ');
}

/** The footnote every chart carries: source and filters. */
export function chartFootnote(f: Filters, names?: NameLookup): string {
  return `Source: Learning Themes dataset (published reviews and briefings). Filters: ${describeFilters(f, names)}.`;
}
