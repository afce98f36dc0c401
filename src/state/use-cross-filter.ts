/** The filters a click on a chart applies: every view uses the same ones, so clicks mean the same everywhere. */
import { useMemo } from 'react';
import { useFilters } from './url-state.ts';

export interface CrossFilter {
  /** Adds a theme to the theme filter (no-op if present). */
  addTheme(themeId: string): void;
  /** Narrows the year range to one year. */
  setYear(year: number): void;
  /** Filters to one partnership (and optionally adds a theme). */
  setPartnership(partnershipId: string, themeId?: string): void;
  /** Sets the theme filter to exactly these themes. */
  setThemes(themeIds: string[]): void;
}

/** Cross-filter actions over the URL filters; each records a history entry so Back undoes it. */
export function useCrossFilter(): CrossFilter {
  const [filters, setFilters] = useFilters();
  return useMemo(() => ({
    addTheme: (id) => !filters.themes.includes(id) && setFilters({ themes: [...filters.themes, id] }),
    setYear: (year) => setFilters({ yearFrom: year, yearTo: year }),
    setPartnership: (p, theme) => setFilters({
      partnerships: [p],
      ...(theme && !filters.themes.includes(theme) ? { themes: [...filters.themes, theme] } : {}),
    }),
    setThemes: (themes) => setFilters({ themes }),
  }), [filters, setFilters]);
}
