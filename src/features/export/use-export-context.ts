/** What every export states: the filters in force, in human names, and the date. */
import { useMemo } from 'react';
import { useFilters } from '../../state/url-state.ts';
import type { Filters } from '../../filters/filters.ts';
import { describeFilters, type NameLookup } from '../filters/describe-filters.ts';
import { useFilterOptions } from '../filters/use-filter-options.ts';
import { exportBaseName, filtersSlug } from './file-names.ts';

export interface ExportContext {
  filters: Filters;
  names: NameLookup;
  /** "Warwickshire; 2021–2024; themes: Neglect". */
  filtersText: string;
  /** `<what>_<partnerships>_<years>`, without extension. */
  baseName(what: string): string;
  /** `<partnerships>_<years>`. */
  filtersSlug: string;
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** The export date as people write it: "3 March 2025". */
export function exportDate(d: Date = new Date()): string {
  return DATE.format(d);
}

/** Filters and names for exports; valid only once the database has loaded. */
export function useExportContext(): ExportContext {
  const [filters] = useFilters();
  const { names } = useFilterOptions();
  return useMemo(
    () => ({
      filters,
      names,
      filtersText: describeFilters(filters, names),
      baseName: (what: string) => exportBaseName(what, filters, names),
      filtersSlug: filtersSlug(filters, names),
    }),
    [filters, names],
  );
}
