import { useCallback, useId, useRef, useState } from 'react';
import { useDismiss } from './use-dismiss.ts';

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

export interface MultiSelectProps {
  label: string;
  options: Option[];
  selected: string[];
  onChange(next: string[]): void;
  /** Show a box to narrow long lists. */
  searchable?: boolean;
}

/** Lists longer than this get a box to narrow them and are built only while open. */
const LONG_LIST = 12;

/**
 * A disclosure with a checkbox per option: keyboard- and screen-reader-friendly
 * without custom widgets. Escape, a click outside or tabbing away closes it.
 */
export function MultiSelect({ label, options, selected, onChange, searchable = options.length > LONG_LIST }: MultiSelectProps) {
  const [needle, setNeedle] = useState('');
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDetailsElement>(null);
  const summary = useRef<HTMLElement>(null);
  const close = useCallback((refocus: boolean) => {
    if (root.current) root.current.open = false;
    setOpen(false);
    if (refocus) summary.current?.focus();
  }, []);
  const dismiss = useDismiss(root, open, close, () => !!root.current?.open);
  // A long list is built only while open: closed, it would be redrawn on every filter change for nothing (158
  // partnerships at national scale). Short lists stay built, so Tab after opening always finds their first box.
  const built = open || options.length <= LONG_LIST;
  const shown = needle ? options.filter((o) => o.label.toLowerCase().includes(needle.toLowerCase())) : options;
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <details className="multi-select" ref={root} onToggle={(e) => setOpen(e.currentTarget.open)} {...dismiss}>
      <summary ref={summary}>
        {label}
        {selected.length > 0 && <span className="badge" aria-label={`${selected.length} selected`}>{selected.length}</span>}
      </summary>
      <div className="multi-select__panel">
        {searchable && (
          <input
            type="search"
            aria-label={`Find ${label.toLowerCase()}`}
            placeholder={`Find ${label.toLowerCase()}…`}
            value={needle}
            onChange={(e) => setNeedle(e.target.value)}
          />
        )}
        <fieldset>
          <legend className="visually-hidden">{label}</legend>
          <ul>
            {built && shown.map((o, i) => (
              <li key={o.value}>
                <input
                  type="checkbox"
                  id={`${id}-${i}`}
                  checked={selected.includes(o.value)}
                  onChange={(e) => toggle(o.value, e.target.checked)}
                />
                <label htmlFor={`${id}-${i}`}>
                  {o.label}
                  {o.hint && <span className="hint"> {o.hint}</span>}
                </label>
              </li>
            ))}
          </ul>
          {built && shown.length === 0 && <p className="hint">Nothing matches “{needle}”.</p>}
        </fieldset>
      </div>
    </details>
  );
}
