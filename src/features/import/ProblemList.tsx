/** A list of problems or notes, each as plain text, in a scrollable box when long. */
export function ProblemList({ title, items, tone = 'problem', testId }: { title: string; items: readonly string[]; tone?: 'problem' | 'note'; testId?: string }) {
  if (!items.length) return null;
  return (
    <div className={`import-problems import-problems--${tone}`} data-testid={testId}>
      <h3>{title} ({items.length})</h3>
      <ul>
        {items.map((p, i) => <li key={i}>{p}</li>)}
      </ul>
    </div>
  );
}
