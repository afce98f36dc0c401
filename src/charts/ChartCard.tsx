import { useContext, useId, useMemo, useState, type ReactNode } from 'react';
import { useRegisterChart } from './chart-registry.tsx';
import { EChart } from './EChart.tsx';
import { HeatmapGrid, type HeatmapGridProps } from './heatmap/HeatmapGrid.tsx';
import { countPlotted } from './options/count-plotted.ts';
import { ChartTable, type ChartTableData } from './ChartTable.tsx';
import type { ChartOption, ECElementEvent } from './echarts.ts';
import { ChartMenuSlot } from './chart-menu-slot.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { EMPTY_CHART_MESSAGE, isEmptyChart } from './empty-chart.ts';
import { DEFAULT_SMALL_NUMBERS } from '../lib/small-numbers.ts';

const SMALL_BASE = DEFAULT_SMALL_NUMBERS.minShareBase;

/** Rows whose share columns rest on fewer than SMALL_BASE reviews (marked † on screen). */
function smallBaseShareRows<Row>(table: ChartTableData<Row>): number {
  const shares = table.columns.flatMap((c) => (c.suppression?.kind === 'share' ? [c.suppression.base] : []));
  if (!shares.length) return 0;
  return table.rows.filter((r) => shares.some((b) => {
    const v = (r as Record<string, unknown>)[b];
    return typeof v === 'number' && v < SMALL_BASE;
  })).length;
}

export interface ChartCardProps<Row> {
  /** Stable id, used in file names and tests, e.g. "reviews-per-year". */
  id: string;
  /** The active title: states the finding. */
  title: string;
  /** Source and filters in force. */
  footnote: string;
  option: ChartOption;
  /**
   * The option exported images draw, when it differs from the screen's (counts beside shares). Built when an
   * image is exported, not on every redraw.
   */
  printOption?: () => ChartOption;
  /** Exactly the plotted numbers: the table view and the CSV export. */
  table: ChartTableData<Row>;
  height?: number;
  onElementClick?: (event: ECElementEvent) => void;
  /**
   * A heatmap drawn on the page (HeatmapGrid) instead of the option on a canvas; `option` is still what
   * exported images draw.
   */
  heatmap?: HeatmapGridProps;
  /** Extra controls in the card header (e.g. count/share toggle, export menu). */
  actions?: ReactNode;
  /** Notes shown under the chart and carried into exports (reference figures, bases). */
  notes?: string[];
}

/** A chart with its title, footnote, a "Show as table" toggle rendering the same numbers, and the menu the app slots in (exports). */
export function ChartCard<Row>({ id, title, footnote, option, printOption, table, height, onElementClick, heatmap, actions, notes }: ChartCardProps<Row>) {
  const [asTable, setAsTable] = useState(false);
  const menu = useContext(ChartMenuSlot);
  const headingId = useId();
  const spec = useMemo(() => ({ id, title, footnote, option, printOption, table, height, notes }), [id, title, footnote, option, printOption, table, height, notes]);
  const smallBases = smallBaseShareRows(table);
  useRegisterChart(spec);
  // No data: a message in place of blank axes, and nothing to export.
  const empty = isEmptyChart(table as ChartTableData<any>); // eslint-disable-line @typescript-eslint/no-explicit-any
  if (empty) {
    return (
      <section className="chart-card chart-card--empty" aria-labelledby={headingId} data-chart-id={id}>
        <header className="chart-card__header">
          <h3 id={headingId} className="chart-card__title">{title}</h3>
        </header>
        <StatusMessage kind="empty">{EMPTY_CHART_MESSAGE}</StatusMessage>
      </section>
    );
  }
  return (
    <section className="chart-card" aria-labelledby={headingId} data-chart-id={id}>
      <header className="chart-card__header">
        <h3 id={headingId} className="chart-card__title">{title}</h3>
        <div className="chart-card__actions">
          {actions}
          <button type="button" className="button-secondary" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
            {asTable ? 'Show as chart' : 'Show as table'}
          </button>
          {menu?.(spec)}
        </div>
      </header>
      {asTable ? (
        <ChartTable caption={title} data={table} />
      ) : heatmap ? (
        <HeatmapGrid {...heatmap} points={countPlotted(option)} />
      ) : (
        <EChart option={option} label={title} height={height} onElementClick={onElementClick} />
      )}
      {notes && notes.length > 0 && (
        <ul className="chart-card__notes" data-testid={`${id}-notes`}>
          {notes.map((n) => <li key={n}>{n}</li>)}
        </ul>
      )}
      {smallBases > 0 && (
        <p className="chart-card__footnote chart-card__small-base">
          † {smallBases === table.rows.length ? 'Every share here rests' : `${smallBases} of these shares rest`} on fewer than {SMALL_BASE} reviews: read them as indications, not findings.
        </p>
      )}
      <p className="chart-card__footnote">{footnote}</p>
    </section>
  );
}
