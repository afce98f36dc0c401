import { useState } from 'react';
import { downloadBlob } from '../../lib/download.ts';
import { readActionPlan, type ActionPlanProblem, type ActionPlanRow } from '../../recommendations/action-plan.ts';
import type { RecommendationTracking } from '../../schema/workspace-tables.ts';
import { FilePickButton } from '../workspace/FilePickButton.tsx';
import { actionPlanCsv, actionPlanXlsx, readActionPlanFile } from './action-plan-files.ts';

type Outcome = { kind: 'done'; message: string } | { kind: 'problems'; file: string; problems: ActionPlanProblem[] } | { kind: 'error'; message: string } | null;

/**
 * Export the action plan (the recommendations the filters keep) for agencies
 * to fill in, and read a filled-in file back: every row is checked first and
 * a file with any problem changes nothing.
 */
export function ActionPlanPanel({ loadRows, fileBase, loadKnown, onApply }: {
  /** Every recommendation the filters keep, read when a file is exported (the list shows a page at a time). */
  loadRows(): Promise<ActionPlanRow[]>;
  fileBase: string;
  /** Every recommendation (id → text) and its tracking now, whatever the filters. */
  loadKnown(): Promise<{ known: ReadonlyMap<string, string>; current: ReadonlyMap<string, RecommendationTracking> }>;
  onApply(updates: RecommendationTracking[]): Promise<void>;
}) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const exportFile = async (write: (rows: ActionPlanRow[]) => Promise<Blob>, ext: string) => {
    setBusy(true);
    setOutcome(null);
    try {
      downloadBlob(await write(await loadRows()), `${fileBase}.${ext}`);
    } catch (err) {
      setOutcome({ kind: 'error', message: `Could not export the action plan: ${err instanceof Error ? err.message : String(err)}.` });
    } finally {
      setBusy(false);
    }
  };
  const importFile = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    try {
      const grid = await readActionPlanFile(file);
      const { known, current } = await loadKnown();
      const reading = readActionPlan(grid, known, current, new Date().toISOString());
      if (reading.problems.length) setOutcome({ kind: 'problems', file: file.name, problems: reading.problems });
      else {
        await onApply(reading.updates);
        setOutcome({ kind: 'done', message: `${file.name}: ${reading.updates.length} recommendation${reading.updates.length === 1 ? '' : 's'} updated, ${reading.unchanged} unchanged.` });
      }
    } catch (err) {
      setOutcome({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="recs-plan" aria-labelledby="recs-plan-heading" aria-busy={busy}>
      <h3 id="recs-plan-heading">Action plan file</h3>
      <p>Send the action plan to agencies as a spreadsheet; they fill in status, owner, due date and note, and you read it back here. Keep the Recommendation ID column as exported.</p>
      <div className="recs-plan__buttons">
        <button type="button" className="button-secondary" disabled={busy} onClick={() => void exportFile(async (rows) => actionPlanCsv(rows), 'csv')}>Export action plan (CSV)</button>
        <button type="button" className="button-secondary" disabled={busy} onClick={() => void exportFile(actionPlanXlsx, 'xlsx')}>Export action plan (Excel)</button>
        <FilePickButton label="Import a filled-in action plan" accept=".csv,.xlsx" disabled={busy} testId="recs-plan-input" onFile={(f) => void importFile(f)} />
      </div>
      <div role="status" aria-live="polite" data-testid="recs-plan-status">
        {outcome?.kind === 'done' && <p className="status status--ok">{outcome.message}</p>}
        {outcome?.kind === 'error' && <p className="status status--error">{outcome.message} Nothing was changed.</p>}
        {outcome?.kind === 'problems' && (
          <div className="status status--error">
            <p>{outcome.file} was not read: {outcome.problems.length} row{outcome.problems.length === 1 ? ' needs' : 's need'} fixing. Nothing was changed.</p>
            <ul data-testid="recs-plan-problems">
              {outcome.problems.map((p, i) => <li key={i}>{p.row ? `row ${p.row}: ` : ''}{p.message}</li>)}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
