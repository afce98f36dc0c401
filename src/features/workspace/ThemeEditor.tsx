import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useDatabase, useWorkspaceChange } from '../../state/database-context.ts';
import { slugify } from '../../codebook/types.ts';
import { themesAdminQuery, type ThemeAdminRow } from '../../queries/themes-admin.ts';
import { addTheme, renameTheme, retireTheme } from '../../workspace/changes.ts';
import type { Change } from '../../workspace/write.ts';

function ThemeRow({ theme, onSave, onRetire }: { theme: ThemeAdminRow; onSave: (label: string) => void; onRetire: (retired: boolean) => void }) {
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(theme.label);
  return (
    <tr className={theme.retired ? 'workspace-theme--retired' : undefined}>
      <td>
        {editing ? (
          <form className="workspace-inline" onSubmit={(e) => (e.preventDefault(), label.trim() && onSave(label.trim()), setEditing(false))}>
            <label className="visually-hidden" htmlFor={`rename-${theme.id}`}>New name for {theme.label}</label>
            <input id={`rename-${theme.id}`} value={label} onChange={(e) => setLabel(e.target.value)} autoFocus required />
            <button type="submit">Save</button>
            <button type="button" className="button-secondary" onClick={() => (setLabel(theme.label), setEditing(false))}>Cancel</button>
          </form>
        ) : (
          <>{theme.label}{theme.retired && <span className="hint"> (retired)</span>}</>
        )}
      </td>
      <td>{theme.group_label}</td>
      <td className="numeric">{theme.entries}</td>
      <td className="workspace-inline">
        {!editing && <button type="button" className="button-secondary" onClick={() => setEditing(true)} aria-label={`Rename ${theme.label}`}>Rename</button>}
        <button type="button" className="button-secondary" onClick={() => onRetire(!theme.retired)} aria-label={`${theme.retired ? 'Restore' : 'Retire'} ${theme.label}`}>
          {theme.retired ? 'Restore' : 'Retire'}
        </button>
      </td>
    </tr>
  );
}

/** Add, rename and retire themes; changes are kept with the workspace. */
export function ThemeEditor() {
  const { db, dataVersion } = useDatabase();
  const change = useWorkspaceChange();
  const themes = useQuery(themesAdminQuery(db, dataVersion));
  const [error, setError] = useState<string | null>(null);
  const run = async (what: Change) => {
    setError(null);
    try {
      await change(what);
    } catch (err) {
      setError(`Could not change the theme: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const rows = themes.data ?? [];
  const groups = [...new Map(rows.map((t) => [t.group_id, t.group_label])).entries()];
  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const label = String(form.get('label') ?? '').trim();
    if (!label) return;
    if (rows.some((t) => t.label.toLowerCase() === label.toLowerCase())) return setError(`There is already a theme called “${label}”.`);
    let id = slugify(label);
    for (let n = 2; rows.some((t) => t.id === id); n++) id = `${slugify(label)}-${n}`;
    void run(addTheme({ id, label, group_id: String(form.get('group')), description: String(form.get('description') ?? '').trim(), retired: false }));
    e.currentTarget.reset();
  };
  return (
    <section className="workspace-card" aria-labelledby="workspace-themes">
      <h2 id="workspace-themes">Your theme set</h2>
      <p>Renamed themes keep their tags. Retired themes leave the filters and charts but keep their tags, so you can restore them. New themes are tagged by your corrections, and by the tagger once you retrain it.</p>
      <form className="workspace-add" onSubmit={add} aria-label="Add a theme">
        <label>Name <input name="label" required /></label>
        <label>Group <select name="group">{groups.map(([id, label]) => <option key={id} value={id}>{label}</option>)}</select></label>
        <label>Description <input name="description" /></label>
        <button type="submit">Add theme</button>
      </form>
      {error && <p className="workspace-error" role="alert">{error}</p>}
      <details>
        <summary>{rows.length === 1 ? 'The one theme' : `All ${rows.length} themes`}</summary>
        <table className="workspace-table">
          <thead><tr><th scope="col">Theme</th><th scope="col">Group</th><th scope="col" className="numeric">Entries</th><th scope="col">Change</th></tr></thead>
          <tbody>
            {rows.map((t) => (
              <ThemeRow key={t.id} theme={t} onSave={(label) => void run(renameTheme(t.id, label, t.description))} onRetire={(r) => void run(retireTheme(t.id, r))} />
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
