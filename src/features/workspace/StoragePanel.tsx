import { useQuery } from '@tanstack/react-query';
import { useDatabase } from '../../state/database-context.ts';
import { KpiRow } from '../../components/KpiRow.tsx';
import { USER_DATA_SUMMARY_SQL, type UserDataSummary } from '../../queries/workspace.ts';
import { useSaveState, useWorkspace } from './workspace-context.ts';
import { formatBytes } from './download.ts';
import { plural } from '../../lib/plural.ts';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : 'never');

/** What the user has added or changed, and how much of this browser's storage it takes. */
export function StoragePanel() {
  const { db, dataVersion } = useDatabase();
  const workspace = useWorkspace();
  const save = useSaveState();
  const summary = useQuery({
    queryKey: ['workspace', 'summary', dataVersion],
    queryFn: async ({ signal }) => (await db.query<UserDataSummary>(USER_DATA_SUMMARY_SQL, { signal, label: 'workspace.summary' }))[0]!,
  });
  const usage = useQuery({ queryKey: ['workspace', 'usage', dataVersion, save.kind, save.at], queryFn: () => workspace.usage() });
  const s = summary.data;
  const u = usage.data;
  return (
    <section className="workspace-card" aria-labelledby="workspace-storage">
      <h2 id="workspace-storage">What is yours</h2>
      {s && (
        <KpiRow
          items={[
            { id: 'ws-reviews', label: 'Imported reviews', value: String(s.reviews) },
            { id: 'ws-briefings', label: 'Imported briefings', value: String(s.briefings) },
            { id: 'ws-corrections', label: 'Your corrections', value: String(s.corrections), note: `${s.accepted} accepted, ${s.rejected} rejected` },
            { id: 'ws-themes', label: 'Theme set', value: s.themes_changed ? 'Edited' : 'As bundled', note: `${s.themes_added} added, ${s.themes_retired} retired` },
          ]}
        />
      )}
      <p data-testid="ws-saved" className="workspace-saved" aria-live="polite">
        {save.kind === 'saving' && 'Saving in this browser…'}
        {save.kind === 'saved' && `Saved in this browser ${when(save.at)}.`}
        {save.kind === 'idle' && 'Nothing of yours is saved in this browser yet: import or correct something and it is kept here.'}
        {save.kind === 'error' && <span className="workspace-error" role="alert">{save.message}</span>}
      </p>
      {workspace.restoreProblem && <p className="workspace-error" role="alert">{workspace.restoreProblem}</p>}
      {u && (
        <p data-testid="ws-usage">
          {u.available
            ? <>Your saved workspace takes <strong>{formatBytes(u.savedBytes)}</strong> in {plural(u.savedFiles, 'file')}.</>
            : 'This browser cannot keep data between visits: export your workspace to keep it.'}{' '}
          {u.estimate && <>The browser reports {formatBytes(u.estimate.usage)} used by this site of {formatBytes(u.estimate.quota)} available. </>}
          {u.persisted === true && 'The browser has agreed not to clear it when space runs low.'}
          {u.persisted === false && (
            <>
              The browser may clear it when space runs low.{' '}
              <button type="button" className="button-secondary" onClick={() => void workspace.persist().then(() => usage.refetch())}>Ask to keep it</button>
            </>
          )}
        </p>
      )}
      <p className="hint">Everything here stays on this device: nothing is uploaded. Clearing the browser’s site data removes it.</p>
    </section>
  );
}
