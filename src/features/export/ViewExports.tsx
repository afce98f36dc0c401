import { useContext } from 'react';
import { DatabaseContext } from '../../state/database-context.ts';
import { ChartPackButton } from './ChartPackButton.tsx';
import { DataExportPanel } from './DataExportPanel.tsx';
import { ExportStatus } from './ExportStatus.tsx';
import { useExportContext } from './use-export-context.ts';
import { useExportJob } from './use-export-job.ts';

/** The view's exports, under its heading: the chart pack and the data behind the filters. */
export function ViewExports({ viewLabel }: { viewLabel: string }) {
  return useContext(DatabaseContext) ? <LoadedViewExports viewLabel={viewLabel} /> : null;
}

function LoadedViewExports({ viewLabel }: { viewLabel: string }) {
  const ctx = useExportContext();
  const job = useExportJob();
  return (
    <div className="export-view" role="region" aria-label="Exports">
      <div className="export-view__buttons">
        <ChartPackButton viewLabel={viewLabel} ctx={ctx} job={job} />
        <DataExportPanel ctx={ctx} job={job} />
      </div>
      <ExportStatus job={job} />
    </div>
  );
}
