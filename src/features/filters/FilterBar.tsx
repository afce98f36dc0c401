import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useFilters } from '../../state/url-state.ts';
import { MultiSelect } from '../../components/MultiSelect.tsx';
import { DEFAULT_NATION, isUnfiltered, TAG_SOURCE_CHOICES, TAG_SOURCE_LABELS, type Filters, type TagSourceChoice } from '../../filters/filters.ts';
import { ALL_NATIONS } from '../../filters/url.ts';
import { REVIEW_TYPE_LABELS, type ReviewType } from '../../schema/records.ts';
import { ActiveFilters, activeFilterCount } from './ActiveFilters.tsx';
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

/** The nation whose reviews count: England by default, another nation, or all of them (counts once the options have loaded). */
function NationSelect({ value, nations, onChange }: { value: string | null; nations: Array<{ nation: string; reviews: number }> | null; onChange(v: string | null): void }) {
  const known = nations ?? [{ nation: DEFAULT_NATION, reviews: -1 }];
  const listed = value === null || known.some((n) => n.nation === value) ? known : [...known, { nation: value, reviews: -1 }];
  const count = (n: number) => (n >= 0 ? ` (${n})` : '');
  return (
    <label className="filter-select" title="Reviews from partnerships in this nation; the numbers count reviews with their own text.">
      Nation{' '}
      <select data-testid="nation-select" value={value ?? ALL_NATIONS} onChange={(e) => onChange(e.target.value === ALL_NATIONS ? null : e.target.value)}>
        {listed.map((n) => <option key={n.nation} value={n.nation}>{n.nation}{count(n.reviews)}</option>)}
        <option value={ALL_NATIONS}>All nations{count(nations ? nations.reduce((s, n) => s + n.reviews, 0) : -1)}</option>
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

/**
 * Keeps what the page scrolls to (a focused control, a jumped-to heading) clear of the sticky bar: the page's
 * scroll padding follows the bar's height while it sticks, and is none where it scrolls away (phones).
 */
function useScrollPaddingBelow(bar: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const node = bar.current;
    if (!node) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      root.style.scrollPaddingTop = getComputedStyle(node).position === 'sticky' ? `${node.offsetHeight + 8}px` : '';
    });
    observer.observe(node);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingTop = '';
    };
  }, [bar]);
}

/**
 * The filters every view shares. All state lives in the URL. On narrow
 * screens (see app.css) the controls fold behind a "Filters (N)" button and
 * the bar scrolls away with the page instead of covering it.
 */
export function FilterBar() {
  const [filters, setFilters, reset] = useFilters();
  const { options, names } = useFilterOptions();
  const [unfolded, setUnfolded] = useState(false);
  const controlsId = useId();
  const bar = useRef<HTMLElement>(null);
  useScrollPaddingBelow(bar);
  const set = (next: Partial<Filters>) => setFilters(next);
  const n = activeFilterCount(filters);
  return (
    <section ref={bar} className={`filter-bar${unfolded ? ' filter-bar--unfolded' : ''}`} aria-label="Filters">
      <button type="button" className="button-secondary filter-bar__fold" aria-expanded={unfolded} aria-controls={controlsId}
        onClick={() => setUnfolded((v) => !v)}>
        Filters ({n})
      </button>
      <div className="filter-bar__controls" id={controlsId}>
        <MultiSelect label="Partnerships" selected={filters.partnerships} onChange={(partnerships) => set({ partnerships })}
          options={(options?.partnerships ?? []).map((p) => ({ value: p.id, label: p.name, hint: `(${p.reviews})` }))} />
        {options && options.regions.length > 0 && (
          <MultiSelect label="Regions" selected={filters.regions} onChange={(regions) => set({ regions })}
            options={options.regions.map((r) => ({ value: r, label: r }))} />
        )}
        <NationSelect value={filters.nation} nations={options?.nations ?? null} onChange={(nation) => set({ nation })} />
        <YearSelect label="From" value={filters.yearFrom} years={options?.years ?? []} onChange={(yearFrom) => set({ yearFrom })} />
        <YearSelect label="To" value={filters.yearTo} years={options?.years ?? []} onChange={(yearTo) => set({ yearTo })} />
        <MultiSelect label="Review types" selected={filters.types} onChange={(types) => set({ types: types as ReviewType[] })}
          options={(options?.types ?? []).map((t) => ({ value: t, label: REVIEW_TYPE_LABELS[t] }))} />
        <MultiSelect label="Themes" selected={filters.themes} onChange={(themes) => set({ themes })}
          options={(options?.themes ?? []).map((t) => ({ value: t.id, label: t.label }))} />
        <MultiSelect label="Themes from" selected={filters.tagSources} onChange={(s) => set({ tagSources: s as TagSourceChoice[] })}
          options={TAG_SOURCE_CHOICES.map((s) => ({ value: s, label: TAG_SOURCE_LABELS[s] }))} />
        <SearchBox value={filters.q} onChange={(q) => setFilters({ q }, { replace: true })} />
        <label className="title-only-switch" title="Reviews known only from a source page's list: their only text is their briefings' titles, so their themes repeat what was already briefed.">
          <input type="checkbox" data-testid="title-only-switch" checked={filters.titleOnly} onChange={(e) => set({ titleOnly: e.target.checked })} />{' '}
          Count title-only reviews
        </label>
        <button type="button" className="button-secondary" onClick={reset} disabled={isUnfiltered(filters)}>Reset filters</button>
      </div>
      <ActiveFilters filters={filters} names={names} onChange={set} />
    </section>
  );
}
