import { useQuery } from '@tanstack/react-query';
import { useDatabase } from '../../state/database-context.ts';
import { useUrlParam } from '../../state/url-state.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { agreement, reading, verdict, type Verdict } from '../../agreement/metrics.ts';
import { agreementCountsQuery, agreementCoverageQuery, type AgreementBasis } from '../../queries/agreement.ts';
import { CorrectionsPanel } from '../corrections/CorrectionsPanel.tsx';
import { RetrainPanel } from '../corrections/RetrainPanel.tsx';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const VERDICT: Record<Verdict, string> = { reliable: 'Usually right', fair: 'Check', careful: 'Take care', 'too-few': 'Too few' };

/** Tagger agreement: per theme, how often the tagger agrees with people, and where to correct it. */
export default function AgreementPage() {
  const { db, dataVersion } = useDatabase();
  const [basisParam, setBasis] = useUrlParam('basis');
  const basis: AgreementBasis = basisParam === 'corrections' ? 'corrections' : 'all';
  const coverage = useQuery(agreementCoverageQuery(db, dataVersion));
  const counts = useQuery(agreementCountsQuery(db, basis, dataVersion));
  const rows = (counts.data ?? []).map((r) => ({ ...r, a: agreement(r) })).map((r) => ({ ...r, verdict: verdict(r.a) }));
  const judged = rows.filter((r) => r.a.n > 0);
  const c = coverage.data;
  return (
    <div className="agreement-page">
      <section className="workspace-card" aria-labelledby="agreement-title">
        <h2 id="agreement-title">How far to trust the tagger, theme by theme</h2>
        {c && (
          <p data-testid="agreement-coverage">
            The tagger has tagged {c.tagged_entries} entries. People have judged them through {c.expert_entries} expert-labelled
            entries (every theme judged) and {c.corrections} {c.corrections === 1 ? 'correction' : 'corrections'} of yours
            on {c.corrected_entries} {c.corrected_entries === 1 ? 'entry' : 'entries'}.
          </p>
        )}
        <fieldset className="agreement-basis">
          <legend>Compare the tagger with</legend>
          <label><input type="radio" name="basis" checked={basis === 'all'} onChange={() => setBasis(null, { replace: true })} /> Expert labels and your corrections</label>
          <label><input type="radio" name="basis" checked={basis === 'corrections'} onChange={() => setBasis('corrections', { replace: true })} /> Your corrections only</label>
        </fieldset>
        {counts.error && <StatusMessage kind="error">Could not compute agreement: {counts.error.message}</StatusMessage>}
        {counts.data && judged.length === 0 && (
          <StatusMessage kind="empty">
            {basis === 'corrections' ? 'You have not corrected any tagged entry yet: correct some below.' : 'Nothing to compare yet: the tagger has not tagged any judged entry.'}
          </StatusMessage>
        )}
        {judged.length > 0 && (
          <table className="workspace-table agreement-table">
            <caption>Agreement of the tagger with people, per theme. κ (Cohen’s kappa) is agreement beyond chance: 1 perfect, 0 chance.</caption>
            <thead>
              <tr>
                <th scope="col">Theme</th><th scope="col">Verdict</th><th scope="col" className="numeric">Precision</th>
                <th scope="col" className="numeric">Recall</th><th scope="col" className="numeric">κ</th>
                <th scope="col" className="numeric">Judgments</th><th scope="col" className="numeric">Yours</th><th scope="col">Reading</th>
              </tr>
            </thead>
            <tbody>
              {judged.map((r) => (
                <tr key={r.theme_id} data-theme={r.theme_id}>
                  <th scope="row">{r.label}</th>
                  <td className={`agreement-verdict agreement-verdict--${r.verdict}`}>{VERDICT[r.verdict]}</td>
                  <td className="numeric">{pct(r.a.precision)}</td>
                  <td className="numeric">{pct(r.a.recall)}</td>
                  <td className="numeric">{r.a.kappa === null ? '—' : r.a.kappa.toFixed(2)}</td>
                  <td className="numeric" data-testid={`agreement-n-${r.theme_id}`}>{r.a.n}</td>
                  <td className="numeric">{r.corrections}</td>
                  <td>{reading(r.label, r.a)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="hint">
          Precision: of the tagger’s tags, the share people agree with. Recall: of the themes people see, the share the tagger
          finds. The bundled tagger learned from the expert labels, so its agreement with them is optimistic; your corrections
          on entries it has not seen are the fairer test, though they tend to be where it was wrong, so they understate it.
        </p>
      </section>
      <CorrectionsPanel />
      <RetrainPanel />
    </div>
  );
}
