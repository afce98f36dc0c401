import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useDatabase } from '../../state/database-context.ts';
import { useUrlParam } from '../../state/url-state.ts';
import { correctableEntriesQuery, type CorrectableEntry, type EntityRef } from '../../queries/corrections.ts';
import { ThemeCorrections } from './ThemeCorrections.tsx';

/** `review:<id>` / `briefing:<id>` in the URL (`?entry=`), so a correction page can be linked to. */
function parseEntry(value: string | null): EntityRef | null {
  const m = /^(review|briefing):(.+)$/.exec(value ?? '');
  return m ? { type: m[1] as 'review' | 'briefing', id: m[2]! } : null;
}

/** Options in the picker at once: a national collection has 75,000 entries, which a select cannot render in useful time. */
const MAX_OPTIONS = 200;

const label = (e: CorrectableEntry) =>
  `${e.title} — ${e.partnership}${e.year ? `, ${e.year}` : ''}${e.corrections ? ` (${e.corrections} corrected)` : ''}`;

/** Entries whose label holds every word of `find` (any case), the chosen one always kept; at most MAX_OPTIONS. */
function shownEntries(all: readonly CorrectableEntry[], find: string, chosen: CorrectableEntry | null | undefined) {
  const words = find.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = words.length ? all.filter((e) => { const l = label(e).toLowerCase(); return words.every((w) => l.includes(w)); }) : all;
  const shown = matching.slice(0, MAX_OPTIONS);
  if (chosen && !shown.includes(chosen)) shown.unshift(chosen);
  return { shown, matching: matching.length };
}

/** Pick a review or briefing and correct its themes. */
export function CorrectionsPanel() {
  const { db, dataVersion } = useDatabase();
  const [entryParam, setEntry] = useUrlParam('entry');
  const [find, setFind] = useState('');
  const entries = useQuery(correctableEntriesQuery(db, dataVersion));
  const entity = parseEntry(entryParam);
  const chosen = entity && entries.data?.find((e) => e.type === entity.type && e.id === entity.id);
  const { shown, matching } = useMemo(() => shownEntries(entries.data ?? [], find, chosen), [entries.data, find, chosen]);
  return (
    <section className="workspace-card" aria-labelledby="corrections-title">
      <h2 id="corrections-title">Correct the tagger</h2>
      <p>Choose a review or briefing, then accept or reject each theme, or add one the tagger missed. Your corrections count in every view.</p>
      {(entries.data?.length ?? 0) > MAX_OPTIONS && (
        <p>
          <label htmlFor="corrections-find">Find by title, partnership or year</label>{' '}
          <input id="corrections-find" type="search" value={find} onChange={(e) => setFind(e.target.value)} aria-describedby="corrections-count" />{' '}
          <span id="corrections-count" className="hint" role="status">
            {matching > shown.length ? `Showing ${MAX_OPTIONS.toLocaleString('en-GB')} of ${matching.toLocaleString('en-GB')} matches: type to narrow.` : `${matching.toLocaleString('en-GB')} matches.`}
          </span>
        </p>
      )}
      <label htmlFor="corrections-entry">Review or briefing</label>{' '}
      <select id="corrections-entry" className="corrections__picker" value={entryParam ?? ''} onChange={(e) => setEntry(e.target.value || null, { replace: true })}>
        <option value="">Choose…</option>
        <optgroup label="Reviews">
          {shown.filter((e) => e.type === 'review').map((e) => <option key={e.id} value={`review:${e.id}`}>{label(e)}</option>)}
        </optgroup>
        <optgroup label="Briefings">
          {shown.filter((e) => e.type === 'briefing').map((e) => <option key={e.id} value={`briefing:${e.id}`}>{label(e)}</option>)}
        </optgroup>
      </select>
      {entity && <ThemeCorrections entity={entity} title={chosen ? `Themes of ${chosen.title}` : 'Themes'} />}
    </section>
  );
}
