import { useQuery } from '@tanstack/react-query';
import { useState, type MouseEvent } from 'react';
import { useDatabase } from '../../state/database-context.ts';
import { navigate } from '../../state/router.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import type { Filters } from '../../filters/filters.ts';
import { themeBriefingsQuery, themeEvidenceQuery } from '../../queries/planner.ts';
import { groupEvidence, reviewHref } from '../../planner/material.ts';
import { formatPublished } from '../../planner/reasons.ts';
import type { ScoredTheme } from '../../planner/score.ts';
import { windowLabel, type PlannerWindow } from '../../planner/window.ts';
import { BRIEFING_KIND_LABELS, type BriefingKind } from '../../schema/records.ts';
import { plural } from '../../lib/plural.ts';

/** Briefings listed before "Show all": the newest, which matter most for a gap. */
const BRIEFINGS_SHOWN = 6;

const follow = (e: MouseEvent<HTMLAnchorElement>, to: string) => {
  if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  navigate(to);
};

/** What a briefing author starts from: the strongest review sentences on the theme and the briefings already written. */
export function ThemeMaterial({ theme, window, scope }: { theme: ScoredTheme; window: PlannerWindow; scope: Filters }) {
  const { db, dataVersion } = useDatabase();
  const [allBriefings, setAllBriefings] = useState(false);
  const evidence = useQuery(themeEvidenceQuery(db, scope, window, theme.theme_id, dataVersion));
  const briefings = useQuery(themeBriefingsQuery(db, scope, theme.theme_id, dataVersion));
  const error = evidence.error ?? briefings.error;
  if (error) return <StatusMessage kind="error">Could not load the material on {theme.label}: {error.message}</StatusMessage>;
  if (!evidence.data || !briefings.data) return <StatusMessage kind="loading">Finding the strongest sentences on {theme.label}…</StatusMessage>;
  const material = groupEvidence(evidence.data);
  const total = evidence.data[0]?.reviews_with_theme ?? 0;
  return (
    <div className="planner-material">
      <section aria-label={`Review evidence on ${theme.label}`}>
        <h3>From the reviews, {windowLabel(window)}</h3>
        <p className="hint">
          {material.length < total ? `The ${material.length === 1 ? 'review' : plural(material.length, 'review')} with the strongest evidence, of ${total}.` : total === 1 ? 'The one review with the theme.' : `All ${total} reviews with the theme.`}
        </p>
        <ul className="planner-evidence">
          {material.map((m) => (
            <li key={m.review_id} data-review-id={m.review_id}>
              <a href={reviewHref(m.review_id)} onClick={(e) => follow(e, reviewHref(m.review_id))}>
                {m.case_name}
              </a>{' '}
              <span className="hint">— {m.partnership}, {formatPublished(m.published)}</span>
              {m.kind === 'summary' && <span className="hint"> (tagged by hand; no sentence carrying this theme is recorded)</span>}
              {m.kind === 'evidence' && m.sentences.map((s, i) => <blockquote key={i} className="planner-evidence__sentence">{s}</blockquote>)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-label={`Briefings on ${theme.label}`}>
        <h3>Briefings already on it</h3>
        {briefings.data.length === 0 ? (
          <p>None in this scope.</p>
        ) : (
          <ul className="planner-briefings">
            {(allBriefings ? briefings.data : briefings.data.slice(0, BRIEFINGS_SHOWN)).map((b) => (
              <li key={b.id}>
                <span className="planner-briefings__title">{b.title}</span>{' '}
                <span className="hint">
                  — {b.partnership}, {BRIEFING_KIND_LABELS[b.briefing_kind as BriefingKind] ?? b.briefing_kind},{' '}
                  {formatPublished(b.published)}{b.dated_by_review ? ' (its review’s date)' : ''}
                  {b.linked_reviews > 1 ? ` · 1 briefing, linked to ${b.linked_reviews} reviews` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
        {briefings.data.length > BRIEFINGS_SHOWN && (
          <button type="button" className="button-secondary" aria-expanded={allBriefings} onClick={() => setAllBriefings((v) => !v)}>
            {allBriefings ? 'Show the latest only' : `Show all ${briefings.data.length} briefings`}
          </button>
        )}
      </section>
    </div>
  );
}
