import { useContext, useEffect, useId, useRef, useState } from 'react';
import { DatabaseContext } from '../../state/database-context.ts';
import type { ChartSpec } from '../../charts/chart-registry.tsx';
import { chartTableCsv } from './csv.ts';
import { readSmallNumberPolicy } from './small-number-setting.ts';
import { downloadBlob, textBlob } from '../../lib/download.ts';
import { ExportStatus } from './ExportStatus.tsx';
import { imageOption, imageTextFor } from './export-option.ts';
import { exportDate, useExportContext } from './use-export-context.ts';
import { useExportJob } from './use-export-job.ts';

type Format = 'PNG' | 'SVG' | 'CSV';
const FORMATS: { format: Format; hint: string }[] = [
  { format: 'PNG', hint: 'image for print, 2400 px wide' },
  { format: 'SVG', hint: 'vector image, editable' },
  { format: 'CSV', hint: 'the numbers plotted' },
];

/**
 * A chart's export menu: PNG, SVG and CSV downloads. Shown once the database
 * has loaded (the first screen, drawn before it, has no filters to state).
 */
export function ExportMenu({ chart }: { chart: ChartSpec }) {
  return useContext(DatabaseContext) ? <ChartExportMenu chart={chart} /> : null;
}

function ChartExportMenu({ chart }: { chart: ChartSpec }) {
  const [open, setOpen] = useState(false);
  const ctx = useExportContext();
  const job = useExportJob();
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => root.current?.contains(e.target as Node) || setOpen(false);
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  // A card's "Saved …" note fades after a while; the page-level exports keep theirs.
  useEffect(() => {
    if (job.state.kind !== 'done') return;
    const timer = setTimeout(job.clearDone, 8000);
    return () => clearTimeout(timer);
  }, [job.state, job.clearDone]);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };

  const save = (format: Format) => {
    close();
    const file = `${ctx.baseName(chart.id)}.${format.toLowerCase()}`;
    void job.run(format, async () => {
      if (format === 'CSV') {
        const policy = readSmallNumberPolicy();
        downloadBlob(textBlob(chartTableCsv(chart.table, policy), 'text/csv'), file);
        return `Saved ${file}${policy.enabled ? ` (counts below ${policy.threshold} shown as “fewer than ${policy.threshold}”)` : ' (small-number protection off)'}.`;
      }
      const [images, { describeChartData }] = await Promise.all([import('./chart-image.ts'), import('./describe-chart.ts')]);
      const request = {
        option: imageOption(chart, readSmallNumberPolicy()),
        text: imageTextFor(chart, ctx.filtersText, exportDate()),
        screenHeight: chart.height,
        description: describeChartData(chart),
      };
      const blob = format === 'PNG' ? await images.renderChartPng(request) : textBlob(await images.renderChartSvg(request), 'image/svg+xml');
      downloadBlob(blob, file);
      return `Saved ${file}.`;
    });
  };

  return (
    <div
      className="export-menu"
      ref={root}
      onKeyDown={(e) => e.key === 'Escape' && open && (e.stopPropagation(), close())}
      // Tabbing out of the menu closes it, as clicking elsewhere does.
      onBlur={(e) => open && !root.current?.contains(e.relatedTarget as Node | null) && setOpen(false)}
    >
      <button
        ref={toggle}
        type="button"
        className="button-secondary"
        aria-expanded={open}
        aria-controls={panelId}
        disabled={job.busy}
        onClick={() => setOpen((v) => !v)}
      >
        {job.busy ? 'Exporting…' : 'Export'}
      </button>
      <div id={panelId} className="export-menu__panel" hidden={!open}>
        <ul role="list">
          {FORMATS.map(({ format, hint }) => (
            <li key={format}>
              <button type="button" className="export-menu__item" aria-describedby={`${panelId}-${format}`} onClick={() => save(format)}>
                Download {format}
              </button>
              <span id={`${panelId}-${format}`} className="export-menu__hint">{hint}</span>
            </li>
          ))}
        </ul>
      </div>
      {/* Stays mounted (so screen readers hear changes) but out of sight under the open menu. */}
      <ExportStatus job={job} className="export-menu-status" hidden={open} />
    </div>
  );
}
