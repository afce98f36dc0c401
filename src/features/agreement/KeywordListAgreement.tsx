import { useQuery } from '@tanstack/react-query';
import { useDatabase } from '../../state/database-context.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { intervalText, wilson } from '../../agreement/metrics.ts';
import { catalogueAgreementQuery } from '../../queries/agreement.ts';
import { filterOptionsQuery } from '../../queries/filter-options.ts';
import { plural } from '../../lib/plural.ts';

const pct = (k: number, n: number) => (n === 0 ? '—' : `${Math.round((k / n) * 100)}%`);

/**
 * A second, independent check of the tagger: the learning keywords catalogue sources published
 * with their reviews, on reviews the tagger never learned from. The lists name part of each
 * review's learning, so what they measure is how much of it the tagger finds.
 */
export function KeywordListAgreement() {
  const { db, dataVersion } = useDatabase();
  const result = useQuery(catalogueAgreementQuery(db, dataVersion));
  const options = useQuery(filterOptionsQuery(db, dataVersion));
  const rows = (result.data ?? []).filter((r) => r.listed > 0);
  const entries = result.data?.[0]?.entries ?? 0;
  const listed = rows.reduce((s, r) => s + r.listed, 0);
  const found = rows.reduce((s, r) => s + r.found, 0);
  const tagged = (result.data ?? []).reduce((s, r) => s + r.tagged, 0);
  const labelOf = new Map((options.data?.themes ?? []).map((t) => [t.id, t.label]));
  return (
    <section className="workspace-card" aria-labelledby="keyword-agreement-title">
      <h2 id="keyword-agreement-title">Against the keyword lists reviews were published with</h2>
      {result.isPending && <StatusMessage kind="loading">Comparing the tagger with published keyword lists…</StatusMessage>}
      {result.error && <StatusMessage kind="error">Could not compare with the keyword lists: {result.error.message}</StatusMessage>}
      {result.data && entries === 0 && (
        <StatusMessage kind="empty">No review held here has a published keyword list that the tagger did not learn from.</StatusMessage>
      )}
      {entries > 0 && (
        <>
          <p data-testid="keyword-agreement-summary">
            {plural(entries, 'review')} in the catalogue came with a published list of learning keywords, and the tagger never
            learned from them (they have no expert labels and no correction of yours). Of the {listed} themes those lists name,
            the tagger finds {found} ({pct(found, listed)}, 95% interval {intervalText(wilson(found, listed))}). A list names part of a
            review’s learning, not all of it, so a tag it leaves out is not necessarily wrong: of the tagger’s {tagged} tags on these
            reviews, {found} ({pct(found, tagged)}) are on a list, which is the least share of them that is right. The reviews that
            came with the app keep the tags of the tagger that came with it; a retrained tagger re-tags only your own.
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Themes the published keyword lists name, and how many the tagger finds (table)">
            <table className="workspace-table keyword-agreement-table">
              <caption className="visually-hidden">Published keyword lists against the tagger, per theme</caption>
              <thead>
                <tr>
                  <th scope="col">Theme</th><th scope="col" className="numeric">Lists naming it</th>
                  <th scope="col" className="numeric">The tagger finds</th><th scope="col" className="numeric">Its tags on these reviews</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.theme_id} data-theme={r.theme_id}>
                    <th scope="row">{labelOf.get(r.theme_id) ?? r.theme_id}</th>
                    <td className="numeric">{r.listed}</td>
                    <td className="numeric" data-testid={`keyword-found-${r.theme_id}`}>
                      {r.found} ({pct(r.found, r.listed)}) <span className="hint">{intervalText(wilson(r.found, r.listed))}</span>
                    </td>
                    <td className="numeric">{r.tagged}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">
            The keywords are mapped to themes by a fixed table, and a review’s list is often short, so a theme few lists name has a
            wide range: read those rows as rough.
          </p>
        </>
      )}
    </section>
  );
}
