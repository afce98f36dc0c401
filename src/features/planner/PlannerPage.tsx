import { useState } from 'react';
import { hashKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDatabase } from '../../state/database-context.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { startingEvidenceQuery, type StartingEvidenceRow } from '../../queries/planner.ts';
import { BriefedThemes } from './BriefedThemes.tsx';
import { PrintRecord } from './PrintRecord.tsx';
import { plannerCsv, plannerFileName } from '../../planner/export.ts';
import { windowLabel, ignoredFilters, singlePartnership } from '../../planner/window.ts';
import { describeFilters } from '../filters/describe-filters.ts';
import { useFilterOptions } from '../filters/use-filter-options.ts';
import { downloadBlob, textBlob } from '../../lib/download.ts';
import { FormulaNote } from './FormulaNote.tsx';
import { LocalComparison } from './LocalComparison.tsx';
import { PlannerControls } from './PlannerControls.tsx';
import { PlannerNotes } from './PlannerNotes.tsx';
import { PRINT_TOP, RankedThemes } from './RankedThemes.tsx';
import { usePlanner } from './use-planner.ts';
import { plural } from '../../lib/plural.ts';
import { PlannerBase } from './PlannerBase.tsx';
import { useStillFor } from '../../state/use-still-for.ts';

/**
 * The starting evidence (SQL over every evidence sentence in scope, 50–180 ms at ten times national scale) is
 * only for the CSV and the printed summary: it is fetched once the scope has been still this long, or when
 * either is asked for, not on every filter change.
 */
const EVIDENCE_AFTER_MS = 1000;

/** The briefing planner: which learning theme most needs a 7-minute briefing next, and why. */
export default function PlannerPage() {
  const p = usePlanner();
  const { options, names } = useFilterOptions();
  const { db, dataVersion } = useDatabase();
  const queryClient = useQueryClient();
  const [exportError, setExportError] = useState<string | null>(null);
  const evidenceQuery = startingEvidenceQuery(db, p.scope, p.window ?? { from: 0, to: 0 }, dataVersion);
  const still = useStillFor(hashKey(evidenceQuery.queryKey), EVIDENCE_AFTER_MS);
  const evidence = useQuery({ ...evidenceQuery, enabled: p.window !== null && still });
  if (p.error) return <StatusMessage kind="error">Could not rank the themes: {p.error.message}. Try another window or reset the filters.</StatusMessage>;
  if (!p.years) return <StatusMessage kind="loading">Finding the years of the reviews in scope…</StatusMessage>;
  if (p.years.latest_year === null || !p.window) {
    return <StatusMessage kind="empty">No dated reviews in this scope, so nothing can be ranked. Choose another partnership, region or review type.</StatusMessage>;
  }
  if (!p.ranking) return <StatusMessage kind="loading">Counting themes in reviews and briefings…</StatusMessage>;

  const { ranking, years } = p;
  const win = p.window;
  const latestYear = years.latest_year!;
  const scopeWords = describeFilters(p.scope, names).replace('; all years', '');
  const local = singlePartnership(p.filters);
  const total = (ranking.ranked[0] ?? ranking.absent[0])?.window_total ?? 0;
  const byTheme = (rows: StartingEvidenceRow[]) => new Map(rows.map((e) => [e.theme_id, { sentence: e.sentence, from: `${e.case_name}, ${e.partnership}` }]));
  const evidenceByTheme = evidence.data ? byTheme(evidence.data) : null;
  const producedOn = new Date().toISOString().slice(0, 10);
  const failed = (err: unknown) => setExportError(`Could not read the starting evidence: ${err instanceof Error ? err.message : String(err)}. Try again, or reset the filters.`);
  const download = async () => {
    setExportError(null);
    const rows = evidence.data ?? await queryClient.fetchQuery(evidenceQuery);
    downloadBlob(
      textBlob(plannerCsv(ranking, win, latestYear, { weights: p.weights, producedOn, evidence: byTheme(rows) }), 'text/csv'),
      plannerFileName(p.scope.partnerships, win),
    );
  };
  // The printed record shows the evidence: when it is not in yet, fetch it and print once it is drawn.
  const print = async () => {
    setExportError(null);
    if (!evidence.data) {
      await queryClient.fetchQuery(evidenceQuery);
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    }
    window.print();
  };

  return (
    <div className="planner">
      <p className="planner-scope" data-testid="planner-scope">
        Ranking the themes of <strong>{plural(total, 'review')} published {windowLabel(win)}</strong> in{' '}
        <strong>{scopeWords}</strong> against the briefings in the same scope.
      </p>
      <PlannerBase years={years} partnershipsFiltered={p.scope.partnerships.length > 0 || p.scope.regions.length > 0} />
      <PlannerNotes years={years} window={win} windowTotal={total} notice={p.windowNotice} ignored={ignoredFilters(p.filters)} />
      <PlannerControls window={win} latestYear={latestYear} years={options?.years ?? []} onWindow={p.setWindow}
        weights={p.weights} onWeights={p.setWeights} />
      <FormulaNote weights={p.weights} window={win} />

      <section className="planner-section" aria-labelledby="planner-ranked-heading">
        <div className="planner-section__header">
          <h2 id="planner-ranked-heading">Themes to brief on next</h2>
          <div className="planner-actions">
            <button type="button" className="button-secondary" onClick={() => download().catch(failed)} disabled={!ranking.ranked.length}>Download CSV</button>
            <button type="button" className="button-secondary" onClick={() => print().catch(failed)}>Print summary</button>
          </div>
        </div>
        {exportError && <StatusMessage kind="error">{exportError}</StatusMessage>}
        {ranking.ranked.length === 0 ? (
          <StatusMessage kind="empty">No review published {windowLabel(win)} in this scope carries a theme. Widen the window with the years above.</StatusMessage>
        ) : (
          <>
            <RankedThemes ranking={ranking} window={win} latestYear={latestYear} scope={p.scope} />
            {ranking.ranked.length > PRINT_TOP && (
              <p className="planner-print-only">Top {PRINT_TOP} of {plural(ranking.ranked.length, 'theme')}; the CSV download lists them all.</p>
            )}
          </>
        )}
        <BriefedThemes ranking={ranking} window={win} rankBriefed={p.rankBriefed} onRankBriefed={p.setRankBriefed} />
        <PrintRecord ranking={ranking} window={win} weights={p.weights} producedOn={producedOn} evidence={evidenceByTheme} />
        {ranking.absent.length > 0 && (
          <p className="planner-absent hint">
            In no review published {windowLabel(win)}, so not ranked:{' '}
            {ranking.absent.map((t) => (t.briefings ? `${t.label} (${t.briefings} briefing${t.briefings === 1 ? '' : 's'})` : t.label)).join(', ')}.
          </p>
        )}
      </section>

      {local && years.partnerships > 1 && (
        <LocalComparison scope={p.scope} partnershipId={local} name={names.partnership(local)} window={win} />
      )}
    </div>
  );
}
