import { isLabelLayer } from './common.ts';

/** How many values a chart actually draws: non-empty, non-zero data items across its series. */
export function countPlotted(option: unknown): number {
  const series = (option as { series?: unknown }).series;
  const list = Array.isArray(series) ? series : series ? [series] : [];
  let n = 0;
  for (const s of list) {
    if (isLabelLayer(s)) continue;
    const data = (s as { data?: unknown[] }).data ?? [];
    for (const item of data) {
      const value = item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as { value?: unknown }).value : item;
      const v = Array.isArray(value) ? value.at(-1) : value;
      if (v !== null && v !== undefined && v !== 0 && v !== '-') n++;
    }
  }
  return n;
}
