import { useState } from 'react';
import { useDatabase, useWorkspaceChange } from '../../state/database-context.ts';
import { codebookToTaxonomyJson, parseTaxonomyJson } from '../../codebook/json.ts';
import { planCodebookImport, type CodebookPlan } from '../../codebook/merge.ts';
import { codebookSizeProblem, codebookToQdc, parseQdc } from '../../codebook/qdc.ts';
import type { ParsedCodebook } from '../../codebook/types.ts';
import { loadCodebook } from '../../queries/themes-admin.ts';
import { replaceThemeSet } from '../../workspace/changes.ts';
import { checkRows, problemLines } from '../../ingest/validate/schema-rules.ts';
import { FilePickButton } from './FilePickButton.tsx';
import { downloadBytes, today } from './download.ts';
import { plural } from '../../lib/plural.ts';

interface Pending {
  fileName: string;
  parsed: ParsedCodebook;
  plan: CodebookPlan | null;
}

/** Exchange the theme set with QDA tools (REFI-QDA .qdc) or as taxonomy JSON; an import is previewed before it applies. */
export function CodebookPanel() {
  const { db } = useDatabase();
  const change = useWorkspaceChange();
  const [pending, setPending] = useState<Pending | null>(null);
  const [retireMissing, setRetireMissing] = useState(false);
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const exportAs = async (kind: 'json' | 'qdc') => {
    const book = await loadCodebook(db);
    if (kind === 'qdc') downloadBytes(codebookToQdc(book), `learning-themes-codebook_${today()}.qdc`, 'application/xml');
    else downloadBytes(codebookToTaxonomyJson(book), `learning-themes-taxonomy_${today()}.json`, 'application/json');
  };

  const read = async (file: File) => {
    setNote(null);
    // Checked before reading: a huge file is refused without holding it in memory.
    const tooBig = codebookSizeProblem(file.size);
    if (tooBig) {
      setPending({ fileName: file.name, parsed: { groups: [], themes: [], errors: [tooBig], warnings: [] }, plan: null });
      return;
    }
    const text = await file.text();
    const current = await loadCodebook(db);
    const isQdc = /\.qdc$|\.xml$/i.test(file.name) || text.trimStart().startsWith('<');
    const parsed = isQdc
      ? parseQdc(text, { themes: current.themes.map((t) => t.id), groups: current.groups.map((g) => g.id) })
      : parseTaxonomyJson(text);
    const plan = parsed.errors.length ? null : planCodebookImport(current, parsed);
    // The same value rules as every other way in: ids, labels, groups.
    if (plan) {
      const themes = checkRows('themes', plan.result.themes);
      const groups = checkRows('theme_groups', plan.result.groups);
      parsed.errors.push(...problemLines(groups.problems, groups.count), ...problemLines(themes.problems, themes.count));
    }
    setPending({ fileName: file.name, parsed, plan: parsed.errors.length ? null : plan });
  };

  const apply = async () => {
    if (!pending?.plan) return;
    try {
      const plan = planCodebookImport(await loadCodebook(db), pending.parsed, { retireMissing });
      await change(replaceThemeSet(plan.result));
      setNote({ kind: 'ok', text: `Applied ${pending.fileName}: ${plan.added.length} added, ${plan.renamed.length} renamed, ${plan.updated.length} updated${retireMissing ? `, ${plan.missing.length} retired` : ''}.` });
      setPending(null);
    } catch (err) {
      setNote({ kind: 'error', text: `Could not apply the theme set: ${err instanceof Error ? err.message : String(err)}. Nothing was changed.` });
    }
  };

  const plan = pending?.plan;
  return (
    <section className="workspace-card" aria-labelledby="workspace-codebook">
      <h2 id="workspace-codebook">Theme set exchange</h2>
      <p>
        Share the themes with NVivo, ATLAS.ti, MAXQDA or QualCoder as a REFI-QDA codebook (groups become parent codes), or as
        JSON in the shape of the app’s taxonomy. Bring an edited codebook back: themes are matched by their code GUID, then by name.
      </p>
      <div className="workspace-actions">
        <button type="button" onClick={() => void exportAs('qdc')}>Export codebook (.qdc)</button>
        <button type="button" className="button-secondary" onClick={() => void exportAs('json')}>Export theme set (.json)</button>
        <FilePickButton label="Import a codebook…" accept=".qdc,.xml,.json,application/xml,application/json" testId="codebook-import-input" onFile={(f) => void read(f)} />
      </div>
      {pending && pending.parsed.errors.length > 0 && (
        <div className="workspace-problems" role="alert">
          <h3>{pending.fileName} cannot be imported</h3>
          <ul>{pending.parsed.errors.map((e) => <li key={e}>{e}</li>)}</ul>
          <p>Nothing was changed. Fix the file and choose it again.</p>
        </div>
      )}
      {plan && (
        <div className="workspace-plan" role="region" aria-label="Codebook import preview" data-testid="codebook-plan">
          <h3>Importing {pending.fileName}</h3>
          <ul>
            <li>{plural(plan.unchanged, 'theme')} unchanged</li>
            <li>{plan.renamed.length} renamed{plan.renamed.length > 0 && `: ${plan.renamed.map((r) => `${r.from} → ${r.to}`).join('; ')}`}</li>
            <li>{plan.updated.length} with a new description, group or status</li>
            <li>{plan.added.length} new{plan.added.length > 0 && `: ${plan.added.map((t) => t.label).join(', ')}`}</li>
            <li>{plan.missing.length} not in the file{plan.missing.length > 0 && `: ${plan.missing.map((t) => t.label).join(', ')}`}</li>
          </ul>
          {pending.parsed.warnings.length > 0 && <ul className="hint">{pending.parsed.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
          {plan.missing.length > 0 && (
            <label className="workspace-check">
              <input type="checkbox" checked={retireMissing} onChange={(e) => setRetireMissing(e.target.checked)} />
              Retire the themes that are not in the file (their tags are kept)
            </label>
          )}
          <div className="workspace-actions">
            <button type="button" onClick={() => void apply()}>Apply this theme set</button>
            <button type="button" className="button-secondary" onClick={() => setPending(null)}>Cancel</button>
          </div>
        </div>
      )}
      {note && <p role={note.kind === 'error' ? 'alert' : 'status'} className={note.kind === 'error' ? 'workspace-error' : 'workspace-ok'}>{note.text}</p>}
    </section>
  );
}
