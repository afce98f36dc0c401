import { useId, useState } from 'react';
import { writeSmallNumberPolicy, useSmallNumberPolicy } from '../export/small-number-setting.ts';

/** Small-number protection for exports: the threshold, and the explicit choice to switch it off. */
export function SmallNumbersPanel() {
  const policy = useSmallNumberPolicy();
  const [draft, setDraft] = useState(String(policy.threshold));
  const inputId = useId();
  const value = Number(draft);
  const valid = Number.isInteger(value) && value >= 2 && value <= 100;
  return (
    <section className="workspace-card" aria-labelledby={`${inputId}-h`}>
      <h2 id={`${inputId}-h`}>Small numbers in exports</h2>
      <p>
        Exported CSVs and chart packs show any count from 1 to {policy.threshold - 1} as “fewer than {policy.threshold}”, hide a
        share that would reveal such a count, and mark shares that rest on fewer than {policy.minShareBase} reviews. Charts.md says
        when protection was applied.
      </p>
      <p>Status: <strong data-testid="small-numbers-status">{policy.enabled ? `on, threshold ${policy.threshold}` : 'off'}</strong></p>
      <label htmlFor={inputId}>Hide counts below </label>
      <input id={inputId} type="number" min={2} max={100} value={draft} onChange={(e) => setDraft(e.target.value)} aria-invalid={!valid} style={{ marginRight: "0.5rem" }} />
      <button type="button" disabled={!valid} onClick={() => writeSmallNumberPolicy({ ...policy, threshold: value, enabled: true })}>
        Apply threshold
      </button>
      {!valid && <p className="hint" role="alert">Enter a whole number from 2 to 100.</p>}
      <p>
        {policy.enabled ? (
          <button type="button" className="button-secondary" onClick={() => {
            if (window.confirm('Switch off small-number protection? Exports will then show every count, however small.')) writeSmallNumberPolicy({ ...policy, enabled: false });
          }}>Switch protection off…</button>
        ) : (
          <button type="button" onClick={() => writeSmallNumberPolicy({ ...policy, enabled: true })}>Switch protection back on</button>
        )}
      </p>
    </section>
  );
}
