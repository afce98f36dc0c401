import { useId, useState } from 'react';

/** The keyboard route to a matrix cell: choose two themes and filter to reviews carrying both. */
export function PairPicker({ options, onPair }: { options: { value: string; label: string }[]; onPair(a: string, b: string): void }) {
  const id = useId();
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const select = (key: string, label: string, value: string, set: (v: string) => void) => (
    <>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={value} onChange={(e) => set(e.target.value)}>
        <option value="">Choose…</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </>
  );
  return (
    <div className="filter-picker">
      {select('a', 'Theme', a, setA)}
      {select('b', 'with', b, setB)}
      <button type="button" className="button-secondary" disabled={!a || !b} onClick={() => onPair(a, b)}>Filter to both</button>
    </div>
  );
}
