import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useDatabase, useWorkspaceChange } from '../../state/database-context.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { entityThemesQuery, type EntityRef, type EntityThemeRow } from '../../queries/corrections.ts';
import { clearCorrection, setCorrection } from '../../workspace/changes.ts';
import type { Change } from '../../workspace/write.ts';
import { useFilterOptions } from '../filters/use-filter-options.ts';

function statusOf(t: EntityThemeRow): string {
  const tagger = t.model_score === null ? '' : t.model_source === 'catalogue' ? ' · in the catalogue' : ` · tagger ${t.model_score.toFixed(2)}`;
  if (t.manual === true) return (t.expert ? 'Expert label' : t.model_score === null ? 'Added by you' : 'Accepted by you') + tagger;
  if (t.manual === false) return (t.expert ? 'Rejected by experts' : 'Rejected by you') + tagger;
  if (t.model_source === 'catalogue') return 'Listed in the published catalogue';
  return `Found by the ${t.model_source === 'rule' ? 'phrase rules' : 'tagger'}${tagger.replace(' · tagger', ', score')}`;
}

/**
 * The themes of one review, briefing or passage, to confirm or correct. A
 * correction replaces any earlier manual tag for that theme and overrides the
 * tagger in every view.
 */
export function ThemeCorrections({ entity, title }: { entity: EntityRef; title?: string }) {
  const { db, dataVersion } = useDatabase();
  const change = useWorkspaceChange();
  const { options } = useFilterOptions();
  const themes = useQuery(entityThemesQuery(db, entity, dataVersion));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState('');
  const headingId = useId();

  const run = async (what: Change) => {
    setBusy(true);
    setError(null);
    try {
      await change(what);
    } catch (err) {
      setError(`Could not save the correction: ${err instanceof Error ? err.message : String(err)}. Try again.`);
    } finally {
      setBusy(false);
    }
  };
  if (themes.error) return <StatusMessage kind="error">Could not read the themes: {themes.error.message}</StatusMessage>;
  if (!themes.data) return <StatusMessage kind="loading">Reading the themes…</StatusMessage>;
  const shown = new Set(themes.data.filter((t) => t.effective).map((t) => t.theme_id));
  const addable = (options?.themes ?? []).filter((t) => !shown.has(t.id));
  return (
    <section className="corrections" aria-labelledby={headingId} aria-busy={busy}>
      <h3 id={headingId}>{title ?? 'Themes'}</h3>
      {themes.data.length === 0 && <p>No theme has been found or given yet.</p>}
      <ul className="corrections__list">
        {themes.data.map((t) => (
          <li key={t.theme_id} className={t.effective ? 'corrections__item' : 'corrections__item corrections__item--off'} data-theme={t.theme_id}>
            <span className="corrections__name">{t.effective ? t.label : <del>{t.label}</del>}</span>
            <span className="corrections__status">{statusOf(t)}</span>
            <span className="corrections__buttons">
              <button type="button" className="button-secondary" aria-pressed={t.manual === true} disabled={busy || t.manual === true}
                onClick={() => void run(setCorrection(entity, t.theme_id, true))} aria-label={`Accept ${t.label}`}>Accept</button>
              <button type="button" className="button-secondary" aria-pressed={t.manual === false} disabled={busy || t.manual === false}
                onClick={() => void run(setCorrection(entity, t.theme_id, false))} aria-label={`Reject ${t.label}`}>Reject</button>
              {t.manual !== null && !t.expert && (
                <button type="button" className="button-secondary" disabled={busy}
                  onClick={() => void run(clearCorrection(entity, t.theme_id))} aria-label={`Undo your correction of ${t.label}`}>Undo</button>
              )}
            </span>
            {t.evidence && t.effective && <q className="corrections__evidence">{t.evidence}</q>}
          </li>
        ))}
      </ul>
      <form className="corrections__add" onSubmit={(e) => (e.preventDefault(), adding && void run(setCorrection(entity, adding, true)), setAdding(''))}>
        <label htmlFor={`${headingId}-add`}>Add theme</label>
        <select id={`${headingId}-add`} value={adding} onChange={(e) => setAdding(e.target.value)}>
          <option value="">Choose a theme…</option>
          {addable.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
        </select>
        <button type="submit" disabled={busy || !adding}>Add</button>
      </form>
      {error && <p className="workspace-error" role="alert">{error}</p>}
    </section>
  );
}
