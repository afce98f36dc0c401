/**
 * Print-quality images of a chart, drawn by an off-screen ECharts instance
 * from the chart's option: PNG through the canvas renderer at twice the
 * pixels (2400 px wide), SVG through the SVG renderer with text kept as text.
 * Loaded only when the user exports, so the SVG renderer stays out of the
 * initial JavaScript.
 */
import { GraphicComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { echarts } from '../../charts/echarts.ts';
import { EXPORT_WIDTH, exportOption, imageHeight, plotHeight, type ImageText } from './export-option.ts';

// LabelLayout: print options hide a count that would overprint another (labelLayout.hideOverlap).
echarts.use([SVGRenderer, GraphicComponent, LabelLayout]);

/** Device pixels per CSS pixel in the PNG: 1200 × 2 = 2400 px wide, ~200 dpi across a page. */
export const PNG_PIXEL_RATIO = 2;

export interface ImageRequest {
  option: Record<string, unknown>;
  text: ImageText;
  /** The chart's on-screen height, to keep its proportions. */
  screenHeight?: number;
  /** Alt text written into the SVG's <desc>. */
  description?: string;
}

function framed(req: ImageRequest) {
  const height = imageHeight(req.text, plotHeight(req.screenHeight));
  return { height, option: exportOption(req.option, req.text, height) };
}

/** The chart as a PNG on white, 2400 px wide. */
export async function renderChartPng(req: ImageRequest): Promise<Blob> {
  const { height, option } = framed(req);
  const host = document.createElement('div');
  const chart = echarts.init(host, undefined, { renderer: 'canvas', width: EXPORT_WIDTH, height, devicePixelRatio: PNG_PIXEL_RATIO });
  try {
    chart.setOption(option, { notMerge: true, lazyUpdate: false });
    const canvas = chart.renderToCanvas({ backgroundColor: '#ffffff', pixelRatio: PNG_PIXEL_RATIO });
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG.'))), 'image/png'),
    );
  } finally {
    chart.dispose();
  }
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The chart as a standalone, scalable SVG document with a <title> and <desc> for screen readers. */
export async function renderChartSvg(req: ImageRequest): Promise<string> {
  const { height, option } = framed(req);
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: EXPORT_WIDTH, height });
  try {
    chart.setOption(option, { notMerge: true, lazyUpdate: false });
    const svg = chart.renderToSVGString({ useViewBox: true });
    const a11y = `<title>${escapeXml(req.text.title)}</title>` + (req.description ? `<desc>${escapeXml(req.description)}</desc>` : '');
    return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.replace(/<svg\b([^>]*)>/, `<svg$1 role="img">${a11y}`)}`;
  } finally {
    chart.dispose();
  }
}
