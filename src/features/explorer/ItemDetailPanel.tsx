import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useDatabase } from '../../state/database-context.ts';
import { HighlightedText } from '../../components/HighlightedText.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { itemBundleQuery, type EvidenceRow, type ItemThemeRow } from '../../queries/explorer.ts';
import { type ItemKind } from '../../queries/explorer-list-sql.ts';
import { BRIEFING_KIND_LABELS, REVIEW_TYPE_LABELS, type BriefingKind, type ReviewType } from '../../schema/records.ts';
import { itemHighlights, itemText } from './item-highlights.ts';

const SOURCE_LABEL = { model: 'Tagger', rule: 'Phrase rule', manual: 'Expert', catalogue: 'Catalogue keywords' } as const;

/** Only web links become links; other source references (file names) are shown as text. */
const isWebLink = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url);

function ThemeList({ themes, evidence }: { themes: ItemThemeRow[]; evidence: EvidenceRow[] }) {
  if (!themes.length) return <p className="hint">No themes tagged yet.</p>;
  return (
    <ul className="explorer-themes">
      {themes.map((t) => {
        const sentences = evidence.filter((e) => e.theme_id === t.theme_id);
        return (
          <li key={t.theme_id}>
            <span className="explorer-themes__name">{t.theme}</span>{' '}
            <span className="hint">{SOURCE_LABEL[t.source] ?? t.source}{t.source === 'manual' || t.source === 'catalogue' ? '' : `, score ${t.score.toFixed(2)}`}</span>
            {sentences.length > 0 && (
              <details className="explorer-themes__more">
                <summary>{sentences.length} evidence sentence{sentences.length > 1 ? 's' : ''}</summary>
                <ul className="explorer-themes__evidence">
                  {sentences.map((e) => <li key={e.rank}>“{e.sentence}”</li>)}
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
    body = (
      <>
        <p className="explorer-detail__meta">
          {item.partnership} · {type ?? ''} · {item.published ?? 'date not known'}
        </p>
        {item.source_url && (
          <p className="explorer-detail__source">
            Source: {isWebLink(item.source_url)
              ? <a href={item.source_url} target="_blank" rel="noreferrer noopener">{item.source_url}</a>
              : <span>{item.source_url}</span>}
          </p>
        )}
        <h3>Themes</h3>
        <ThemeList themes={bundle.data.themes} evidence={bundle.data.evidence} />
        {children}
        <h3>Text</h3>
        {highlights.length > 0 && (
          <p className="hint">
            <mark className="explorer-evidence">Evidence</mark> sentences the tagger relied on{q.trim() ? <>; <mark className="explorer-hit">matches</mark> for “{q.trim()}”</> : null}.
          </p>
        )}
        {text ? <HighlightedText className="explorer-detail__text" text={text} highlights={highlights} /> : <p className="hint">No text held for this {kind}.</p>}
      </>
    );
  }
  return (
    <section className="explorer-detail" aria-labelledby="explorer-detail-title">
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
