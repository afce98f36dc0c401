import { useEffect, useRef, type CSSProperties } from 'react';
import type { ECharts } from 'echarts/core';
import type { ChartOption, ECElementEvent } from './echarts.ts';
import { drawWhenSeen, type DrawScheduler } from './draw-when-seen.ts';
import { countPlotted } from './options/count-plotted.ts';
import { fitToWidth, minChartWidth, NARROW_CHART, narrowHeightFactor } from './options/fit-labels.ts';

export interface EChartProps {
  option: ChartOption;
  /** Accessible name of the chart image (the chart's title). */
  label: string;
  height?: number;
  onElementClick?: (event: ECElementEvent) => void;
}

/** Whether a box of this size differs from the one the chart was last laid out for. */
const resized = (instance: ECharts, width: number, height: number) => width !== instance.getWidth() || height !== instance.getHeight();

/**
 * Resizes to the box's size, read by the caller: ECharts would otherwise hide the box to read it, forcing a
 * layout. zrender keeps a size it was given for later resizes, so every resize here passes one.
 */
const resizeTo = (instance: ECharts, width: number, height: number) => instance.resize({ width, height });

/**
 * Resizes without zrender's immediate repaint: CanvasPainter.resize paints the old chart at the new size at
 * once, which the new option then paints over in the same task (16 ms a change on the partnership heatmap at
 * x10). Only for draws that flush right after, so the canvas is never shown blank.
 */
function resizeUnpainted(instance: ECharts, width: number, height: number) {
  const painter = instance.getZr().painter as { refresh: () => unknown };
  const refresh = painter.refresh;
  painter.refresh = () => painter;
  try {
    resizeTo(instance, width, height);
  } finally {
    painter.refresh = refresh;
  }
}

/**
 * Draws `option` at the box's current size, once: when the box changed size with the new data (a heatmap
 * with more rows is taller), the option is laid out at the new size rather than drawn at the old one and
 * again when the resize observer fires. Marks the node once drawn, so tests and benchmarks can wait for
 * real pixels.
 */
function draw(instance: ECharts, node: HTMLElement, option: ChartOption) {
  const start = performance.now();
  // The box's size, read once: a read after ECharts has resized its canvas would force another layout.
  const width = node.clientWidth;
  const height = node.clientHeight;
  if (resized(instance, width, height)) {
    // A lazy setOption followed by resize() is ECharts' one-pass update at a new size; resize() paints
    // on the next frame, so flush to have the pixels now, as setOption does.
    instance.setOption(fitToWidth(option, width), { notMerge: true, lazyUpdate: true });
    resizeUnpainted(instance, width, height);
    instance.getZr().flush();
  } else {
    instance.setOption(fitToWidth(option, width), { notMerge: true });
  }
  node.dataset.narrow = String(width < NARROW_CHART);
  // Timed for the benchmark and the browser's profiler, as queries are (sql:<label>).
  performance.measure(`chart:${node.getAttribute('aria-label') ?? ''}`.slice(0, 60), { start, end: performance.now() });
  node.setAttribute('data-points', String(countPlotted(option)));
  node.setAttribute('data-chart-ready', String(performance.now()));
}

/**
 * Owns one ECharts instance: init once, setOption on change (at once on screen, off screen when idle or
 * scrolled into view: draw-when-seen.ts), resize with its box, dispose on unmount. ECharts loads on first use,
 * outside the initial JS.
 */
export function EChart({ option, label, height = 320, onElementClick }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const scheduler = useRef<DrawScheduler | null>(null);
  const latestOption = useRef(option);
  latestOption.current = option;
  const clickHandler = useRef(onElementClick);
  clickHandler.current = onElementClick;

  useEffect(() => {
    const node = el.current!;
    let disposed = false;
    let cleanup = () => {};
    void import('./echarts.ts').then(({ echarts }) => {
      if (disposed) return;
      const instance = echarts.init(node, undefined, { renderer: 'canvas' });
      chart.current = instance;
      const drawLatest = () => draw(instance, node, latestOption.current);
      const when = drawWhenSeen(node);
      scheduler.current = when;
      instance.on('click', (e) => clickHandler.current?.(e as ECElementEvent));
      // Crossing the narrow width redraws with labels fitted to it; otherwise a resize is enough, and
      // none when a draw already laid the chart out at this size.
      const observer = new ResizeObserver(() => {
        if (when.pending()) return; // the waiting draw lays the chart out at the box's size then
        if (node.dataset.narrow !== String(node.clientWidth < NARROW_CHART)) drawLatest();
        else if (resized(instance, node.clientWidth, node.clientHeight)) resizeTo(instance, node.clientWidth, node.clientHeight);
      });
      observer.observe(node);
      cleanup = () => {
        observer.disconnect();
        when.dispose();
        instance.dispose();
      };
      when.request(drawLatest);
    });
    return () => {
      disposed = true;
      cleanup();
      chart.current = null;
      scheduler.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    const node = el.current;
    if (instance && node) scheduler.current?.request(() => draw(instance, node, latestOption.current));
  }, [option]);
  const minWidth = minChartWidth(option);

  // On a phone, wrapped category labels need taller rows: the stylesheet uses the narrow height there.
  const heights = { '--chart-height': `${height}px`, '--chart-height-narrow': `${Math.round(height * narrowHeightFactor(option))}px` } as CSSProperties;
  const box = <div ref={el} className="echart" role="img" aria-label={label} style={{ ...heights, minWidth }} data-chart-ready="" />;
  // A chart too dense for a phone (a heatmap) keeps its legible width and scrolls sideways in its own box.
  return minWidth ? <div className="echart-scroll" tabIndex={0} role="region" aria-label={`${label} (scrolls sideways)`}>{box}</div> : box;
}
