import { useViewCharts } from '../../charts/chart-registry.tsx';
import { downloadBlob } from '../../lib/download.ts';
import { slugify } from './file-names.ts';
import { readSmallNumberPolicy } from './small-number-setting.ts';
import { exportDate, type ExportContext } from './use-export-context.ts';
import { imageOption } from './export-option.ts';
import type { ExportJob } from './use-export-job.ts';

/** Every chart on the view as PNG, SVG and CSV in one zip, with charts.md describing each. */
export function ChartPackButton({ viewLabel, ctx, job }: { viewLabel: string; ctx: ExportContext; job: ExportJob }) {
  const charts = useViewCharts();
  if (!charts.length) return null;

  const save = () => {
    const file = `chart-pack_${slugify(viewLabel)}_${ctx.filtersSlug}.zip`;
    const snapshot = [...charts];
    const smallNumbers = readSmallNumberPolicy();
    void job.run('chart pack', async ({ signal, progress }) => {
      const [{ buildChartPack }, images] = await Promise.all([import('./chart-pack.ts'), import('./chart-image.ts')]);
      const request = (chart: (typeof snapshot)[number], text: Parameters<typeof images.renderChartPng>[0]['text'], description: string) =>
        ({ option: imageOption(chart, smallNumbers), text, description, screenHeight: chart.height });
      const { zip, withoutImages, leftOut } = await buildChartPack(
        snapshot,
        { viewLabel, filtersText: ctx.filtersText, exportedOn: exportDate(), baseName: ctx.baseName, smallNumbers },
        {
          png: async (chart, text, description) =>
            new Uint8Array(await (await images.renderChartPng(request(chart, text, description))).arrayBuffer()),
          svg: (chart, text, description) => images.renderChartSvg(request(chart, text, description)),
        },
        { signal, onProgress: (p) => progress(p.message, p.done / p.total) },
      );
      downloadBlob(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), file);
      const missing = withoutImages.length ? ` Images could not be drawn for ${withoutImages.length} of them (their numbers are included; see charts.md).` : '';
      const drawn = snapshot.length - leftOut.length;
      const empty = leftOut.length ? ` ${leftOut.length} empty chart${leftOut.length === 1 ? '' : 's'} left out (see charts.md).` : '';
      return `Saved ${file} (${drawn} chart${drawn === 1 ? '' : 's'}).${empty}${missing}`;
    });
  };

  return (
    <button type="button" disabled={job.busy} onClick={save}>
      Download chart pack
    </button>
  );
}
