import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { QueryRunner } from '../../queries/runner.ts';
import { explorerPageQuery, passageSnippetsQuery } from '../../queries/explorer.ts';
import { EXPLORER_PAGE, type ExplorerQuery, type ExplorerRow } from '../../queries/explorer-list-sql.ts';
import type { Filters } from '../../filters/filters.ts';

/** Rows loaded beyond the drawn ones, so scrolling on reaches a page already fetched. */
const MARGIN = 30;

/** The pages holding rows [first - MARGIN, last + MARGIN), page 0 left out (always loaded). */
export function pagesFor(first: number, last: number, page = EXPLORER_PAGE, margin = MARGIN): number[] {
  const from = Math.floor(Math.max(0, first - margin) / page);
  const to = Math.floor(Math.max(0, last + margin - 1) / page);
  const pages: number[] = [];
  for (let p = Math.max(1, from); p <= to; p++) pages.push(p);
  return pages;
}

/**
 * The Explorer list page by page: the first page (kept on screen through a
 * filter change until the new one is in) and the pages around the rows drawn.
 * `resetKey` names the list (filters and order): a new one starts at the top.
 */
export function useExplorerPages(db: QueryRunner, filters: Filters, o: ExplorerQuery, dataVersion: number) {
  const resetKey = JSON.stringify([filters, o]);
  const [range, setRange] = useState({ resetKey, first: 0, last: 0 });
  const onRangeChange = useCallback((first: number, last: number) => setRange({ resetKey, first, last }), [resetKey]);
  const top = useQuery({ ...explorerPageQuery(db, filters, o, 0, dataVersion), placeholderData: keepPreviousData });
  const drawn = range.resetKey === resetKey ? range : { first: 0, last: 0 };
  const pageNumbers = pagesFor(drawn.first, drawn.last);
  const pages = useQueries({ queries: pageNumbers.map((p) => explorerPageQuery(db, filters, o, p, dataVersion)) });
  const loaded = new Map<number, ExplorerRow[]>();
  if (top.data && !top.isPlaceholderData) loaded.set(0, top.data);
  pageNumbers.forEach((p, i) => {
    const data = pages[i]?.data;
    if (data) loaded.set(p, data);
  });
  // Reviews that matched a search in their passages only get their snippet in a second step, so the rows show first.
  const q = filters.q.trim();
  const unsnipped = q ? [...loaded.values()].map((rows) => rows.filter((r) => r.kind === 'review' && r.snippet === null).map((r) => r.id)).filter((ids) => ids.length) : [];
  const snippetQueries = useQueries({ queries: unsnipped.map((ids) => passageSnippetsQuery(db, q, ids, dataVersion)) });
  const passageSnippets = new Map<string, string>();
  for (const s of snippetQueries) s.data?.forEach((snippet, id) => passageSnippets.set(id, snippet));
  const rowAt = (index: number): ExplorerRow | undefined => {
    const row = loaded.get(Math.floor(index / EXPLORER_PAGE))?.[index % EXPLORER_PAGE];
    const snippet = row?.kind === 'review' && row.snippet === null ? passageSnippets.get(row.id) : undefined;
    return snippet === undefined ? row : { ...row!, snippet };
  };
  const failed = [...pages, ...snippetQueries].find((p) => p.error);
  return { top, rowAt, onRangeChange, resetKey, failed };
}
