import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useDatabase } from '../../state/database-context.ts';
import { exportCountsQuery, type ExportTable } from '../../queries/data-export.ts';
import { downloadBlob } from '../../lib/download.ts';
import { runDataExport, type DataFormat } from './data-export-run.ts';
import type { ExportContext } from './use-export-context.ts';
import type { ExportJob } from './use-export-job.ts';
import { plural } from '../../lib/plural.ts';

const TABLES: { table: ExportTable; name: string; file: string; about: string }[] = [
  { table: 'records', name: 'reviews and briefings', file: 'reviews-and-briefings', about: 'one row per review or briefing, its themes and scores listed' },
  { table: 'theme-tags', name: 'theme tags', file: 'theme-tags', about: 'one row per review or briefing and theme, with score and source, for pivot tables' },
];
const FORMATS: { format: DataFormat; label: string }[] = [{ format: 'csv', label: 'CSV' }, { format: 'parquet', label: 'Parquet' }];

/** The reviews and briefings matching the filters, with their themes, as CSV or Parquet. */
export function DataExportPanel({ ctx, job }: { ctx: ExportContext; job: ExportJob }) {
  const { db, dataVersion } = useDatabase();
  // Counted only while the panel is open: the count would otherwise run on every filter change.
  const [open, setOpen] = useState(false);
  const counts = useQuery({ ...exportCountsQuery(db, ctx.filters, dataVersion), enabled: open });
  const id = useId();
  const c = counts.data;
  const empty = !!c && c.reviews + c.briefings === 0;

  const save = (table: (typeof TABLES)[number], format: DataFormat, label: string) => {
    const file = `${table.file}_${ctx.filtersSlug}.${format}`;
    void job.run(`${table.name} (${label})`, async ({ signal, progress }) => {
      const { blob } = await runDataExport(db, table.table, format, ctx.filters, { signal, progress });
      if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
      downloadBlob(blob, file);
      return `Saved ${file}.`;
    });
  };

  return (
    <details className="export-data" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Export data</summary>
      <div className="export-data__panel">
        <p>
          {counts.error ? `Could not count the matching rows: ${counts.error.message}.`
            : c ? `${plural(c.reviews, 'review')} and ${plural(c.briefings, 'briefing')} match the filters (${ctx.filtersText}), with ${plural(c.theme_tags, 'theme tag')}.`
            : 'Counting the matching rows…'}
        </p>
        {TABLES.map((t) => (
          <div key={t.table} role="group" aria-labelledby={`${id}-${t.table}`} className="export-data__row">
            <span id={`${id}-${t.table}`} className="export-data__label">
              <strong>{t.name.charAt(0).toUpperCase() + t.name.slice(1)}</strong>: {t.about}
            </span>
            {FORMATS.map(({ format, label }) => (
              <button
                key={format}
                type="button"
                className="button-secondary"
                aria-label={`Download ${t.name} as ${label}`}
                disabled={job.busy || empty}
                onClick={() => save(t, format, label)}
              >
                {label}
              </button>
            ))}
          </div>
        ))}
        <p className="hint">
          Themes are those in force after manual corrections; scores run from 0 to 1 (manual tags score 1). Parquet keeps
          column types for analysis tools; CSV opens in Excel.
        </p>
      </div>
    </details>
  );
}
