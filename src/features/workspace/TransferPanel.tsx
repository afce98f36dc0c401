import { useState } from 'react';
import { useDatabase } from '../../state/database-context.ts';
import { ProblemReport } from '../../components/ProblemReport.tsx';
import { userMessage, type UserMessage } from '../../lib/user-message.ts';
import { useWorkspace } from './workspace-context.ts';
import { DeleteAllDialog } from './DeleteAllDialog.tsx';
import { FilePickButton } from './FilePickButton.tsx';
import { downloadBytes, fileBytes, today } from './download.ts';
import { plural } from '../../lib/plural.ts';

type Outcome = { kind: 'ok'; text: string } | { kind: 'error'; report: UserMessage } | null;

/** Export the workspace as one zip, import one back (replacing yours), or delete it all. */
export function TransferPanel() {
  const { bumpDataVersion } = useDatabase();
  const workspace = useWorkspace();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const run = async (work: () => Promise<string>, failed: string) => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'ok', text: await work() });
    } catch (err) {
      setOutcome({ kind: 'error', report: userMessage(err, failed) });
    } finally {
      setBusy(false);
    }
  };

  const exportZip = () => run(async () => {
    const { bytes, manifest } = await workspace.exportArchive();
    const name = `learning-themes-workspace_${today()}.zip`;
    downloadBytes(bytes, name, 'application/zip');
    return `Saved ${name}: ${plural(manifest.tables.reviews.rows, 'review')}, ${plural(manifest.tables.briefings.rows, 'briefing')}, ${plural(manifest.tables.theme_tags.rows, 'theme tag')}.`;
  }, 'The workspace could not be exported. Nothing was changed; try again, and if it fails again reload the page first.');

  const importZip = (file: File) => run(async () => {
    const manifest = await workspace.importArchive(await fileBytes(file), file.name);
    bumpDataVersion();
    return `Imported ${file.name} (saved ${new Date(manifest.savedAt).toLocaleDateString('en-GB')}): it replaced your previous data.`;
  }, `“${file.name}” could not be imported. Nothing was changed. Check that it is the .zip file “Export workspace” saved, and export it again if it still fails.`);

  const deleteAll = () => run(async () => {
    await workspace.deleteAll();
    bumpDataVersion();
    return 'Your data was deleted from this browser. The bundled reviews and briefings are still here.';
  }, 'Your data could not be deleted. Nothing was changed; reload the page and try again.');

  return (
    <section className="workspace-card" aria-labelledby="workspace-transfer" aria-busy={busy}>
      <h2 id="workspace-transfer">Move or remove your workspace</h2>
      <p>
        One .zip file holds everything of yours (Arrow tables, your retrained tagger and a manifest). Use it as a backup or to
        move to another computer. Importing one replaces your current data.
      </p>
      <div className="workspace-actions">
        <button type="button" onClick={() => void exportZip()} disabled={busy}>Export workspace</button>
        <FilePickButton label="Import workspace…" accept=".zip,application/zip" disabled={busy} testId="ws-import-input" onFile={(f) => void importZip(f)} />
        <DeleteAllDialog busy={busy} onConfirm={() => void deleteAll()} />
      </div>
      {outcome?.kind === 'ok' && <p role="status" className="workspace-ok" data-testid="ws-outcome">{outcome.text}</p>}
      {outcome?.kind === 'error' && <ProblemReport report={outcome.report} testId="ws-outcome" className="workspace-error" />}
    </section>
  );
}
