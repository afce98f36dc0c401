import { describe, expect, it } from 'vitest';
import { countPlotted } from './count-plotted.ts';

describe('countPlotted', () => {
  it('counts non-zero values across series, in every data shape ECharts accepts', () => {
    const option = { series: [{ data: [1, 0, 2, null] }, { data: [{ value: 3 }, { value: 0 }, [0, 1, 5], [0, 1, 0], '-'] }] };
    expect(countPlotted(option)).toBe(4);
    expect(countPlotted({})).toBe(0);
  });
});
