/** A row of headline numbers. Each number has a test id so tests can compare it with SQL. */
export interface Kpi {
  id: string;
  label: string;
  value: string;
  note?: string;
}

export function KpiRow({ items }: { items: Kpi[] }) {
  return (
    <dl className="kpi-row">
      {items.map((k) => (
        <div key={k.id} className="kpi">
          <dt>{k.label}</dt>
          <dd data-testid={`kpi-${k.id}`}>{k.value}</dd>
          {k.note && <dd className="kpi__note">{k.note}</dd>}
        </div>
      ))}
    </dl>
  );
}
