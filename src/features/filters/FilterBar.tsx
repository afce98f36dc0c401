import { useEffect, useState } from 'react';
import { useFilters } from '../../state/url-state.ts';
import { MultiSelect } from '../../components/MultiSelect.tsx';
import { isUnfiltered, type Filters } from '../../filters/filters.ts';
import { REVIEW_TYPE_LABELS, type ReviewType } from '../../schema/records.ts';
import { ActiveFilters } from './ActiveFilters.tsx';
import { useFilterOptions } from './use-filter-options.ts';

function YearSelect({ label, value, years, onChange }: { label: string; value: number | null; years: number[]; onChange(v: number | null): void }) {
  return (
    <label className="year-select">
      {label}{' '}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
        <option value="">Any</option>
        {years.map((y) => <option key={y} value={y}>{y}</option>)}
      </select>
    </label>
  );
}

/** Debounced text search: each keystroke replaces the URL entry, the pause commits it. */
function SearchBox({ value, onChange }: { value: string; onChange(v: string): void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft === value) return;
    const t = setTimeout(() => onChange(draft), 300);
    return () => clearTimeout(t);
  }, [draft, value, onChange]);
  return (
    <input type="search" className="search-box" aria-label="Search review text" placeholder="Search review text…"
      value={draft} onChange={(e) => setDraft(e.target.value)} />
  );
}

/** The filters every view shares. All state lives in the URL. */
export function FilterBar() {
  const [filters, setFilters, reset] = useFilters();
  const { options, names } = useFilterOptions();
  const set = (next: Partial<Filters>) => setFilters(next);
  return (
    <section className="filter-bar" aria-label="Filters">
      <div className="filter-bar__controls">
        <MultiSelect label="Partnerships" selected={filters.partnerships} onChange={(partnerships) => set({ partnerships })}
          options={(options?.partnerships ?? []).map((p) => ({ value: p.id, label: p.name, hint: `(${p.reviews})` }))} />
        {options && options.regions.length > 0 && (
          <MultiSelect label="Regions" selected={filters.regions} onChange={(regions) => set({ regions })}
            options={options.regions.map((r) => ({ value: r, label: r }))} />
        )}
        <YearSelect label="From" value={filters.yearFrom} years={options?.years ?? []} onChange={(yearFrom) => set({ yearFrom })} />
        <YearSelect label="To" value={filters.yearTo} years={options?.years ?? []} onChange={(yearTo) => set({ yearTo })} />
        <MultiSelect label="Review types" selected={filters.types} onChange={(types) => set({ types: types as ReviewType[] })}
          options={(options?.types ?? []).map((t) => ({ value: t, label: REVIEW_TYPE_LABELS[t] }))} />
        <MultiSelect label="Themes" selected={filters.themes} onChange={(themes) => set({ themes })}
          options={(options?.themes ?? []).map((t) => ({ value: t.id, label: t.label }))} />
        <SearchBox value={filters.q} onChange={(q) => setFilters({ q }, { replace: true })} />
        <button type="button" className="button-secondary" onClick={reset} disabled={isUnfiltered(filters)}>Reset filters</button>
      </div>
      <ActiveFilters filters={filters} names={names} onChange={set} />
    </section>
  );
}
