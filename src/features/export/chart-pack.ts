/**
 * The chart pack: every chart on a view as PNG, SVG and CSV in one zip, with
 * `charts.md` giving each chart's title, alt text, filters and source.
 * Loaded only when the user asks for a pack (it pulls in fflate).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ChartSpec } from '../../charts/chart-registry.tsx';
import { DEFAULT_SMALL_NUMBERS, suppressionNote, type SmallNumberPolicy } from '../../lib/small-numbers.ts';
import { isEmptyChart } from '../../charts/empty-chart.ts';
import { chartTableCsv, protectedChartTable } from './csv.ts';
import { describeChartData } from './describe-chart.ts';
import { imageTextFor, sourceText, type ImageText } from './export-option.ts';

export interface PackContext {
  viewLabel: string;
  /** Plain-words filters, e.g. "Warwickshire; 2021–2024". */
  filtersText: string;
  /** Human date, e.g. "3 March 2025". */
  exportedOn: string;
  /** File name without extension for a chart, e.g. "reviews-per-year_warwickshire_2021-2024". */
  baseName(chartId: string): string;
  /** Small-number protection for the CSVs and charts.md (default: on, threshold 5). */
  smallNumbers?: SmallNumberPolicy;
}

/** Draws the images; the browser passes the ECharts renderers, tests pass stubs. */
export interface PackRenderer {
  png(chart: ChartSpec, text: ImageText, description: string): Promise<Uint8Array>;
  svg(chart: ChartSpec, text: ImageText, description: string): Promise<string>;
}

export interface PackProgress {
  done: number;
  total: number;
  message: string;
}

interface PackEntry {
  chart: ChartSpec;
  base: string;
  description: string;
  /** Why the images are missing, when drawing failed (the numbers are still in the pack). */
  imageError?: string;
}

/** What went into a pack: the zip, the charts whose images could not be drawn, and the empty charts left out. */
export interface ChartPack {
  zip: Uint8Array;
  withoutImages: string[];
  leftOut: string[];
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The pack's index: for each chart its title, files, alt text, filters and source. */
export function chartsMarkdown(entries: readonly PackEntry[], ctx: PackContext, leftOut: readonly ChartSpec[] = []): string {
  const lines = [
    `# ${ctx.viewLabel}: chart pack`,
    '',
    `Filters: ${ctx.filtersText}.`,
    `Exported ${ctx.exportedOn} from Learning Themes. Each chart comes as a PNG (2400 px wide, for print), an SVG (vector, editable) and a CSV of exactly the numbers plotted.`,
  ];
  const policy = ctx.smallNumbers ?? DEFAULT_SMALL_NUMBERS;
  entries.forEach(({ chart, base, description, imageError }, i) => {
    const files = imageError ? `\`${base}.csv\` (images could not be drawn: ${oneLine(imageError)}; ` : `\`${base}.png\`, \`${base}.svg\`, \`${base}.csv\` (`;
    lines.push(
      '',
      `## ${i + 1}. ${oneLine(chart.title)}`,
      '',
      `- Files: ${files}${chart.table.rows.length} row${chart.table.rows.length === 1 ? '' : 's'} of numbers)`,
      `- Description (alt text): ${oneLine(description)}`,
      `- Filters: ${ctx.filtersText}`,
      `- Source: ${sourceText(chart.footnote, ctx.filtersText).replace(/^Source:\s*/i, '')}`,
      `- Small numbers: ${suppressionNote(protectedChartTable(chart.table, policy), policy)}`,
      ...(chart.notes ?? []).map((n) => `- Note: ${oneLine(n)}`),
    );
    const numbers = protectedChartTable(chart.table, policy);
    lines.push('', `| ${numbers.columns.join(' | ')} |`, `| ${numbers.columns.map(() => '---').join(' | ')} |`,
      ...numbers.rows.map((r) => `| ${r.map((v) => oneLine(String(v ?? '')).replace(/\|/g, '\\|')).join(' | ')} |`));
  });
  if (leftOut.length) {
    lines.push(
      '',
      '## Left out',
      '',
      `${leftOut.length === 1 ? 'This chart has' : 'These charts have'} nothing to plot for the filters above (no matching reviews carry numbers for ${leftOut.length === 1 ? 'it' : 'them'}), so ${leftOut.length === 1 ? 'it is' : 'they are'} not in the pack. Widen the filters to include ${leftOut.length === 1 ? 'it' : 'them'}.`,
      '',
      ...leftOut.map((c) => `- ${oneLine(c.title)}`),
    );
  }
  return lines.join('\n') + '\n';
}

const abortError = () => new DOMException('The export was cancelled.', 'AbortError');

/**
 * Renders every chart that has something to plot and zips the lot (empty
 * charts are named in charts.md, not drawn); reports progress per chart and stops
 * when `signal` aborts. A chart that cannot be drawn keeps its CSV and a note
 * in charts.md rather than costing the user the whole pack.
 */
export async function buildChartPack(
  allCharts: readonly ChartSpec[],
  ctx: PackContext,
  render: PackRenderer,
  options: { signal?: AbortSignal; onProgress?: (p: PackProgress) => void } = {},
): Promise<ChartPack> {
  const { signal, onProgress } = options;
  const files: Zippable = {};
  const entries: PackEntry[] = [];
  const leftOut = allCharts.filter((c) => isEmptyChart(c.table));
  const charts = allCharts.filter((c) => !leftOut.includes(c));
  const total = charts.length + 1;
  for (const [i, chart] of charts.entries()) {
    if (signal?.aborted) throw abortError();
    onProgress?.({ done: i, total, message: `Drawing chart ${i + 1} of ${charts.length}: ${oneLine(chart.title)}` });
    const base = ctx.baseName(chart.id);
    const description = describeChartData(chart);
    const text = imageTextFor(chart, ctx.filtersText, ctx.exportedOn);
    files[`${base}.csv`] = strToU8(chartTableCsv(chart.table, ctx.smallNumbers ?? DEFAULT_SMALL_NUMBERS));
    try {
      const [png, svg] = [await render.png(chart, text, description), await render.svg(chart, text, description)];
      // PNG is already compressed: store it as is.
      files[`${base}.png`] = [png, { level: 0 }];
      files[`${base}.svg`] = strToU8(svg);
      entries.push({ chart, base, description });
    } catch (err) {
      entries.push({ chart, base, description, imageError: err instanceof Error ? err.message : String(err) });
    }
  }
  if (signal?.aborted) throw abortError();
  onProgress?.({ done: charts.length, total, message: 'Packing the zip file' });
  files['charts.md'] = strToU8(chartsMarkdown(entries, ctx, leftOut));
  const zip = zipSync(files);
  onProgress?.({ done: total, total, message: 'Done' });
  return { zip, withoutImages: entries.filter((e) => e.imageError).map((e) => e.chart.title), leftOut: leftOut.map((c) => c.title) };
}
