import type { DocumentKind } from '../../ingest/file-kinds.ts';
import type { LinkTarget, PartnershipChoice } from '../../queries/import.ts';
import { partnershipAreaName, partnershipId } from '../../schema/partnership-name.ts';
import { REVIEW_TYPE_LABELS, REVIEW_TYPES, type ReviewType } from '../../schema/records.ts';

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
  /** A new review's partnership as typed (matched to a known one by its statutory area, else a new one). */
  newPartnership: string;
  /** A new review's title, read from the document's heading. */
  newCase: string;
  newType: ReviewType | '';
  /** Publication date as typed: YYYY, YYYY-MM or YYYY-MM-DD. */
  newPublished: string;
}

/** Whether a typed publication date is one the app can place in a year. */
export const validPublished = (s: string) => /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/.test(s.trim());

/** What a typed partnership name matches: a known partnership, a new one, or nothing yet. */
export function matchPartnership(typed: string, known: readonly PartnershipChoice[]): { id: string; name: string; known: boolean } | null {
  if (!typed.trim()) return null;
  const id = partnershipId(typed);
  if (!id) return null;
  const hit = known.find((p) => p.id === id || p.name.toLowerCase() === typed.trim().toLowerCase());
  return hit ? { id: hit.id, name: hit.name, known: true } : { id, name: partnershipAreaName(typed), known: false };
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
            <NewReviewFields id={id} doc={doc} partnerships={partnerships} onChange={onChange} />
          )}
          {doc.choice === '' && <span className="hint">Not attached yet: choose where it belongs.</span>}
        </div>
      )}
    </li>
  );
}

/** The new review's title, partnership (typed, matched to known ones), review type and publication date. */
function NewReviewFields({ id, doc, partnerships, onChange }: { id: string; doc: DocEntry; partnerships: PartnershipChoice[]; onChange(patch: Partial<DocEntry>): void }) {
  const match = matchPartnership(doc.newPartnership, partnerships);
  const dateOk = doc.newPublished.trim() === '' || validPublished(doc.newPublished);
  return (
    <fieldset className="import-doc__new">
      <legend>The new review</legend>
      <label htmlFor={`${id}-c`}>Title</label>
      <input id={`${id}-c`} value={doc.newCase} onChange={(e) => onChange({ newCase: e.target.value })} />
      <label htmlFor={`${id}-p`}>Partnership</label>
      <input id={`${id}-p`} list={`${id}-plist`} value={doc.newPartnership} placeholder="Type a partnership" onChange={(e) => onChange({ newPartnership: e.target.value })} />
      <datalist id={`${id}-plist`}>{partnerships.map((p) => <option key={p.id} value={p.name} />)}</datalist>
      <span className="hint" data-testid="import-partnership-match">
        {match ? (match.known ? `Matches ${match.name}` : `New partnership: ${match.name}`) : 'Type the partnership that published it'}
      </span>
      <label htmlFor={`${id}-t`}>Review type</label>
      <select id={`${id}-t`} value={doc.newType} onChange={(e) => onChange({ newType: e.target.value as ReviewType | '' })}>
        <option value="">Choose…</option>
        {REVIEW_TYPES.map((t) => <option key={t} value={t}>{REVIEW_TYPE_LABELS[t]}</option>)}
      </select>
      <label htmlFor={`${id}-d`}>Publication date</label>
      <input id={`${id}-d`} value={doc.newPublished} placeholder="YYYY or YYYY-MM or YYYY-MM-DD" aria-invalid={!dateOk}
        onChange={(e) => onChange({ newPublished: e.target.value })} />
      {!dateOk && <span role="alert">Write the date as a year (2023), a month (2023-05) or a day (2023-05-19).</span>}
    </fieldset>
  );
}
