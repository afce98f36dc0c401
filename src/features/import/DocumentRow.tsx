import type { DocumentKind } from '../../ingest/file-kinds.ts';
import type { LinkTarget, PartnershipChoice } from '../../queries/import.ts';

export interface DocEntry {
  key: string;
  file: File;
  kind: DocumentKind;
  status: 'reading' | 'ready' | 'failed';
  text?: string;
  passages?: number;
  message?: string;
  /** `review:<id>`, `briefing:<id>`, `new` or '' (not chosen yet). */
  choice: string;
  newPartnership: string;
  newCase: string;
}

const year = (y: number | null) => (y ? `, ${y}` : '');

/** One document: its status, and where it will be attached. */
export function DocumentRow({ doc, targets, partnerships, onChange, onRemove }: {
  doc: DocEntry; targets: LinkTarget[]; partnerships: PartnershipChoice[];
  onChange(patch: Partial<DocEntry>): void; onRemove(): void;
}) {
  const id = `import-doc-${doc.key}`;
  const reviews = targets.filter((t) => t.entity_type === 'review');
  const briefings = targets.filter((t) => t.entity_type === 'briefing');
  return (
    <li className={`import-doc import-doc--${doc.status}`} data-testid="import-doc" data-file={doc.file.name} data-status={doc.status}>
      <div className="import-doc__head">
        <strong>{doc.file.name}</strong>
        <span className="import-doc__status" role={doc.status === 'failed' ? 'alert' : undefined}>
          {doc.status === 'reading' && 'Reading…'}
          {doc.status === 'ready' && `${(doc.text?.length ?? 0).toLocaleString('en-GB')} characters, ${doc.passages} passages`}
          {doc.status === 'failed' && doc.message}
        </span>
        <button type="button" className="button-secondary" onClick={onRemove} aria-label={`Remove ${doc.file.name}`}>Remove</button>
      </div>
      {doc.status === 'ready' && (
        <div className="import-doc__link">
          <label htmlFor={id}>Attach to</label>
          <select id={id} value={doc.choice} onChange={(e) => onChange({ choice: e.target.value })}>
            <option value="">Choose a review or briefing…</option>
            <option value="new">A new review from this document</option>
            <optgroup label="Reviews">
              {reviews.map((t) => <option key={t.id} value={`review:${t.id}`}>{t.name} — {t.partnership}{year(t.year)}</option>)}
            </optgroup>
            <optgroup label="Briefings">
              {briefings.map((t) => <option key={t.id} value={`briefing:${t.id}`}>{t.name} — {t.partnership}{year(t.year)}</option>)}
            </optgroup>
          </select>
          {doc.choice === 'new' && (
            <>
              <label htmlFor={`${id}-p`}>Partnership</label>
              <select id={`${id}-p`} value={doc.newPartnership} onChange={(e) => onChange({ newPartnership: e.target.value })}>
                <option value="">Choose…</option>
                {partnerships.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select>
              <label htmlFor={`${id}-c`}>Case name</label>
              <input id={`${id}-c`} value={doc.newCase} onChange={(e) => onChange({ newCase: e.target.value })} />
            </>
          )}
          {doc.choice === '' && <span className="hint">Not attached yet: choose where it belongs.</span>}
        </div>
      )}
    </li>
  );
}
