import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useDatabase } from '../../state/database-context.ts';
import { useFilters } from '../../state/url-state.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { ViewState } from '../../components/ViewState.tsx';
import { allRecommendationRows, KNOWN_RECOMMENDATIONS_SQL, upsertTrackingSql, type RecommendationListRow } from '../../queries/recommendations.ts';
import { kindsByThemeQuery, kindsByYearQuery, openByOwnerQuery, recommendationPageQuery } from '../../queries/recommendation-answers.ts';
import type { ActionPlanRow } from '../../recommendations/action-plan.ts';
import { KIND_LABELS, type RecommendationKind } from '../../recommendations/kinds.ts';
import type { RecommendationTracking, TrackingStatus } from '../../schema/workspace-tables.ts';
import { useExportContext } from '../export/use-export-context.ts';
import { chartFootnote, describeFilters } from '../filters/describe-filters.ts';
import { useFilterOptions } from '../filters/use-filter-options.ts';
import { useCrossFilter } from '../../state/use-cross-filter.ts';
import { ActionPlanPanel } from './ActionPlanPanel.tsx';
import { recommendationsHeadline } from './headline.ts';
import { KindsByThemeCard, KindsByYearCard, OwnersCard } from './KindCharts.tsx';
import { addressedTo, RECOMMENDATION_PAGE, RecommendationList, RecommendationListState } from './RecommendationList.tsx';
import { useRecommendationsTable } from './use-recommendations-table.ts';
import type { BuildResult } from './build-recommendations.ts';

/** Today as YYYY-MM-DD in the user's time zone (what "overdue" is measured against). */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Recommendations: what reviews ask for, of whom, and whether it happened. */
export default function RecommendationsPage() {
  const { state, cancel, retry } = useRecommendationsTable();
  const result = state.kind === 'ready' ? state.result : state.previous;
  return (
    <>
      {state.kind === 'building' && (
        <StatusMessage kind="loading" action={<button type="button" onClick={cancel}>Cancel</button>}>
          {state.progress && state.progress.total > 0
            ? `Finding recommendations in the reviews… ${state.progress.done.toLocaleString('en-GB')} of ${state.progress.total.toLocaleString('en-GB')} reviews read`
            : 'Finding recommendations in the reviews…'}
        </StatusMessage>
      )}
      {state.kind === 'stopped' && (
        <StatusMessage kind="error" action={<button type="button" onClick={retry}>Try again</button>}>{state.message}</StatusMessage>
      )}
      {result && <RecommendationsView result={result} />}
    </>
  );
}

function RecommendationsView({ result }: { result: BuildResult }) {
  const { db, dataVersion, change } = useDatabase();
  const [filters] = useFilters();
  const { names } = useFilterOptions();
  const cross = useCrossFilter();
  const ctx = useExportContext();
  const [saveError, setSaveError] = useState<string | null>(null);
  const today = useMemo(localToday, []);
  const version = useMemo(() => ({ tables: result.version, dataVersion }), [result.version, dataVersion]);
  // How many of the matching recommendations the list shows: only those are read with their texts.
  const [shown, setShown] = useState(RECOMMENDATION_PAGE);
  const byYear = useQuery({ ...kindsByYearQuery(db, filters, version), placeholderData: keepPreviousData });
  const byTheme = useQuery({ ...kindsByThemeQuery(db, filters, version), placeholderData: keepPreviousData });
  const owners = useQuery({ ...openByOwnerQuery(db, filters, today, version), placeholderData: keepPreviousData });
  const list = useQuery({ ...recommendationPageQuery(db, filters, shown, version), placeholderData: keepPreviousData });
  // The list (a hundred items with form fields, below the charts) renders after the charts, in React's
  // interruptible background pass: a filter change draws the charts without waiting for it.
  const listShown = useDeferredValue(list.data);
  const footnote = chartFootnote(filters, names);

  const save = useCallback(async (rows: RecommendationTracking[]) => {
    setSaveError(null);
    try {
      // The new data version is in every query key here, so the view reads the change again.
      await change({ before: [upsertTrackingSql(rows)], keepsText: true });
    } catch (err) {
      setSaveError(`Could not save the action plan change: ${err instanceof Error ? err.message : String(err)}. Try again.`);
    }
  }, [change]);
  const saveOne = useCallback((row: RecommendationTracking) => void save([row]), [save]);
  const showMore = useCallback(() => setShown((n) => n + RECOMMENDATION_PAGE), []);

  const loadKnown = async () => {
    const all = await db.query<{ id: string; text: string; status: TrackingStatus; owner: string; due_on: string; note: string }>(KNOWN_RECOMMENDATIONS_SQL, { label: 'recommendations.known' });
    return {
      known: new Map(all.map((r) => [r.id, r.text])),
      current: new Map(all.map((r) => [r.id, { rec_id: r.id, status: r.status, owner: r.owner, due_on: r.due_on, note: r.note, updated_at: '' }])),
    };
  };

  return (
    <ViewState queries={[byYear, byTheme, owners, list]} what="recommendations">
      {() => {
        const { base } = list.data!;
        const listed = listShown ?? list.data!;
        return result.recommendations === 0 ? (
          <StatusMessage kind="empty">No recommendations were found in the reviews loaded. Import review reports (with a Recommendations section) on the Import page.</StatusMessage>
        ) : (
          <>
            <p className="recs-summary" data-testid="recs-summary"
              data-recommendations={base.recommendations} data-reviews={base.reviews} data-of-reviews={base.ofReviews} data-held={result.recommendations}>
              {recommendationsHeadline({ base, total: result.recommendations, filters: describeFilters(filters, names), themed: filters.themes.length > 0 })}{' '}
              Kinds come from a model trained on {result.model.evaluation?.examples ?? 0} labelled recommendations from public reviews
              {result.model.evaluation ? ` (k-fold accuracy ${(result.model.evaluation.accuracy * 100).toFixed(0)}%)` : ''}; check a kind before quoting it.
            </p>
            {saveError && <StatusMessage kind="error">{saveError}</StatusMessage>}
            <div className="recs-charts">
              <KindsByYearCard rows={byYear.data!} footnote={footnote} onYear={cross.setYear} />
              <KindsByThemeCard rows={byTheme.data!} footnote={footnote} onTheme={cross.addTheme} />
              <OwnersCard rows={owners.data!} footnote={footnote} today={today} />
            </div>
            <ActionPlanPanel loadRows={async () => (await allRecommendationRows(db, filters)).map(toPlanRow)} fileBase={ctx.baseName('action-plan')} loadKnown={loadKnown} onApply={save} />
            <RecommendationListState stale={listed !== list.data}>
              <RecommendationList rows={listed.rows} count={listed.count}
                onMore={showMore} model={result.model} today={today} onSave={saveOne} />
            </RecommendationListState>
          </>
        );
      }}
    </ViewState>
  );
}

function toPlanRow(r: RecommendationListRow): ActionPlanRow {
  return {
    id: r.id, review: r.review, partnership: r.partnership, year: r.year, text: r.text,
    kind: KIND_LABELS[r.kind as RecommendationKind] ?? r.kind, addressedTo: addressedTo(r),
    status: r.status as TrackingStatus, owner: r.owner, due_on: r.due_on, note: r.note,
  };
}
