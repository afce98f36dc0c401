/** Text pasted from a national catalogue listing → reviews with their listed learning as theme tags. */
import { useState } from 'react';
import { useDatabase, useWorkspaceChange } from '../../state/database-context.ts';
import { parseCataloguePage, type CatalogueResult } from '../../ingest/catalogue-page.ts';
import { MetadataPreview } from './MetadataPreview.tsx';
import { ProblemList } from './ProblemList.tsx';
import { commitPlan, planRecords, type TagJob, type ThemeContext } from './run-import.ts';

export function CatalogueStep({ themes, onImported }: { themes: ThemeContext; onImported(summary: string, jobs: TagJob[]): void }) {
  const { db } = useDatabase();
  const change = useWorkspaceChange();
  const [text, setText] = useState('');
  const [parsed, setParsed] = useState<CatalogueResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const runImport = async () => {
    if (!parsed) return;
    setBusy(true);
    setError(null);
    try {
      const plan = await planRecords(db, parsed);
      const jobs = await commitPlan(change, plan, 'catalogue text');
      onImported(`Catalogue text: ${plan.added.reviews} new reviews, ${plan.merged.reviews} merged with reviews already here, ${plan.tags.length} theme tags from their listed learning.`, jobs);
      setParsed(null);
      setText('');
    } catch (err) {
      setError(`Import failed and nothing was changed: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="import-step" aria-labelledby="import-cat-heading" data-testid="import-catalogue">
      <h2 id="import-cat-heading">Paste from a case review catalogue</h2>
      <label htmlFor="import-cat-text">
        Text copied from a catalogue listing. Each entry starts with a line like “2024 - Somewhere - Child X”, then its summary,
        “Learning includes: …” and “Recommendations include: …”.
      </label>
      <textarea id="import-cat-text" rows={8} value={text} onChange={(e) => (setText(e.target.value), setParsed(null))} />
      <div className="import-actions">
        <button type="button" disabled={!text.trim()} onClick={() => setParsed(parseCataloguePage(text, themes.matcher))}>Read entries</button>
      </div>
      {parsed && (
        <>
          <p role="status">{parsed.entries} entr{parsed.entries === 1 ? 'y' : 'ies'} found.</p>
          {parsed.reviews.length > 0 && <MetadataPreview records={parsed} kind="review" labels={themes.labels} />}
          <ProblemList title="Learning that matched no theme" items={parsed.unmatched.map((u) => `${u.entry}: “${u.phrase}”`)} tone="note" testId="import-unmatched" />
          <ProblemList title="Problems" items={parsed.problems.map((p) => p.message)} />
          {error && <p className="import-error" role="alert">{error}</p>}
          <div className="import-actions">
            <button type="button" disabled={busy || !parsed.reviews.length} onClick={() => void runImport()}>
              {busy ? 'Importing…' : `Import ${parsed.reviews.length} review${parsed.reviews.length === 1 ? '' : 's'}`}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
