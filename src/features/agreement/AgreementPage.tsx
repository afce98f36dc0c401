import { useQuery } from '@tanstack/react-query';
import { useDatabase } from '../../state/database-context.ts';
import { useUrlParam } from '../../state/url-state.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { intervalText, reading, verdict, type Verdict } from '../../agreement/metrics.ts';
import type { AgreementBasis } from '../../agreement/out-of-fold.ts';
import { agreementCoverageQuery } from '../../queries/agreement.ts';
import { CorrectionsPanel } from '../corrections/CorrectionsPanel.tsx';
import { RetrainPanel } from '../corrections/RetrainPanel.tsx';
import { useThemeReliability } from './use-reliability.ts';
import { KeywordListAgreement } from './KeywordListAgreement.tsx';
import { plural } from '../../lib/plural.ts';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const VERDICT: Record<Verdict, string> = { reliable: 'Usually right', fair: 'Check', careful: 'Take care', 'too-few': 'Too few' };

/** Tagger agreement: per theme, how often the tagger agrees with people on entries it had not seen, and where to correct it. */
export default function AgreementPage() {
  const { db, dataVersion } = useDatabase();
  const [basisParam, setBasis] = useUrlParam('basis');
  const basis: AgreementBasis = basisParam === 'corrections' ? 'corrections' : 'all';
  const coverage = useQuery(agreementCoverageQuery(db, dataVersion));
  const reliability = useThemeReliability(basis);
  const rows = reliability.rows.map((r) => ({ ...r, verdict: verdict(r) }));
  const judged = rows.filter((r) => r.n > 0);
  const c = coverage.data;
  return (
    <div className="agreement-page">
      <section className="workspace-card" aria-labelledby="agreement-title">
        <h2 id="agreement-title">How far to trust the tagger, theme by theme</h2>
        {c && (
          <p data-testid="agreement-coverage">
            The tagger has tagged {plural(c.tagged_reviews, 'review')} and {plural(c.tagged_briefings, 'briefing')}: every one held,
            of every nation and title-only reviews included, as the filters do not apply on this page. People have judged them through {c.expert_entries} expert-labelled
            entries and {c.corrections} {c.corrections === 1 ? 'correction' : 'corrections'} of yours
            on {c.corrected_entries} {c.corrected_entries === 1 ? 'entry' : 'entries'}. Every figure below compares people with
            tags made by a tagger that had not seen the entry: the expert-labelled entries were split into five parts and each part
            was tagged by a tagger trained on the other four; your corrections count against the tags made before the tagger
            learned from them.
          </p>
        )}
        <fieldset className="agreement-basis">
          <legend>Compare the tagger with</legend>
          <label><input type="radio" name="basis" checked={basis === 'all'} onChange={() => setBasis(null, { replace: true })} /> Expert labels and your corrections</label>
          <label><input type="radio" name="basis" checked={basis === 'corrections'} onChange={() => setBasis('corrections', { replace: true })} /> Your corrections only</label>
        </fieldset>
        {reliability.loading && <StatusMessage kind="loading">Counting the tagger’s out-of-fold agreement…</StatusMessage>}
        {reliability.error && <StatusMessage kind="error">Could not compute agreement: {reliability.error.message}</StatusMessage>}
        {reliability.missing && basis === 'all' && (
          <StatusMessage kind="empty">The tagger in use keeps no out-of-fold tags, so its agreement with the expert labels cannot be shown honestly. Retrain it below to get them.</StatusMessage>
        )}
        {!reliability.loading && !reliability.error && judged.length === 0 && (
          <StatusMessage kind="empty">
            {basis === 'corrections' ? 'You have not corrected any tagged entry yet: correct some below.' : 'Nothing to compare yet: no entry has been judged.'}
          </StatusMessage>
        )}
        {judged.length > 0 && (
          <>
            {/* The explanation sits above the table, not in its caption: a caption is as wide as the table, which on a phone scrolls sideways. */}
            <p className="hint" id="agreement-table-note">
              Agreement of the tagger with people on entries it had not seen, per theme. Tags right (precision): of the tagger’s
              tags, the share people agree with. Found (recall): of the themes people see, the share the tagger finds. Ranges are
              95% intervals; “Usually right” needs both lower ends above one half. κ (Cohen’s kappa) is agreement beyond chance.
            </p>
            <div className="table-scroll agreement-table-wrap" tabIndex={0} role="region" aria-label="Agreement per theme (table)">
              <table className="workspace-table agreement-table" aria-describedby="agreement-table-note">
                <caption className="visually-hidden">Agreement of the tagger with people, per theme</caption>
                <thead>
                  <tr>
                    <th scope="col">Theme</th><th scope="col">Verdict</th><th scope="col" className="numeric">Tags right</th>
                    <th scope="col" className="numeric">Found</th><th scope="col" className="numeric">κ</th>
                    <th scope="col" className="numeric">Entries</th><th scope="col" className="numeric">Yours</th><th scope="col">Reading</th>
                  </tr>
                </thead>
                <tbody>
                  {judged.map((r) => (
                    <tr key={r.theme_id} data-theme={r.theme_id} data-tp={r.tp} data-fp={r.fp} data-fn={r.fn} data-tn={r.tn}>
                      <th scope="row">{r.label}</th>
                      <td className={`agreement-verdict agreement-verdict--${r.verdict}`}>{VERDICT[r.verdict]}</td>
                      <td className="numeric" data-testid={`agreement-precision-${r.theme_id}`}>
                        {pct(r.precision)} <span className="hint">{intervalText(r.precisionCI)}</span>
                      </td>
                      <td className="numeric" data-testid={`agreement-recall-${r.theme_id}`}>
                        {pct(r.recall)} <span className="hint">{intervalText(r.recallCI)}</span>
                      </td>
                      <td className="numeric">{r.kappa === null ? '—' : r.kappa.toFixed(2)}</td>
                      <td className="numeric" data-testid={`agreement-n-${r.theme_id}`}>{r.n}</td>
                      <td className="numeric">{r.corrections}</td>
                      <td>{reading(r.label, r)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        <p className="hint">
          Your corrections tend to be where the tagger was wrong, so on their own they understate it; the expert-labelled entries
          are a fairer sample. Themes with few positive judgments have wide ranges: read them as rough.
        </p>
      </section>
      <KeywordListAgreement />
      <CorrectionsPanel />
      <RetrainPanel />
    </div>
  );
}
