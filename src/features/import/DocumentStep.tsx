/**
 * Documents read on this device, each attached to a review or briefing (guessed
 * from the file name) or to a new review, then stored as passages in one go.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDatabase, useWorkspaceChange } from '../../state/database-context.ts';
import { partnershipRecord, slugify } from '../../schema/partnership-name.ts';
import { linkTargetsQuery, partnershipChoicesQuery, type LinkTarget, type PartnershipChoice } from '../../queries/import.ts';
import { DocumentRow, matchPartnership, validPublished, type DocEntry } from './DocumentRow.tsx';
import { commitDocuments, type ReadyDocument, type TagJob } from './run-import.ts';

export type { DocEntry } from './DocumentRow.tsx';

/** YYYY, YYYY-MM or YYYY-MM-DD → first day of that period and its year. */
function dateFields(published: string) {
  const [y, m = '01', d = '01'] = published.split('-');
  return { published, published_on: `${y}-${m}-${d}`, year: Number(y) };
}

function readyDocument(d: DocEntry, known: readonly PartnershipChoice[]): ReadyDocument | null {
  if (d.status !== 'ready' || !d.text) return null;
  if (d.choice === 'new') {
    const match = matchPartnership(d.newPartnership, known);
    const published = d.newPublished.trim();
    if (!match || !d.newCase.trim() || !d.newType || !validPublished(published)) return null;
    const caseName = d.newCase.trim();
    return {
      fileName: d.file.name, kind: d.kind, text: d.text,
      target: {
        newReview: {
          id: `import-${match.id}-${slugify(caseName)}`, partnership_id: match.id, case_name: caseName,
          review_type: d.newType, ...dateFields(published), summary: null, findings: null,
          recommendations: null, source_url: null, origin: 'import-document',
        },
        newPartnership: match.known ? undefined : partnershipRecord(d.newPartnership),
      },
    };
  }
  const [type, ...rest] = d.choice.split(':');
  if (type !== 'review' && type !== 'briefing') return null;
  return { fileName: d.file.name, kind: d.kind, text: d.text, target: { entity_type: type, id: rest.join(':') } };
}

export interface DocumentStepProps {
  docs: DocEntry[];
  onChange(key: string, patch: Partial<DocEntry>): void;
  onRemove(key: string): void;
  onImported(summary: string, jobs: TagJob[], keys: string[]): void;
}

export function DocumentStep({ docs, onChange, onRemove, onImported }: DocumentStepProps) {
  const { db, dataVersion } = useDatabase();
  const change = useWorkspaceChange();
  // Only while documents wait to be attached: listing every review (100,000 after a big import) holds the page for seconds.
  const targets = useQuery({ ...linkTargetsQuery(db, dataVersion), enabled: docs.length > 0 });
  const partnerships = useQuery({ ...partnershipChoicesQuery(db, dataVersion), enabled: docs.length > 0 });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!docs.length) return null;

  const ready = docs.map((d) => [d, readyDocument(d, partnerships.data ?? [])] as const).filter((x): x is readonly [DocEntry, ReadyDocument] => x[1] !== null);
  const runImport = async () => {
    setBusy(true);
    setError(null);
    try {
      const jobs = await commitDocuments(change, ready.map(([, r]) => r));
      const passages = jobs.length;
      onImported(`${ready.length} document${ready.length === 1 ? '' : 's'} stored as ${passages} passages.`, jobs, ready.map(([d]) => d.key));
    } catch (err) {
      setError(`Import failed and nothing was changed: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="import-step" aria-labelledby="import-docs-heading" data-testid="import-documents">
      <h2 id="import-docs-heading">Documents</h2>
      <p>Attach each document to the review or briefing it belongs to. The app suggests one from the file name; a document can also start a new review.</p>
      <ul className="import-docs">
        {docs.map((d) => (
          <DocumentRow key={d.key} doc={d} targets={targets.data ?? ([] as LinkTarget[])} partnerships={partnerships.data ?? []}
            onChange={(patch) => onChange(d.key, patch)} onRemove={() => onRemove(d.key)} />
        ))}
      </ul>
      {error && <p className="import-error" role="alert">{error}</p>}
      <div className="import-actions">
        <button type="button" disabled={busy || !ready.length} onClick={() => void runImport()}>
          {busy ? 'Importing…' : `Import ${ready.length} document${ready.length === 1 ? '' : 's'}`}
        </button>
      </div>
    </section>
  );
}
