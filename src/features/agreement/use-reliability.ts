/**
 * How far to trust the tagger, theme by theme, on entries it had not seen: out-of-fold tags of
 * the tagger in use against the expert labels and the user's corrections
 * (src/agreement/out-of-fold.ts). One source for the agreement view, the detail panel and
 * every theme chart's footnote, so they show the same figures.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useDatabase } from '../../state/database-context.ts';
import { outOfFoldAgreement, type AgreementBasis, type ThemeAgreement } from '../../agreement/out-of-fold.ts';
import { reliabilityLine } from '../../agreement/metrics.ts';
import { agreementJudgmentsQuery } from '../../queries/agreement.ts';
import { filterOptionsQuery, type ThemeOption } from '../../queries/filter-options.ts';
import { useWorkspace } from '../workspace/workspace-context.ts';
import { useFilters } from '../../state/url-state.ts';
import { loadOutOfFold } from './model-out-of-fold.ts';

export interface ThemeReliability extends ThemeAgreement {
  label: string;
  group_label: string;
}

export interface Reliability {
  rows: ThemeReliability[];
  byTheme: Map<string, ThemeReliability>;
  /** The tagger in use keeps no out-of-fold tags (a model trained before they existed). */
  missing: boolean;
  error: Error | null;
  loading: boolean;
}

/** Per active theme, the tagger's out-of-fold agreement with people (basis: expert labels and corrections, or corrections only). */
export function useThemeReliability(basis: AgreementBasis = 'all'): Reliability {
  const { db, dataVersion } = useDatabase();
  const workspace = useWorkspace();
  const retrained = workspace.model;
  const oof = useQuery({
    queryKey: ['agreement', 'outOfFold', dataVersion, retrained ? retrained.byteLength : 'bundled'],
    queryFn: ({ signal }) => loadOutOfFold(retrained, signal),
    staleTime: Infinity,
  });
  const judgments = useQuery(agreementJudgmentsQuery(db, dataVersion));
  const options = useQuery(filterOptionsQuery(db, dataVersion));
  return useMemo(() => {
    const error = (oof.error ?? judgments.error ?? options.error) as Error | null;
    if (!judgments.data || !options.data || oof.data === undefined) return { rows: [], byTheme: new Map(), missing: false, error, loading: !error };
    const themes: ThemeOption[] = options.data.themes;
    const counted = outOfFoldAgreement({ outOfFold: oof.data, themeIds: themes.map((t) => t.id), expertKeys: judgments.data.expertKeys, corrections: judgments.data.corrections, basis });
    const rows = counted.map((r, i) => ({ ...r, label: themes[i]!.label, group_label: themes[i]!.group_label }));
    return { rows, byTheme: new Map(rows.map((r) => [r.theme_id, r])), missing: oof.data === null, error, loading: false };
  }, [oof.data, oof.error, judgments.data, judgments.error, options.data, options.error, basis]);
}

/**
 * The footnote sentence for a chart of these themes: "On entries the tagger had not seen:
 * Neglect: 8 in 10 tags right, finds 9 in 10; …". Empty until the figures are ready.
 */
export function useReliabilityFootnote(themeIds: readonly string[]): string {
  const { byTheme } = useThemeReliability();
  const [filters] = useFilters();
  // Themes counted from expert labels or catalogue keywords alone: the tagger's record says nothing about them.
  if (filters.tagSources.length > 0 && !filters.tagSources.includes('tagger')) return '';
  const lines = themeIds.flatMap((id) => {
    const r = byTheme.get(id);
    return r && r.n > 0 ? [reliabilityLine(r.label, r)] : [];
  });
  return lines.length ? ` How often the tagger is right, on entries it had not seen: ${lines.join('; ')}.` : '';
}
