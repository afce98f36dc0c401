import type { TrendMeasure } from '../../charts/options/theme-trend.ts';

/** Count or share, as a radio group (keyboard: arrow keys move between the two). */
export function MeasureToggle({ value, onChange }: { value: TrendMeasure; onChange(m: TrendMeasure): void }) {
  return (
    <fieldset className="trends-measure">
      <legend>Show</legend>
      {(['share', 'count'] as const).map((m) => (
        <label key={m}>
          <input type="radio" name="trend-measure" value={m} checked={value === m} onChange={() => onChange(m)} />
          {m === 'share' ? 'Share of reviews' : 'Number of reviews'}
        </label>
      ))}
    </fieldset>
  );
}
