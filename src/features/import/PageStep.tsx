/**
 * Import → "Add a partnership's page": paste the page's text or drop a saved
 * .html/.htm/.txt; the page reader (the same one the CLI runs) lists what it
 * found for the user to check, edit and deselect; nothing is stored until the
 * user confirms.
 */
import { useState, type DragEvent } from 'react';
import { useDatabase, useWorkspaceChange } from '../../state/database-context.ts';
import { buildPreview, keptCounts, markDuplicates, previewToRecords, readPage, storedKeys, validDate, type PagePreview } from '../../ingest/pages/page-preview.ts';
import { loadExisting } from '../../queries/import.ts';
import { PagePreviewList } from './PagePreviewList.tsx';
import { commitPlan, planRecords, type TagJob } from './run-import.ts';

const PAGE_FILE = /\.(?:html?|txt)$/i;
const MAX_PAGE_MB = 25;
const today = () => new Date().toISOString().slice(0, 10);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function PageStep({ onImported }: { onImported(summary: string, jobs: TagJob[]): void }) {
  const { db } = useDatabase();
  const change = useWorkspaceChange();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<PagePreview | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'note'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  const show = async (input: Parameters<typeof readPage>[0], label: string) => {
    setBusy(true);
    setMessage(null);
    setPreview(null);
    try {
      // Let "Reading…" paint before the page is read (reading is synchronous: under 2 s for 10 MB).
      await new Promise((resolve) => setTimeout(resolve, 0));
      const started = performance.now();
      const read = readPage(input, today());
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if ('error' in read) return setMessage({ tone: 'error', text: read.error });
      if (read.records.length === 0) {
        return setMessage({ tone: 'error', text: `No reviews or briefings found in ${label}. Paste just the part of the page that lists them: the headings, case names, briefing titles and dates.` });
      }
      const marked = markDuplicates(buildPreview(read, today()), storedKeys(await loadExisting(db)));
      setPreview(marked);
      setMessage({ tone: 'note', text: `Read ${label} in ${seconds} s.${read.note ? ` ${read.note}` : ''}` });
    } catch (err) {
      setMessage({ tone: 'error', text: `Could not read ${label}: ${(err as Error).message}. Nothing was changed.` });
    } finally {
      setBusy(false);
    }
  };

  const takeFile = async (file: File) => {
    if (!PAGE_FILE.test(file.name)) return setMessage({ tone: 'error', text: `${file.name} is not a saved page: choose a .html, .htm or .txt file, or paste the page's text.` });
    if (file.size > MAX_PAGE_MB * 1024 * 1024) return setMessage({ tone: 'error', text: `${file.name} is over ${MAX_PAGE_MB} MB; save only the page (“Web page, HTML only”) or paste the listing part.` });
    await show({ bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name }, file.name);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void takeFile(file);
  };

  const kept = preview ? keptCounts(preview) : { reviews: 0, briefings: 0 };
  const datesOk = !preview || [...preview.reviews, ...preview.reviews.flatMap((r) => r.briefings), ...preview.briefings].every((x) => validDate(x.published));
  const canAdd = !!preview && preview.partnership.trim() !== '' && kept.reviews + kept.briefings > 0 && datesOk && !busy;

  const confirm = async () => {
    if (!preview || !canAdd) return;
    setBusy(true);
    try {
      const plan = await planRecords(db, previewToRecords(preview));
      const jobs = await commitPlan(change, plan, preview.address ?? 'partnership page');
      onImported(
        `Partnership page (${preview.partnership}): ${plural(plan.added.reviews, 'new review')} and ${plural(plan.added.briefings, 'new briefing')}; ` +
          `${plan.merged.reviews + plan.merged.briefings} merged with records already here.`,
        jobs,
      );
      setPreview(null);
      setText('');
      setMessage(null);
    } catch (err) {
      setMessage({ tone: 'error', text: `Adding the page failed and nothing was changed: ${(err as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className={`import-step import-page-step${over ? ' import-page-step--over' : ''}`}
      aria-labelledby="import-page-heading"
      data-testid="import-page"
      onDragOver={(e) => (e.preventDefault(), e.stopPropagation(), setOver(true))}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <h2 id="import-page-heading">Add a partnership's page</h2>
      <label htmlFor="import-page-text">
        Paste the text of a partnership's reviews or 7-minute briefings page, or drop a saved page (.html, .htm, .txt) here. The page is read on
        this device: its scripts, styles and images are never run or loaded.
      </label>
      <textarea id="import-page-text" rows={7} value={text} onChange={(e) => (setText(e.target.value), setPreview(null))} />
      <div className="import-actions">
        <button type="button" disabled={!text.trim() || busy} onClick={() => void show({ text }, 'the pasted text')}>Read page</button>
        <label className="button-secondary import-page-file">
          Choose a saved page…
          <input type="file" accept=".html,.htm,.txt" className="visually-hidden" aria-label="Saved page file"
            onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void takeFile(f); }} />
        </label>
      </div>
      {busy && <p role="status">Reading…</p>}
      {message && <p className={message.tone === 'error' ? 'import-error' : 'hint'} role={message.tone === 'error' ? 'alert' : 'status'} data-testid="import-page-message">{message.text}</p>}
      {preview && (
        <>
          <label className="import-page-partnership">
            Partnership that published this page
            <input value={preview.partnership} required aria-invalid={!preview.partnership.trim()} placeholder="e.g. Calderdale"
              onChange={(e) => setPreview({ ...preview, partnership: e.target.value })} />
          </label>
          {!preview.partnership.trim() && <p className="import-error" role="alert">The page does not say which partnership published it: type its name above.</p>}
          {preview.unlinked.length > 0 && (
            <div className="hint" role="status" data-testid="import-page-unlinked">
              <p>{plural(preview.unlinked.length, 'briefing')} left unlinked: {preview.unlinked.length === 1 ? 'it names its review' : 'they name their review'} by a name several reviews on this page share, so none of them is chosen.</p>
              <ul>{preview.unlinked.map((u) => <li key={u}>{u}</li>)}</ul>
            </div>
          )}
          <PagePreviewList preview={preview} onChange={setPreview} />
          {!datesOk && <p className="import-error" role="alert">Write dates as 2021, 2021-03 or 2021-03-15, or leave them empty.</p>}
          <div className="import-actions">
            <button type="button" disabled={!canAdd} onClick={() => void confirm()} data-testid="import-page-confirm">
              {busy ? 'Adding…' : `Add ${plural(kept.reviews, 'review')} and ${plural(kept.briefings, 'briefing')}`}
            </button>
            <button type="button" className="button-secondary" onClick={() => (setPreview(null), setMessage(null))}>Discard</button>
          </div>
        </>
      )}
    </section>
  );
}
