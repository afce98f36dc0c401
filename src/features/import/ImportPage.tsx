/**
 * Import: metadata files, documents and catalogue text become reviews,
 * briefings and passages in this browser's workspace, tagged on this device.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useDatabase, useWorkspaceChange } from '../../state/database-context.ts';
import { KpiRow } from '../../components/KpiRow.tsx';
import { ProblemReport } from '../../components/ProblemReport.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import type { UserMessage } from '../../lib/user-message.ts';
import { linkTargetsQuery, workspaceCountsQuery } from '../../queries/import.ts';
import { CatalogueStep } from './CatalogueStep.tsx';
import { DocumentStep, type DocEntry } from './DocumentStep.tsx';
import { DropZone } from './DropZone.tsx';
import { MetadataStep } from './MetadataStep.tsx';
import { PageStep } from './PageStep.tsx';
import { ProblemList } from './ProblemList.tsx';
import { ResumePanel } from './ResumePanel.tsx';
import { markSaved, markUnsaved, pendingThisVisit } from './unsaved-imports.ts';
import { useWorkspace } from '../workspace/workspace-context.ts';
import { TaggingStatus } from './TaggingStatus.tsx';
import { loadThemeContext, type TagJob, type ThemeContext } from './run-import.ts';
import { useFileIntake } from './use-file-intake.ts';
import { useTagging } from './use-tagging.ts';

/** "Child K.pdf", "Child K.pdf and notes.txt", or "5 documents". */
function batchLabel(docs: readonly DocEntry[], keys: readonly string[]): string {
  const names = docs.filter((d) => keys.includes(d.key)).map((d) => d.file.name);
  return names.length <= 2 ? names.join(' and ') : `${names.length} documents`;
}

interface LogLine {
  id: string;
  text: string;
  save: 'saving' | 'saved' | 'not-saved';
}

const SAVE_WORDS: Record<LogLine['save'], string> = {
  saving: 'Saving in this browser…',
  saved: 'Saved in this browser.',
  'not-saved': 'Not saved in this browser (see the message above).',
};

export default function ImportPage() {
  const { db, dataVersion } = useDatabase();
  const change = useWorkspaceChange();
  const queryClient = useQueryClient();
  // Keep showing the last counts while new ones are computed, so the numbers do not flicker away.
  const counts = useQuery({ ...workspaceCountsQuery(db, dataVersion), placeholderData: keepPreviousData });
  const [themes, setThemes] = useState<ThemeContext | null>(null);
  const workspace = useWorkspace();
  const [log, setLog] = useState<LogLine[]>([]);
  const [discarded, setDiscarded] = useState<string[]>([]);
  const [saveProblem, setSaveProblem] = useState<UserMessage | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);

  /** Logs a change (already written, so its save is scheduled) as saving, then as saved or not saved once that save finishes. */
  const logAndSave = useCallback((text: string, what: string) => {
    const id = markUnsaved(what);
    setLog((l) => [...l, { id, text, save: 'saving' }]);
    void workspace.whenSaved().then((state) => {
      const ok = state.kind === 'saved';
      if (ok) markSaved(id);
      setLog((l) => l.map((line) => (line.id === id ? { ...line, save: ok ? 'saved' : 'not-saved' } : line)));
      if (!ok) setSaveProblem({ message: `${what} is not saved. ${state.message ?? ''}`, problems: [], details: state.details ?? null });
      else setSaveProblem(null);
    });
    if (persisted === null) void workspace.persist().then(setPersisted);
  }, [workspace, persisted]);

  const tagging = useTagging(change, (label, outcome) => {
    logAndSave(`Tagged ${label}: ${outcome.tags} theme tags on ${outcome.texts} passages and texts.`, `The theme tags of ${label}`);
  });
  const candidates = useCallback(() => queryClient.fetchQuery(linkTargetsQuery(db, dataVersion)), [queryClient, db, dataVersion]);
  const intake = useFileIntake(candidates);

  useEffect(() => {
    void loadThemeContext(db).then(setThemes);
  }, [db]);

  // Leaving while an import is not yet saved would lose it: the browser asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (pendingThisVisit().length) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const imported = (summary: string, jobs: TagJob[], label: string) => {
    logAndSave(summary, `The import of ${label}`);
    tagging.start(jobs, label);
  };
  const current = intake.metadata[0];
  const onDiscard = useCallback((reason: string | null) => {
    if (reason) setDiscarded((d) => [...d, reason]);
    if (current) intake.dropMetadata(current.key);
  }, [current, intake]);

  const c = counts.data;
  // The last counts stay shown while new ones are counted (after a big import that waits for the save), marked as such.
  const updating = counts.isPlaceholderData ? 'updating…' : undefined;
  return (
    <div className="import-page">
      <p className="import-intro">
        Drop a spreadsheet of review or briefing metadata, review reports and briefings, or paste a catalogue listing. Imported
        records join the bundled data in every view.
      </p>
      {c && (
        <div data-testid="import-counts" aria-busy={counts.isFetching}>
        <KpiRow items={[
          { id: 'import-reviews', label: 'Reviews', value: String(c.reviews), note: updating ?? `${c.imported_reviews} imported` },
          { id: 'import-briefings', label: 'Briefings', value: String(c.briefings), note: updating ?? `${c.imported_briefings} imported` },
          { id: 'import-documents', label: 'Documents', value: String(c.documents), note: updating },
          { id: 'import-passages', label: 'Passages', value: String(c.passages), note: updating },
          { id: 'import-model-tags', label: 'Model theme tags', value: String(c.model_tags), note: updating },
        ]} />
        </div>
      )}
      <DropZone onFiles={intake.addFiles} />
      <ProblemList title="Files not imported" items={[...intake.refused, ...discarded]} testId="import-refused" />
      {intake.refused.length + discarded.length > 0 && (
        <button type="button" className="button-secondary" onClick={() => (intake.clearRefused(), setDiscarded([]))}>Clear these messages</button>
      )}
      {saveProblem && <ProblemReport report={saveProblem} testId="import-save-problem" />}
      <ResumePanel taggingShown={tagging.state.kind === 'running' || tagging.state.kind === 'stopped'} onTag={(texts) => tagging.start(texts, 'imported records not yet tagged')} />
      <TaggingStatus state={tagging.state} onCancel={tagging.cancel} onRetry={tagging.retry} />
      {current && themes && (
        <MetadataStep key={current.key} file={current.file} kind={current.kind} themes={themes} onDiscard={onDiscard}
          onImported={(summary, jobs) => (intake.dropMetadata(current.key), imported(summary, jobs, current.file.name))} />
      )}
      {intake.metadata.length > 1 && <p className="hint">{intake.metadata.length - 1} more metadata file(s) waiting.</p>}
      <DocumentStep docs={intake.docs} onChange={intake.patchDoc} onRemove={(k) => intake.removeDocs([k])}
        onImported={(summary, jobs, keys) => (intake.removeDocs(keys), imported(summary, jobs, batchLabel(intake.docs, keys)))} />
      <PageStep onImported={(s, jobs) => imported(s, jobs, 'partnership page')} />
      {themes ? <CatalogueStep themes={themes} onImported={(s, jobs) => imported(s, jobs, 'catalogue text')} /> : <StatusMessage kind="loading">Loading themes…</StatusMessage>}
      {log.length > 0 && (
        <section className="import-log" aria-labelledby="import-log-heading">
          <h2 id="import-log-heading">Imported this session</h2>
          <div role="status">
            <ul data-testid="import-log">
              {log.map((l) => <li key={l.id} data-save={l.save}>{l.text} <span className="hint">{SAVE_WORDS[l.save]}</span></li>)}
            </ul>
          </div>
          {persisted !== null && (
            <p className="hint" data-testid="import-persist">
              {persisted
                ? 'The browser agreed to keep your data even when space runs low.'
                : 'The browser did not promise to keep your data when space runs low: export your workspace from time to time to keep a copy.'}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
