import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDatabase, useWorkspaceChange } from '../../state/database-context.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { userItemsQuery, type UserItemRow } from '../../queries/user-items.ts';
import { deleteUserItem, editUserItem } from '../../workspace/changes.ts';
import type { Change } from '../../workspace/write.ts';
import { validPublished } from '../import/DocumentRow.tsx';
import { useWorkspace } from './workspace-context.ts';

const keyOf = (r: UserItemRow) => `${r.kind}:${r.id}`;

/** Rows drawn at a time: a big import holds a hundred thousand items, far more than a page can draw. */
const PAGE = 200;

/** The reviews and briefings imported on this device, each editable and deletable on its own. */
export function UserItemsPanel() {
  const { db, dataVersion } = useDatabase();
  const change = useWorkspaceChange();
  const workspace = useWorkspace();
  const items = useQuery(userItemsQuery(db, dataVersion));
  const [editing, setEditing] = useState<{ key: string; title: string; published: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const [outcome, setOutcome] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const run = async (what: Change, done: string) => {
    setBusy(true);
    setOutcome(null);
    try {
      await change(what);
      await workspace.saveNow();
      setOutcome({ kind: 'ok', text: done });
    } catch (err) {
      setOutcome({ kind: 'error', text: `${err instanceof Error ? err.message : String(err)} Nothing was changed.` });
    } finally {
      setBusy(false);
      setEditing(null);
      setConfirming(null);
    }
  };

  let body;
  if (items.error) body = <StatusMessage kind="error">Could not list your imported items: {items.error.message}</StatusMessage>;
  else if (!items.data) body = <StatusMessage kind="loading">Listing your imported items…</StatusMessage>;
  else if (!items.data.length) body = <p className="hint">Nothing imported yet. Reviews, briefings and documents you import appear here.</p>;
  else {
    body = (
      <div className="table-scroll">
        <table className="data-table" data-testid="user-items">
          <caption>Reviews and briefings imported on this device: {items.data.length.toLocaleString('en-GB')}</caption>
          <thead>
            <tr><th scope="col">Kind</th><th scope="col">Title</th><th scope="col">Partnership</th><th scope="col">Published</th><th scope="col" className="num">Documents</th><th scope="col" className="num">Themes</th><th scope="col">Actions</th></tr>
          </thead>
          <tbody>
            {items.data.slice(0, shown).map((r) => {
              const key = keyOf(r);
              const edit = editing?.key === key ? editing : null;
              const dateOk = !edit || edit.published.trim() === '' || validPublished(edit.published);
              return (
                <tr key={key} data-item-id={r.id} data-kind={r.kind}>
                  <td>{r.kind === 'review' ? 'Review' : 'Briefing'}</td>
                  <td>{edit ? <input aria-label={`Title of ${r.title}`} value={edit.title} onChange={(e) => setEditing({ ...edit, title: e.target.value })} /> : r.title}</td>
                  <td>{r.partnership}</td>
                  <td>{edit ? (
                    <input aria-label={`Publication date of ${r.title}`} aria-invalid={!dateOk} value={edit.published} placeholder="YYYY-MM"
                      onChange={(e) => setEditing({ ...edit, published: e.target.value })} />
                  ) : r.published ?? '—'}</td>
                  <td className="num">{r.documents}</td>
                  <td className="num">{r.themes}</td>
                  <td className="workspace-item-actions">
                    {edit ? (
                      <>
                        <button type="button" disabled={busy || !edit.title.trim() || !dateOk}
                          onClick={() => void run(editUserItem(r.kind, r.id, edit.title.trim(), edit.published.trim() || null), `Saved “${edit.title.trim()}”.`)}>Save</button>
                        <button type="button" className="button-secondary" onClick={() => setEditing(null)}>Cancel</button>
                      </>
                    ) : confirming === key ? (
                      <>
                        <button type="button" className="button-danger" disabled={busy} onClick={() => void run(deleteUserItem(r.kind, r.id), `Deleted “${r.title}” and its documents and themes.`)}>
                          Confirm delete
                        </button>
                        <button type="button" className="button-secondary" onClick={() => setConfirming(null)}>Keep it</button>
                      </>
                    ) : (
                      <>
                        <button type="button" className="button-secondary" disabled={busy} aria-label={`Edit ${r.title}`}
                          onClick={() => setEditing({ key, title: r.title, published: r.published ?? '' })}>Edit</button>
                        <button type="button" className="button-secondary" disabled={busy} aria-label={`Delete ${r.title}`} onClick={() => setConfirming(key)}>Delete</button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {items.data.length > shown && (
          <button type="button" className="button-secondary" onClick={() => setShown((n) => n + PAGE)}>
            Show {Math.min(PAGE, items.data.length - shown).toLocaleString('en-GB')} more of {(items.data.length - shown).toLocaleString('en-GB')}
          </button>
        )}
      </div>
    );
  }
  return (
    <section className="workspace-panel" aria-labelledby="user-items-heading">
      <h2 id="user-items-heading">Your imported items</h2>
      {body}
      {outcome && <p role="status" className={outcome.kind === 'error' ? 'status-error' : 'hint'} data-testid="user-items-outcome">{outcome.text}</p>}
    </section>
  );
}
