import { useQuery } from '@tanstack/react-query';
import { useDatabase } from '../../app/database-context.ts';
import { useUrlParam } from '../../app/url-state.ts';
import { correctableEntriesQuery, type EntityRef } from '../../queries/corrections.ts';
import { ThemeCorrections } from './ThemeCorrections.tsx';

/** `review:<id>` / `briefing:<id>` in the URL (`?entry=`), so a correction page can be linked to. */
function parseEntry(value: string | null): EntityRef | null {
  const m = /^(review|briefing):(.+)$/.exec(value ?? '');
  return m ? { type: m[1] as 'review' | 'briefing', id: m[2]! } : null;
}

/** Pick a review or briefing and correct its themes. */
export function CorrectionsPanel() {
  const { db, dataVersion } = useDatabase();
  const [entryParam, setEntry] = useUrlParam('entry');
  const entries = useQuery(correctableEntriesQuery(db, dataVersion));
  const entity = parseEntry(entryParam);
  const chosen = entity && entries.data?.find((e) => e.type === entity.type && e.id === entity.id);
  const label = (e: { title: string; partnership: string; year: number | null; corrections: number }) =>
    `${e.title} — ${e.partnership}${e.year ? `, ${e.year}` : ''}${e.corrections ? ` (${e.corrections} corrected)` : ''}`;
  return (
    <section className="workspace-card" aria-labelledby="corrections-title">
      <h2 id="corrections-title">Correct the tagger</h2>
      <p>Choose a review or briefing, then accept or reject each theme, or add one the tagger missed. Your corrections count in every view.</p>
      <label htmlFor="corrections-entry">Review or briefing</label>{' '}
      <select id="corrections-entry" className="corrections__picker" value={entryParam ?? ''} onChange={(e) => setEntry(e.target.value || null, { replace: true })}>
        <option value="">Choose…</option>
        <optgroup label="Reviews">
          {entries.data?.filter((e) => e.type === 'review').map((e) => <option key={e.id} value={`review:${e.id}`}>{label(e)}</option>)}
        </optgroup>
        <optgroup label="Briefings">
          {entries.data?.filter((e) => e.type === 'briefing').map((e) => <option key={e.id} value={`briefing:${e.id}`}>{label(e)}</option>)}
        </optgroup>
      </select>
      {entity && <ThemeCorrections entity={entity} title={chosen ? `Themes of ${chosen.title}` : 'Themes'} />}
    </section>
  );
}
