import type { ThemeAgreement } from '../../agreement/out-of-fold.ts';
import type { ModelScore } from './retrain.ts';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const f2 = (x: number | null) => (x === null ? '—' : x.toFixed(2));
const f1 = (r: ThemeAgreement) => (r.tp + r.fp + r.fn === 0 ? null : (2 * r.tp) / (2 * r.tp + r.fp + r.fn));

/** The tagger in use and the retrained one side by side, each on entries it had not seen (out-of-fold). */
export function ModelComparison({ before, after }: { before: ModelScore; after: ModelScore }) {
  const rows: Array<[string, string, (s: ModelScore) => string]> = [
    ['micro', 'F1 over all judgments (micro)', (s) => f2(s.overall.microF1)],
    ['macro', 'F1 averaged over themes (macro)', (s) => f2(s.overall.macroF1)],
    ['precision', 'Tags right (precision)', (s) => pct(s.overall.precision)],
    ['recall', 'Themes found (recall)', (s) => pct(s.overall.recall)],
    ['n', 'Judgments', (s) => s.overall.n.toLocaleString('en-GB')],
  ];
  const cell = (s: ModelScore, f: (s: ModelScore) => string) => (s.available ? f(s) : 'not recorded');
  return (
    <>
      <table className="workspace-table retrain__table">
        <caption>
          Both taggers scored on the expert labels and your corrections, each entry by a version that had not learned from it.
          {!before.available && ' The tagger in use was trained before such figures were kept, so it has none.'}
        </caption>
        <thead>
          <tr><th scope="col">Measure</th><th scope="col" className="numeric">Tagger in use</th><th scope="col" className="numeric">Retrained</th></tr>
        </thead>
        <tbody>
          {rows.map(([key, label, f]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td className="numeric" data-testid={`compare-before-${key}`}>{cell(before, f)}</td>
              <td className="numeric" data-testid={`compare-after-${key}`}>{cell(after, f)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>Theme by theme</summary>
        <table className="workspace-table retrain__table">
          <thead>
            <tr><th scope="col">Theme</th><th scope="col" className="numeric">F1 in use</th><th scope="col" className="numeric">F1 retrained</th><th scope="col" className="numeric">Positives</th></tr>
          </thead>
          <tbody>
            {after.perTheme.map((a, i) => {
              const b = before.perTheme[i]!;
              return (
                <tr key={a.theme_id}>
                  <th scope="row">{a.theme_id}</th>
                  <td className="numeric">{before.available ? f2(f1(b)) : '—'}</td>
                  <td className="numeric">{f2(f1(a))}</td>
                  <td className="numeric">{a.tp + a.fn}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </>
  );
}
