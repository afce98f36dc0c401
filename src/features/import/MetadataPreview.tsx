import type { RecordKind } from '../../ingest/fields.ts';
import type { ImportRecords } from '../../ingest/metadata-records.ts';
import { REVIEW_TYPE_LABELS } from '../../schema/records.ts';

const ROWS = 8;

/** The first mapped records as they will be stored; imported text is shown as text only. */
export function MetadataPreview({ records, kind, labels }: { records: ImportRecords; kind: RecordKind; labels: Map<string, string> }) {
  // One pass over the tags for the shown rows only: filtering all of a big file's tags once per row took 70 ms a draw.
  const shown = new Set((kind === 'review' ? records.reviews : records.briefings).slice(0, ROWS).map((r) => r.id));
  const themes = new Map<string, string[]>();
  for (const t of records.tags) if (shown.has(t.entity_id)) themes.set(t.entity_id, [...(themes.get(t.entity_id) ?? []), labels.get(t.theme_id) ?? t.theme_id]);
  const themesOf = (id: string) => (themes.get(id) ?? []).join('; ');
  const partnership = new Map(records.partnerships.map((p) => [p.id, p.name]));
  const rows = kind === 'review'
    ? records.reviews.slice(0, ROWS).map((r, i) => [String(records.rows[i] ?? ''), partnership.get(r.partnership_id) ?? r.partnership_id, r.case_name, REVIEW_TYPE_LABELS[r.review_type], r.published ?? '—', themesOf(r.id), (r.summary ?? '').slice(0, 140)])
    : records.briefings.slice(0, ROWS).map((b, i) => [String(records.rows[i] ?? ''), partnership.get(b.partnership_id) ?? b.partnership_id, b.title, b.briefing_kind, b.published ?? '—', themesOf(b.id), (b.text ?? '').slice(0, 140)]);
  const total = kind === 'review' ? records.reviews.length : records.briefings.length;
  const head = ['Row', 'Partnership', kind === 'review' ? 'Case' : 'Title', kind === 'review' ? 'Type' : 'Kind', 'Published', 'Themes', kind === 'review' ? 'Summary' : 'Text'];
  return (
    <div className="table-scroll import-preview">
      <table className="data-table" data-testid="import-preview">
        <caption>Preview: first {Math.min(ROWS, total)} of {total} {kind}s as they will be imported</caption>
        <thead><tr>{head.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
        <tbody>
          {rows.map((cells, i) => <tr key={i}>{cells.map((c, j) => <td key={j}>{c}</td>)}</tr>)}
        </tbody>
      </table>
    </div>
  );
}
