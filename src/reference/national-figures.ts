/**
 * Published national figures (data/reference/national-figures.json) as
 * reference marks beside our own theme shares. Pure: no React, no engine.
 *
 * Comparability: a figure whose base counts every serious case review of a
 * period ("all-reviews") is the reference for its theme; a figure on a subgroup
 * (e.g. infant deaths only) is shown only when no such figure exists, and is
 * always labelled as a different base. Our base (tagged reviews of every type
 * in the filtered years) never matches a published one exactly, so every
 * label states both.
 */
import data from '../../data/reference/national-figures.json';

export interface NationalFigure {
  theme_id: string;
  measure: string;
  share: number;
  numerator: number | null;
  base: number;
  base_counts: string;
  base_kind: 'all-reviews' | 'subset';
  period: string;
  quoted: string;
  source_title: string;
  source_url: string;
}

/** Every figure in the file, in file order. */
export const NATIONAL_FIGURES: readonly NationalFigure[] = data.figures as NationalFigure[];

/** The reference figure for a theme: the first all-reviews figure, else the first subset one. */
export function referenceFor(themeId: string, figures: readonly NationalFigure[] = NATIONAL_FIGURES): NationalFigure | null {
  const forTheme = figures.filter((f) => f.theme_id === themeId);
  return forTheme.find((f) => f.base_kind === 'all-reviews') ?? forTheme[0] ?? null;
}

/** "60% of 139 serious case reviews, 2009–2011"; with a numerator, "33% (9 of 27) …". */
export function referenceLabel(f: NationalFigure): string {
  const share = `${Math.round(f.share * 100)}%`;
  const of = f.numerator === null ? `of ${f.base}` : `(${f.numerator} of ${f.base})`;
  return `${share} ${of} ${f.base_counts}, ${f.period}`;
}

/** What our own base is, for the note beside a reference mark. */
export interface OurBase {
  reviews: number;
  firstYear: number | null;
  lastYear: number | null;
}

/** The note that says how the published base differs from ours. */
export function baseNote(f: NationalFigure, ours: OurBase): string {
  const years = ours.firstYear === null ? '' : ours.firstYear === ours.lastYear ? `, ${ours.firstYear}` : `, ${ours.firstYear}–${ours.lastYear}`;
  const ourText = `ours counts ${ours.reviews} tagged reviews of every type${years}`;
  return f.base_kind === 'subset'
    ? `Base differs: the published figure counts only ${f.base_counts} (${f.measure.toLowerCase()}); ${ourText}.`
    : `Base differs: the published figure counts ${f.base_counts} (${f.measure.toLowerCase()}); ${ourText}.`;
}

/** One line for exports: label, measure and source. */
export function referenceCitation(f: NationalFigure): string {
  return `${referenceLabel(f)} — ${f.measure} (${f.source_title}; ${f.source_url})`;
}
