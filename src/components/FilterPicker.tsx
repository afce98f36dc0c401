import { useId, useState } from 'react';

export interface PickerOption {
  value: string;
  label: string;
}

/**
 * The keyboard route to a chart's click: choose a value and apply the same
 * filter a click on the chart would. Canvas charts cannot take focus per element.
 */
export function FilterPicker({ label, options, onApply, button = 'Filter' }: {
  label: string;
  options: PickerOption[];
  onApply(value: string): void;
  button?: string;
}) {
  const id = useId();
  const [value, setValue] = useState('');
  return (
    <div className="filter-picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => setValue(e.target.value)}>
        <option value="">Choose…</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <button type="button" className="button-secondary" disabled={!value} onClick={() => value && onApply(value)}>{button}</button>
    </div>
  );
}
