import { memo, type ReactNode } from 'react';
import type { RecommendationListRow } from '../../queries/recommendations.ts';
import type { KindModel } from '../../recommendations/kind-model.ts';
import { ADDRESSEE_LABELS, KIND_LABELS, type Addressee, type RecommendationKind } from '../../recommendations/kinds.ts';
import { TRACKING_STATUSES, TRACKING_STATUS_LABELS, type RecommendationTracking, type TrackingStatus } from '../../schema/workspace-tables.ts';
import { kindReliability } from './kind-reliability.ts';

/** Recommendations shown at first, and added by each "Show more". */
export const RECOMMENDATION_PAGE = 100;

export function addressedTo(r: Pick<RecommendationListRow, 'addressee' | 'agency'>): string {
  if (!r.addressee) return '';
  return r.addressee === 'agency' && r.agency ? r.agency : ADDRESSEE_LABELS[r.addressee as Addressee] ?? r.addressee;
}

/**
 * Around the list: `stale` while its rows are the previous filters' and the new ones render (marked busy,
 * dimmed if it lasts). Kept apart from the memoised list, so marking it does not rebuild the hundred items.
 */
export function RecommendationListState({ stale, children }: { stale: boolean; children: ReactNode }) {
  return <div className="recs-list-state" aria-busy={stale || undefined}>{children}</div>;
}

/**
 * The recommendations the filters keep (`rows`: the first ones of `count`),
 * with review, sentence, kind (and how far the kind can be trusted), themes
 * and tracking. A status or due date is saved when changed; owner and note
 * when the field is left. Memoised: a hundred items with form fields are
 * rebuilt only when their rows change (whether they are the previous filters'
 * is marked around it: RecommendationListState).
 */
export const RecommendationList = memo(function RecommendationList({ rows, count, onMore, model, today, onSave }: {
  rows: RecommendationListRow[];
  count: number;
  onMore(): void;
  model: KindModel;
  today: string;
  onSave(row: RecommendationTracking): void;
}) {
  const save = (r: RecommendationListRow, change: Partial<RecommendationTracking>) =>
    onSave({ rec_id: r.id, status: r.status as TrackingStatus, owner: r.owner, due_on: r.due_on, note: r.note, updated_at: new Date().toISOString(), ...change });
  return (
    <section className="recs-list" aria-labelledby="recs-list-heading">
      <h3 id="recs-list-heading">Recommendations and their action plan</h3>
      <p className="recs-list__count" data-testid="recs-count">{count === 1 ? '1 recommendation' : `${count.toLocaleString('en-GB')} recommendations`} match the filters.</p>
      <ol className="recs-list__items">
        {rows.map((r) => {
          const reliability = kindReliability(model, r.kind as RecommendationKind);
          const overdue = (r.status === 'not-started' || r.status === 'in-progress') && r.due_on !== '' && r.due_on < today;
          return (
            <li key={r.id} className="recs-item" data-testid="rec" data-rec-id={r.id} data-kind={r.kind}>
              <p className="recs-item__review">
                <strong>{r.review}</strong> · {r.partnership}{r.year ? ` · ${r.year}` : ''} · <span className="recs-item__source">{r.source === 'document' ? 'from the imported report' : `from the catalogue (${r.field})`}</span>
              </p>
              <blockquote className="recs-item__text" data-testid="rec-text">{r.text}</blockquote>
              <p className="recs-item__facts">
                <span data-testid="rec-kind">{KIND_LABELS[r.kind as RecommendationKind] ?? r.kind}</span>{' '}
                <span className={`recs-reliability recs-reliability--${reliability.verdict.replace(/\s+/g, '-').toLowerCase()}`} title={reliability.detail}>
                  (reliability of this kind: {reliability.verdict.toLowerCase()}; {reliability.detail})
                </span>
                {addressedTo(r) && <> · Addressed to <span data-testid="rec-addressee">{addressedTo(r)}</span></>}
                {' · '}Themes: <span data-testid="rec-themes">{r.themes.length ? r.themes.join(', ') : 'none found'}</span>
              </p>
              <div className="recs-item__tracking" role="group" aria-label={`Action plan for: ${r.text.slice(0, 80)}`}>
                <label>Status
                  <select value={r.status} onChange={(e) => save(r, { status: e.target.value as TrackingStatus })} data-testid="rec-status">
                    {TRACKING_STATUSES.map((s) => <option key={s} value={s}>{TRACKING_STATUS_LABELS[s]}</option>)}
                  </select>
                </label>
                <label>Owner
                  <input type="text" defaultValue={r.owner} key={`o-${r.owner}`} onBlur={(e) => e.target.value.trim() !== r.owner && save(r, { owner: e.target.value.trim() })} data-testid="rec-owner" />
                </label>
                <label>Due date
                  <input type="date" defaultValue={r.due_on} key={`d-${r.due_on}`} onChange={(e) => (e.target.value === '' || /^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) && e.target.value !== r.due_on && save(r, { due_on: e.target.value })} data-testid="rec-due" />
                </label>
                {overdue && <span className="recs-item__overdue">Overdue</span>}
                <label className="recs-item__note">Note
                  <input type="text" defaultValue={r.note} key={`n-${r.note}`} onBlur={(e) => e.target.value.trim() !== r.note && save(r, { note: e.target.value.trim() })} data-testid="rec-note" />
                </label>
              </div>
            </li>
          );
        })}
      </ol>
      {count > rows.length && (
        <button type="button" className="button-secondary" onClick={onMore}>
          Show {Math.min(RECOMMENDATION_PAGE, count - rows.length)} more of {count - rows.length}
        </button>
      )}
    </section>
  );
});
