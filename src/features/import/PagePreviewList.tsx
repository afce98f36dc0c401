/** The page preview: reviews with their briefings nested, each editable and deselectable, with the page line it came from. */
import { BRIEFING_KIND_LABELS, BRIEFING_KINDS, REVIEW_TYPE_LABELS, REVIEW_TYPES } from '../../schema/records.ts';
import type { PagePreview, PreviewBriefing, PreviewReview } from '../../ingest/pages/page-preview.ts';

function SourceLine({ line, text }: { line: number; text: string }) {
  return (
    <p className="import-page-source">
      <span className="import-page-source__n">line {line}</span> <mark>{text}</mark>
    </p>
  );
}

function BriefingRow({ b, onChange }: { b: PreviewBriefing; onChange(b: PreviewBriefing): void }) {
  return (
    <li className={`import-page-item${b.include ? '' : ' import-page-item--off'}`} data-testid="import-page-briefing">
      <div className="import-page-fields">
        <input type="checkbox" checked={b.include} aria-label={`Keep briefing ${b.title}`} onChange={(e) => onChange({ ...b, include: e.target.checked })} />
        <input className="import-page-name" value={b.title} aria-label="Briefing title" onChange={(e) => onChange({ ...b, title: e.target.value })} />
        <select value={b.kind} aria-label="Briefing kind" onChange={(e) => onChange({ ...b, kind: e.target.value as PreviewBriefing['kind'] })}>
          {BRIEFING_KINDS.map((k) => <option key={k} value={k}>{BRIEFING_KIND_LABELS[k]}</option>)}
        </select>
        <input className="import-page-date" value={b.published} placeholder="no date" aria-label="Published" onChange={(e) => onChange({ ...b, published: e.target.value })} />
        {b.duplicate && <span className="badge import-page-dup">already in the data</span>}
      </div>
      <SourceLine line={b.line} text={b.source} />
    </li>
  );
}

function ReviewRow({ r, onChange }: { r: PreviewReview; onChange(r: PreviewReview): void }) {
  const setBriefing = (b: PreviewBriefing) => onChange({ ...r, briefings: r.briefings.map((x) => (x.key === b.key ? b : x)) });
  return (
    <li className={`import-page-item${r.include ? '' : ' import-page-item--off'}`} data-testid="import-page-review">
      <div className="import-page-fields">
        <input type="checkbox" checked={r.include} aria-label={`Keep review ${r.case}`} onChange={(e) => onChange({ ...r, include: e.target.checked })} />
        <input className="import-page-name" value={r.case} aria-label="Case name" onChange={(e) => onChange({ ...r, case: e.target.value })} />
        <select value={r.type} aria-label="Review type" onChange={(e) => onChange({ ...r, type: e.target.value as PreviewReview['type'] })}>
          {REVIEW_TYPES.map((t) => <option key={t} value={t}>{REVIEW_TYPE_LABELS[t]}</option>)}
        </select>
        <input className="import-page-date" value={r.published} placeholder="no date" aria-label="Published" onChange={(e) => onChange({ ...r, published: e.target.value })} />
        {r.partnership && <span className="badge">{r.partnership}</span>}
        {r.duplicate && <span className="badge import-page-dup">already in the data</span>}
      </div>
      <SourceLine line={r.line} text={r.source} />
      {r.briefings.length > 0 && (
        <ul className="import-page-nested" aria-label={`Briefings of ${r.case}`}>
          {r.briefings.map((b) => <BriefingRow key={b.key} b={b} onChange={setBriefing} />)}
        </ul>
      )}
    </li>
  );
}

export function PagePreviewList({ preview, onChange }: { preview: PagePreview; onChange(p: PagePreview): void }) {
  const setReview = (r: PreviewReview) => onChange({ ...preview, reviews: preview.reviews.map((x) => (x.key === r.key ? r : x)) });
  const setBriefing = (b: PreviewBriefing) => onChange({ ...preview, briefings: preview.briefings.map((x) => (x.key === b.key ? b : x)) });
  const nested = preview.reviews.reduce((n, r) => n + r.briefings.length, 0);
  return (
    <div className="import-page-preview" data-testid="import-page-preview">
      <p role="status">
        Found {preview.reviews.length} review{preview.reviews.length === 1 ? '' : 's'} and {nested + preview.briefings.length} briefing
        {nested + preview.briefings.length === 1 ? '' : 's'}. Untick what should not be added, and correct names or dates; nothing is added until you confirm.
      </p>
      {preview.reviews.length > 0 && (
        <ul className="import-page-list" aria-label="Reviews found">
          {preview.reviews.map((r) => <ReviewRow key={r.key} r={r} onChange={setReview} />)}
        </ul>
      )}
      {preview.briefings.length > 0 && (
        <>
          <h3 className="import-page-subhead">Briefings not linked to a review</h3>
          <ul className="import-page-list" aria-label="Briefings found">
            {preview.briefings.map((b) => <BriefingRow key={b.key} b={b} onChange={setBriefing} />)}
          </ul>
        </>
      )}
    </div>
  );
}
