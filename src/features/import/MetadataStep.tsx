/**
 * One metadata file: choose reviews or briefings, check the guessed column for
 * each field, see the first rows and every problem, then import in one go.
 */
import { useEffect, useRef, useState } from 'react';
import { useDatabase, useWorkspaceChange } from '../../state/database-context.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { FIELDS, guessKind, guessMapping, missingRequired, type ColumnMapping, type RecordKind } from '../../ingest/fields.ts';
import type { MetadataKind } from '../../ingest/file-kinds.ts';
import type { ImportPlan } from '../../ingest/import-plan.ts';
import type { ImportRecords } from '../../ingest/metadata-records.ts';
import { mapRecordsInSlices } from '../../ingest/map-in-slices.ts';
import type { RawTable } from '../../ingest/raw-table.ts';
import { loadExisting } from '../../queries/import.ts';
import { planImportInSlices } from '../../ingest/import-plan.ts';
import { MetadataPreview } from './MetadataPreview.tsx';
import { ProblemReport } from '../../components/ProblemReport.tsx';
import { describeRaggedRow, yieldToPage } from '../../ingest/validate/csv-shape.ts';
import { withoutRaggedRows } from '../../ingest/raw-table.ts';
import { roomWarning, storageEstimate } from '../../lib/storage-room.ts';
import { userMessage, type UserMessage } from '../../lib/user-message.ts';
import { ProblemList } from './ProblemList.tsx';
import { commitPlan, readMetadata, reviewLookup, type TagJob, type ThemeContext } from './run-import.ts';

type Existing = Awaited<ReturnType<typeof loadExisting>>;

export interface MetadataStepProps {
  file: File;
  kind: MetadataKind;
  themes: ThemeContext;
  onImported(summary: string, jobs: TagJob[]): void;
  onDiscard(reason: string | null): void;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Summary line for a finished metadata import. */
function summarise(file: string, plan: ImportPlan, kind: RecordKind): string {
  const what = kind === 'review' ? 'review' : 'briefing';
  const added = kind === 'review' ? plan.added.reviews : plan.added.briefings;
  const merged = kind === 'review' ? plan.merged.reviews : plan.merged.briefings;
  return `${file}: ${plural(added, `new ${what}`)}, ${plural(merged, 'duplicate')} merged, ${plural(plan.added.partnerships, 'new partnership')}, ${plural(plan.tags.length, 'theme tag')} from the file.`;
}

export function MetadataStep({ file, kind: fileKind, themes, onImported, onDiscard }: MetadataStepProps) {
  const { db } = useDatabase();
  const change = useWorkspaceChange();
  const [table, setTable] = useState<RawTable | null>(null);
  const [existing, setExisting] = useState<Existing | null>(null);
  const [recordKind, setRecordKind] = useState<RecordKind>('review');
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserMessage | null>(null);
  const [room, setRoom] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void storageEstimate().then((e) => live && setRoom(roomWarning(e, file.size, file.name)));
    return () => void (live = false);
  }, [file]);

  // The latest callback, kept out of the effect below: the page passes a new one on every render, and
  // re-running the effect would read the whole file and every stored review again each time.
  const discard = useRef(onDiscard);
  discard.current = onDiscard;
  useEffect(() => {
    let live = true;
    Promise.all([readMetadata(db, file, fileKind), loadExisting(db)])
      .then(([t, e]) => {
        if (!live) return;
        const k = guessKind(t.columns);
        setTable(t);
        setExisting(e);
        setRecordKind(k);
        setMapping(guessMapping(t.columns, k));
      })
      .catch((err: unknown) => live && discard.current((err as Error).message));
    return () => void (live = false);
  }, [db, file, fileKind]);

  // Mapped and planned a slice at a time so a sheet of 100,000 rows does not freeze the page; redone when a column choice changes.
  const [mapped, setMapped] = useState<{ records: ImportRecords; plan: ImportPlan } | null>(null);
  useEffect(() => {
    if (!table || !existing) return;
    const ctrl = new AbortController();
    const slices = { pause: yieldToPage, signal: ctrl.signal };
    setMapped(null);
    void (async () => {
      const records = await mapRecordsInSlices(table, mapping, { kind: recordKind, origin: 'import', matcher: themes.matcher, reviewFor: reviewLookup(existing.reviews) }, slices);
      const plan = await planImportInSlices(records, existing, slices);
      if (!ctrl.signal.aborted) setMapped({ records, plan });
    })().catch(() => undefined /* superseded by a newer mapping */);
    return () => ctrl.abort();
  }, [table, existing, mapping, recordKind, themes]);
  const records = mapped?.records ?? null;
  const plan = mapped?.plan ?? null;

  if (!table || !records || !plan) return <StatusMessage kind="loading">Reading {file.name}…</StatusMessage>;
  const ragged = table.ragged ?? [];
  if (ragged.length) {
    return (
      <section className="import-step" aria-labelledby="import-ragged-heading" data-testid="import-ragged">
        <h2 id="import-ragged-heading">{file.name}: {plural(ragged.length, 'row')} with the wrong number of cells</h2>
        <p>
          The header has {plural(ragged[0]!.expected, 'cell')}. In the rows below a cell is missing or there are extra cells, usually a comma inside text
          that is not in quotes. Skip these rows and import the rest, or cancel and correct the file.
        </p>
        <ProblemList title="Rows with the wrong number of cells" items={ragged.map(describeRaggedRow)} testId="import-ragged-rows" />
        <div className="import-actions">
          <button type="button" onClick={() => setTable(withoutRaggedRows(table))}>Skip {ragged.length === 1 ? 'this row' : `these ${ragged.length} rows`}</button>
          <button type="button" className="button-secondary" onClick={() => onDiscard(`${file.name} was not imported: ${plural(ragged.length, 'row')} had the wrong number of cells. Correct them and import the file again.`)}>Cancel this file</button>
        </div>
      </section>
    );
  }

  const missing = missingRequired(mapping, recordKind);
  const count = recordKind === 'review' ? plan.distinct.reviews : plan.distinct.briefings;
  const inFile = (recordKind === 'review' ? records.reviews.length : records.briefings.length) - count;
  const skipped = records.problems.filter((p) => p.skipped).length;
  const extras = [inFile > 0 && `${inFile} duplicate${inFile === 1 ? '' : 's'} merged`, skipped > 0 && `${skipped} skipped`].filter(Boolean);
  const changeKind = (k: RecordKind) => {
    setRecordKind(k);
    setMapping(guessMapping(table.columns, k));
  };
  const runImport = async () => {
    setBusy(true);
    setError(null);
    try {
      const jobs = await commitPlan(change, plan, file.name);
      onImported(summarise(file.name, plan, recordKind), jobs);
    } catch (err) {
      setError(userMessage(err, `${file.name} could not be imported, and nothing was changed. Try again; if it fails again, reload the page and import it once more.`));
      setBusy(false);
    }
  };

  return (
    <section className="import-step" aria-labelledby="import-meta-heading" data-testid="import-metadata">
      <h2 id="import-meta-heading">Check the columns of {file.name}</h2>
      <p>{plural(table.rows.length, 'row')} and {plural(table.columns.length, 'column')} read. Row numbers count the header as row 1, as in a spreadsheet.</p>
      <ProblemList title="About this file" items={table.notes} tone="note" />
      <fieldset className="import-kind">
        <legend>Each row is a</legend>
        {(['review', 'briefing'] as const).map((k) => (
          <label key={k}><input type="radio" name="import-kind" checked={recordKind === k} onChange={() => changeKind(k)} /> {k}</label>
        ))}
      </fieldset>
      <div className="import-mapping">
        {FIELDS[recordKind].map((f) => (
          <label key={f.id}>
            <span>{f.label}{f.required && <abbr title="required"> *</abbr>}</span>
            <select value={mapping[f.id] ?? ''} onChange={(e) => setMapping({ ...mapping, [f.id]: e.target.value || null })}>
              <option value="">(none)</option>
              {table.columns.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
        ))}
      </div>
      {missing.length > 0 && (
        <p className="import-error" role="alert">Choose a column for {missing.map((f) => f.label.toLowerCase()).join(' and ')}: it is required for every {recordKind}.</p>
      )}
      <MetadataPreview records={records} kind={recordKind} labels={themes.labels} />
      <ProblemList title="Problems" items={records.problems.map((p) => p.message)} testId="import-problems" />
      <ProblemList title="Duplicates" items={plan.duplicates} tone="note" testId="import-duplicates" />
      {room && <p className="import-room" role="status" data-testid="import-room">{room}</p>}
      {error && <ProblemReport report={error} testId="import-error" />}
      <div className="import-actions">
        <button type="button" disabled={busy || missing.length > 0 || count === 0} onClick={() => void runImport()}>
          {busy ? 'Importing…' : `Import ${plural(count, recordKind)}`}{extras.length > 0 && !busy ? ` (${extras.join(', ')})` : ''}
        </button>
        <button type="button" className="button-secondary" disabled={busy} onClick={() => onDiscard(null)}>Don’t import this file</button>
      </div>
    </section>
  );
}
