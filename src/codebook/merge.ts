/** How an imported codebook changes the current theme set, before anything is applied. */
import type { Codebook, CodebookGroup, CodebookTheme, ParsedCodebook } from './types.ts';

export interface CodebookPlan {
  /** The theme set after the import. */
  result: Codebook;
  added: CodebookTheme[];
  renamed: { id: string; from: string; to: string }[];
  /** Themes whose description, group or retired flag changed (not their name). */
  updated: string[];
  /** Active themes the file does not mention: kept, or retired when asked. */
  missing: CodebookTheme[];
  unchanged: number;
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function mergeGroups(current: CodebookGroup[], incoming: CodebookGroup[], taken: Set<string>): { groups: CodebookGroup[]; remap: Map<string, string> } {
  const groups = current.map((g) => ({ ...g }));
  const remap = new Map<string, string>();
  for (const g of incoming) {
    const match = groups.find((c) => c.id === g.id) ?? groups.find((c) => c.label.toLowerCase() === g.label.toLowerCase());
    if (match) {
      match.label = g.label;
      remap.set(g.id, match.id);
    } else {
      const id = uniqueId(g.id, taken);
      groups.push({ id, label: g.label });
      remap.set(g.id, id);
    }
  }
  return { groups, remap };
}

/**
 * Matches incoming themes to current ones by id (GUIDs already resolved to ids),
 * then by name; the rest are new. Ids of existing themes never change, so tags stay attached.
 */
export function planCodebookImport(current: Codebook, incoming: ParsedCodebook, options: { retireMissing?: boolean } = {}): CodebookPlan {
  const groupIds = new Set(current.groups.map((g) => g.id));
  const { groups, remap } = mergeGroups(current.groups, incoming.groups, groupIds);
  const fallbackGroup = groups[0]?.id ?? '';
  const themes = current.themes.map((t) => ({ ...t }));
  const taken = new Set(themes.map((t) => t.id));
  const seen = new Set<string>();
  const plan: Omit<CodebookPlan, 'result'> = { added: [], renamed: [], updated: [], missing: [], unchanged: 0 };
  for (const t of incoming.themes) {
    const group_id = remap.get(t.group_id) ?? (groupIds.has(t.group_id) ? t.group_id : fallbackGroup);
    const match = themes.find((c) => c.id === t.id && !seen.has(c.id)) ?? themes.find((c) => c.label.toLowerCase() === t.label.toLowerCase() && !seen.has(c.id));
    if (!match) {
      const added = { ...t, id: uniqueId(t.id, taken), group_id };
      themes.push(added);
      plan.added.push(added);
      seen.add(added.id);
      continue;
    }
    seen.add(match.id);
    const next = { ...match, label: t.label, description: t.description || match.description, group_id, retired: t.retired };
    if (next.label !== match.label) plan.renamed.push({ id: match.id, from: match.label, to: next.label });
    else if (next.description !== match.description || next.group_id !== match.group_id || next.retired !== match.retired) plan.updated.push(match.id);
    else plan.unchanged++;
    Object.assign(match, next);
  }
  for (const t of themes) {
    if (seen.has(t.id) || t.retired) continue;
    plan.missing.push({ ...t });
    if (options.retireMissing) t.retired = true;
  }
  return { ...plan, result: { groups, themes } };
}
