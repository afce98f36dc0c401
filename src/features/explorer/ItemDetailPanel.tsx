import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useDatabase } from '../../state/database-context.ts';
import { HighlightedText } from '../../components/HighlightedText.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { itemBundleQuery, type EvidenceRow, type ItemPassageRow, type ItemThemeRow } from '../../queries/explorer.ts';
import { type ItemKind } from '../../queries/explorer-list-sql.ts';
import { BRIEFING_KIND_LABELS, REVIEW_TYPE_LABELS, type BriefingKind, type ReviewType } from '../../schema/records.ts';
import { ReliabilityNote } from '../agreement/ReliabilityNote.tsx';
import { itemHighlights, itemText, passageHighlights } from './item-highlights.ts';

const SOURCE_LABEL = { model: 'Tagger', rule: 'Phrase rule', manual: 'Expert', catalogue: 'Catalogue keywords' } as const;

/** Only web links are shown as the source: a file name or other internal reference means the page's address is not recorded. */
const isWebLink = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url);

/** An imported document's passages in reading order, each with its evidence sentences marked per theme. */
function DocumentPassages({ passages, evidence, label, q }: { passages: ItemPassageRow[]; evidence: EvidenceRow[]; label(id: string): string; q: string }) {
  const files = [...new Set(passages.map((p) => p.file_name))];
  return (
    <div className="explorer-passages" data-testid="item-passages">
      <p className="hint">
        From {files.join(', ')}: {passages.length} passage{passages.length === 1 ? '' : 's'}.{' '}
        <mark className="explorer-evidence">Evidence</mark> sentences are marked; hover one to see its theme.
      </p>
      {passages.map((p) => (
        <HighlightedText key={p.id} className="explorer-detail__text explorer-passage" text={p.text}
          highlights={passageHighlights(p.id, p.text, evidence, label, q)} />
      ))}
    </div>
  );
}

function ThemeList({ themes, evidence, titleOnly }: { themes: ItemThemeRow[]; evidence: EvidenceRow[]; titleOnly: boolean }) {
  if (!themes.length) return <p className="hint">No themes tagged yet.</p>;
  return (
    <ul className="explorer-themes">
      {themes.map((t) => {
        const sentences = evidence.filter((e) => e.theme_id === t.theme_id);
        return (
          <li key={t.theme_id}>
            <span className="explorer-themes__name">{t.theme}</span>{' '}
            <span className="hint">{SOURCE_LABEL[t.source] ?? t.source}{t.source === 'manual' || t.source === 'catalogue' ? '' : `, score ${t.score.toFixed(2)}`}</span>
            {titleOnly && t.source !== 'manual' && t.source !== 'catalogue' && <span className="explorer-themes__derived" data-testid="derived-theme"> · derived from briefing titles</span>}
            {(t.source === 'model' || t.source === 'rule') && <ReliabilityNote themeId={t.theme_id} prefix=" · on entries it had not seen, " />}
            {sentences.length > 0 && (
              <details className="explorer-themes__more">
                <summary>{sentences.length} evidence sentence{sentences.length > 1 ? 's' : ''}</summary>
                <ul className="explorer-themes__evidence">
                  {sentences.map((e, i) => <li key={i}>“{e.sentence}”</li>)}
                </ul>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * One review or briefing: its text with evidence and search hits marked, its
 * themes with score and source, and the source link. `children` is the slot
 * for tools that act on the item (theme corrections).
 */
export function ItemDetailPanel({ kind, id, q, onClose, children }: { kind: ItemKind; id: string; q: string; onClose(): void; children?: ReactNode }) {
  const { db, dataVersion } = useDatabase();
  const bundle = useQuery(itemBundleQuery(db, kind, id, dataVersion));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [id]);
  const labels = useMemo(() => new Map(bundle.data?.themes.map((t) => [t.theme_id, t.theme])), [bundle.data]);
  const item = bundle.data?.item;
  const text = item ? itemText(item) : '';
  const highlights = useMemo(
    () => (bundle.data ? itemHighlights(text, bundle.data.evidence, (t) => labels.get(t) ?? t, q) : []),
    [bundle.data, text, labels, q],
  );
  let body: ReactNode;
  if (bundle.error) body = <StatusMessage kind="error">Could not load this {kind}: {bundle.error.message}. Close it and try again.</StatusMessage>;
  else if (!bundle.data) body = <StatusMessage kind="loading">Loading the {kind}…</StatusMessage>;
  else if (!item) body = <StatusMessage kind="empty">No {kind} with id “{id}” in this dataset. It may have been removed; close this panel and pick another.</StatusMessage>;
  else {
    const type = item.kind === 'review' ? REVIEW_TYPE_LABELS[item.review_type as ReviewType] : BRIEFING_KIND_LABELS[item.briefing_kind as BriefingKind];
    const titleOnly = item.kind === 'review' && item.title_only;
    body = (
      <>
        <p className="explorer-detail__meta">
          {item.partnership} · {type ?? ''} · {item.published ?? 'date not known'}
        </p>
        {titleOnly && (
          <p className="explorer-detail__title-only" data-testid="title-only-note">
            <strong className="badge">Title only</strong> This review is known only from a source page’s list: its only text is its title and the titles
            of its 7-minute briefings. Its themes are derived from those briefing titles, so they are not counted as review themes
            unless “Count title-only reviews” is on.
          </p>
        )}
        {item.kind === 'briefing' && item.linked_reviews > 1 && (
          <p className="hint" data-testid="briefing-links">1 briefing, linked to {item.linked_reviews} reviews (counted once).</p>
        )}
        <p className="explorer-detail__source">
          Source: {isWebLink(item.source_url)
            ? <a href={item.source_url} target="_blank" rel="noreferrer noopener">{item.source_url}</a>
            : <span className="hint">{bundle.data.passages.length ? 'imported on this device' : 'page address not recorded'}</span>}
        </p>
        <h3>Themes</h3>
        <ThemeList themes={bundle.data.themes} evidence={bundle.data.evidence} titleOnly={titleOnly} />
        {children}
        <h3>Text</h3>
        {highlights.length > 0 && (
          <p className="hint">
            <mark className="explorer-evidence">Evidence</mark> sentences the tagger relied on{q.trim() ? <>; <mark className="explorer-hit">matches</mark> for “{q.trim()}”</> : null}.
          </p>
        )}
        {text && <HighlightedText className="explorer-detail__text" text={text} highlights={highlights} />}
        {bundle.data.passages.length > 0 && (
          <DocumentPassages passages={bundle.data.passages} evidence={bundle.data.evidence} label={(t) => labels.get(t) ?? t} q={q} />
        )}
        {!text && !bundle.data.passages.length && <p className="hint">No text held for this {kind}.</p>}
      </>
    );
  }
  return (
    <section
      className="explorer-detail"
      aria-labelledby="explorer-detail-title"
      aria-busy={!bundle.data && !bundle.error}
      data-item={`${kind}:${id}`}
      // Escape closes the panel (as a dialog's would), unless a control inside used it first.
      onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && (e.preventDefault(), onClose())}
    >
      <div className="explorer-detail__head">
        <h2 id="explorer-detail-title" ref={heading} tabIndex={-1}>
          {item ? (item.kind === 'review' ? item.case_name : item.title) : kind === 'review' ? 'Review' : 'Briefing'}
        </h2>
        <button type="button" className="button-secondary" onClick={onClose}>Close</button>
      </div>
      {body}
    </section>
  );
}
