/**
 * The off-screen chart option for image exports: the on-screen option plus a
 * title, the filters in force and a footer with the source and export date,
 * with the plot moved to make room, and category labels as wide as they need
 * (wrapped, never cut). The on-screen chart is left untouched.
 */
import { CHART_FONT, INK } from '../../charts/options/common.ts';
import { fitCategoryLabels } from '../../charts/options/fit-labels.ts';
import type { ChartTableData } from '../../charts/ChartTable.tsx';
import { hidesACount, type SmallNumberPolicy } from '../../lib/small-numbers.ts';

/** What every exported image states besides the chart itself. */
export interface ImageText {
  title: string;
  /** "Filters: Warwickshire; 2021–2024". */
  filters: string;
  /** "Source: … Exported 3 March 2025 from Learning Themes." */
  footer: string;
}

export const EXPORT_WIDTH = 1200;
const MARGIN = 40;
const TEXT_WIDTH = EXPORT_WIDTH - 2 * MARGIN;
/** The widest a category label may be in an image before it wraps: about a third of the width. */
export const EXPORT_LABEL_WIDTH = 400;
// Single quotes only: ECharts writes fonts into SVG style="…" attributes without escaping.
const INK_SOFT = '#3e4c59';
export const DEFAULT_SOURCE = 'Source: Learning Themes dataset (published reviews and briefings).';

/** Plot height for the export, from the on-screen height: taller charts stay taller. */
export function plotHeight(screenHeight = 320): number {
  return Math.min(1600, Math.max(560, Math.round(screenHeight * 2)));
}

// Text in an image cannot be measured here: estimate lines from an average glyph width.
// Bold title glyphs run wider: under-counting them let a two-line title touch the plot.
const lines = (text: string, fontSize: number, glyph = 0.55) => Math.max(1, Math.ceil((text.length * fontSize * glyph) / TEXT_WIDTH));

/** Heights of the title block and footer for the given text. */
export function frameHeights(text: ImageText): { header: number; footer: number } {
  return {
    header: 24 + lines(text.title, 22, 0.62) * 30 + 10 + lines(text.filters, 14) * 20 + 20,
    footer: 16 + lines(text.footer, 12) * 18 + 16,
  };
}

/** The source sentences of a chart footnote, without the filters it repeats or on-screen hints ("hover for counts"). */
export function sourceText(footnote: string, filtersText: string): string {
  const source = footnote
    .replace(`Filters: ${filtersText}.`, '')
    .replace(/[;,]\s*(hover|click)[^.;]*(?=\.)/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  return /^source:/i.test(source) ? source : `${DEFAULT_SOURCE} ${source}`.trim();
}

/** The footer of an exported image: source and export date. */
export function footerText(footnote: string, filtersText: string, exportedOn: string): string {
  return `${sourceText(footnote, filtersText)} Exported ${exportedOn} from Learning Themes.`;
}

/**
 * Font names with double quotes, as in `"Segoe UI"`, break the SVG: ECharts'
 * SVG renderer writes them unescaped into style attributes. Swap them for single quotes.
 */
export function singleQuoteFonts<T>(value: T): T {
  if (Array.isArray(value)) return value.map(singleQuoteFonts) as T;
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, (k === 'fontFamily' || k === 'font') && typeof v === 'string' ? v.replace(/"/g, "'") : singleQuoteFonts(v)]),
  ) as T;
}

type Box = Record<string, unknown>;
const asList = (v: unknown): Box[] => (Array.isArray(v) ? v : v ? [v] : []) as Box[];
const shift = (v: unknown, by: number, fallback: number) => (typeof v === 'number' ? v + by : by + fallback);

function moveBox(box: Box, header: number, footer: number): Box {
  const out = { ...box };
  const anchoredBottom = box.bottom !== undefined && box.top === undefined;
  if (!anchoredBottom) out.top = shift(box.top, header, 0);
  if (box.bottom !== undefined) out.bottom = shift(box.bottom, footer, 0);
  return out;
}

/** Extra rows a wrapped legend needs (names from the series), beyond its first. */
function extraLegendRows(option: Record<string, unknown>): number {
  const names = asList(option.series).map((s) => String(s.name ?? ''));
  const width = names.reduce((w, n) => w + n.length * 7 + 45, 0);
  return Math.max(0, Math.ceil(width / TEXT_WIDTH) - 1);
}

/** The option drawn off-screen for PNG and SVG: framed with title, filters and footer. */
export function exportOption(screenOption: Record<string, unknown>, text: ImageText, height: number): Record<string, unknown> {
  const option = fitCategoryLabels(singleQuoteFonts(screenOption), EXPORT_LABEL_WIDTH);
  const { header, footer } = frameHeights(text);
  const legendAtBottom = asList(option.legend).some((l) => l.bottom !== undefined && l.top === undefined);
  const legendRows = legendAtBottom ? extraLegendRows(option) * 24 : 0;
  // Keep the plot inside the page margins the title and footer use.
  const margin = (v: unknown) => (typeof v === 'number' ? Math.max(v, MARGIN) : v);
  const grids = asList(option.grid).map((g) => ({
    ...g,
    left: margin(g.left),
    right: margin(g.right),
    top: typeof g.top === 'number' ? g.top + header : header + 40,
    bottom: (typeof g.bottom === 'number' ? g.bottom + footer : footer + 60) + legendRows,
  }));
  const out: Record<string, unknown> = {
    ...option,
    animation: false,
    backgroundColor: '#ffffff',
    title: {
      text: text.title,
      subtext: text.filters,
      left: MARGIN,
      top: 24,
      itemGap: 10,
      textStyle: { fontFamily: CHART_FONT, fontSize: 22, fontWeight: 600, color: INK, width: TEXT_WIDTH, overflow: 'break', lineHeight: 30 },
      subtextStyle: { fontFamily: CHART_FONT, fontSize: 14, color: INK_SOFT, width: TEXT_WIDTH, overflow: 'break', lineHeight: 20 },
    },
    grid: grids.length ? grids : { top: header + 40, bottom: footer + 60, left: 64, right: 32 },
    graphic: [
      ...asList(option.graphic),
      {
        // ECharts pads the title by 5 px: line the footer up with it.
        type: 'text', left: MARGIN + 5, top: height - footer + 16, silent: true,
        style: { text: text.footer, font: `12px ${CHART_FONT}`, fill: INK_SOFT, width: TEXT_WIDTH, overflow: 'break', lineHeight: 18 },
      },
    ],
  };
  if (option.legend) out.legend = asList(option.legend).map((l) => ({ ...moveBox(l, header, footer), type: 'plain' }));
  if (option.visualMap) out.visualMap = asList(option.visualMap).map((v) => moveBox(v, header, footer));
  delete out.toolbox;
  delete out.dataZoom;
  return out;
}

/**
 * The option an image of the chart starts from: its print version (counts beside shares) where it has one,
 * unless small-number protection hides a count in the chart's numbers: the counts drawn on the image would
 * give it back, so that image keeps the screen's shares.
 */
export function imageOption<Row>(chart: { option: unknown; printOption?: () => unknown; table: ChartTableData<Row> }, policy: SmallNumberPolicy): Record<string, unknown> {
  const hides = chart.printOption !== undefined && hidesACount(chart.table.columns, chart.table.rows, policy);
  return (hides || !chart.printOption ? chart.option : chart.printOption()) as Record<string, unknown>;
}

/** Total image height for a plot height and the frame around it. */
export function imageHeight(text: ImageText, plot: number): number {
  const { header, footer } = frameHeights(text);
  return header + plot + footer;
}

/** The title, filters line and footer an exported image of a chart carries. */
export function imageTextFor(chart: { title: string; footnote: string }, filtersText: string, exportedOn: string): ImageText {
  return { title: chart.title, filters: `Filters: ${filtersText}`, footer: footerText(chart.footnote, filtersText, exportedOn) };
}
