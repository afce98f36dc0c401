/** The theme set as JSON in the shape of data/taxonomy.json (the tagger and pipelines read it). */
import { jsonDepthProblem } from '../lib/json-depth.ts';
import { slugify, type Codebook, type ParsedCodebook } from './types.ts';

export const TAXONOMY_VERSION = 1;

interface TaxonomyFile {
  version: number;
  about?: string;
  groups: { id: string; label: string }[];
  themes: { id: string; group: string; label: string; description: string; retired?: boolean }[];
}

/** Serialises a theme set as taxonomy JSON; retired themes keep their id with `retired: true`. */
export function codebookToTaxonomyJson(book: Codebook): string {
  const file: TaxonomyFile = {
    version: TAXONOMY_VERSION,
    about: 'Learning-theme taxonomy exported from Learning Themes. Ids are stable keys; labels and descriptions may be reworded.',
    groups: book.groups.map((g) => ({ id: g.id, label: g.label })),
    themes: book.themes.map((t) => ({
      id: t.id, group: t.group_id, label: t.label, description: t.description, ...(t.retired ? { retired: true } : {}),
    })),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Parses taxonomy JSON, collecting every problem instead of stopping at the first. */
export function parseTaxonomyJson(source: string): ParsedCodebook {
  const out: ParsedCodebook = { groups: [], themes: [], errors: [], warnings: [] };
  let json: unknown;
  const deep = jsonDepthProblem(source, 'This file');
  if (deep) {
    out.errors.push(deep);
    return out;
  }
  try {
    json = JSON.parse(source);
  } catch (err) {
    out.errors.push(`This is not valid JSON (${(err as Error).message}).`);
    return out;
  }
  if (!isRecord(json) || !Array.isArray(json.themes)) {
    out.errors.push('Expected a JSON object with a "themes" list, like data/taxonomy.json.');
    return out;
  }
  if (typeof json.version === 'number' && json.version > TAXONOMY_VERSION) {
    out.errors.push(`This theme set has format version ${json.version}; this app reads version ${TAXONOMY_VERSION}. Update the app first.`);
    return out;
  }
  const groups = Array.isArray(json.groups) ? json.groups : [];
  for (const [i, g] of groups.entries()) {
    if (!isRecord(g) || !text(g.id)) out.errors.push(`Group #${i + 1} has no "id".`);
    else out.groups.push({ id: text(g.id), label: text(g.label) || text(g.id) });
  }
  const seenIds = new Set<string>();
  const seenLabels = new Set<string>();
  for (const [i, t] of json.themes.entries()) {
    if (!isRecord(t)) {
      out.errors.push(`Theme #${i + 1} is not an object.`);
      continue;
    }
    const label = text(t.label) || text(t.id);
    const id = text(t.id) || slugify(label);
    if (!label) {
      out.errors.push(`Theme #${i + 1} has neither an id nor a label.`);
      continue;
    }
    if (seenIds.has(id)) out.errors.push(`Theme id "${id}" appears twice.`);
    if (seenLabels.has(label.toLowerCase())) out.errors.push(`Theme name "${label}" appears twice.`);
    seenIds.add(id);
    seenLabels.add(label.toLowerCase());
    const group = text(t.group) || text(t.group_id);
    if (!group) out.warnings.push(`Theme "${label}" has no group; it goes into the first group.`);
    out.themes.push({ id, group_id: group, label, description: text(t.description), retired: t.retired === true });
  }
  if (!out.themes.length && !out.errors.length) out.errors.push('The file lists no themes.');
  return out;
}
