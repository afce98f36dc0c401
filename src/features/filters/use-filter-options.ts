import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useDatabase } from '../../state/database-context.ts';
import { filterOptionsQuery, type FilterOptions } from '../../queries/filter-options.ts';
import type { NameLookup } from './describe-filters.ts';

/** Filter options from the data, and a lookup from ids to display names. */
export function useFilterOptions(): { options: FilterOptions | undefined; names: NameLookup } {
  const { db, dataVersion } = useDatabase();
  const { data } = useQuery(filterOptionsQuery(db, dataVersion));
  const names = useMemo<NameLookup>(() => {
    const partnerships = new Map(data?.partnerships.map((p) => [p.id, p.name]));
    const themes = new Map(data?.themes.map((t) => [t.id, t.label]));
    return { partnership: (id) => partnerships.get(id) ?? id, theme: (id) => themes.get(id) ?? id };
  }, [data]);
  return { options: data, names };
}
