/** Items shown before "…and N more": a list of 50,000 problems would take seconds to draw and nobody reads it all. */
const SHOWN = 200;

/** A list of problems or notes, each as plain text, in a scrollable box when long. */
export function ProblemList({ title, items, tone = 'problem', testId }: { title: string; items: readonly string[]; tone?: 'problem' | 'note'; testId?: string }) {
  if (!items.length) return null;
  return (
    <div className={`import-problems import-problems--${tone}`} data-testid={testId}>
      <h3>{title} ({items.length})</h3>
      <ul>
        {items.slice(0, SHOWN).map((p, i) => <li key={i}>{p}</li>)}
      </ul>
      {items.length > SHOWN && <p className="hint">…and {items.length - SHOWN} more, not listed.</p>}
    </div>
  );
}
