/**
 * The theme set as a REFI-QDA codebook (.qdc), the exchange format of NVivo,
 * ATLAS.ti, MAXQDA and QualCoder: groups become parent codes with their themes
 * nested; retired themes stay in the file but are not codable.
 */
import { codeGuid } from './guid.ts';
import { escapeXml, parseXml, XmlLimitError, type XmlElement } from './xml.ts';
import { slugify, type Codebook, type CodebookTheme, type ParsedCodebook } from './types.ts';

export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
/**
 * A codebook of a few hundred codes is tens of kilobytes; QDA tools nest codes
 * a handful of levels. Past these a file is not a codebook the app can use, and
 * reading it in full would hold the page (or, nested deep, exhaust the stack of
 * the walk that turns codes into themes).
 */
export const MAX_CODEBOOK_BYTES = 5_000_000;
export const MAX_CODEBOOK_DEPTH = 32;

/** A sentence for the user when a codebook file is past the size limit, else null (checked before the file is read). */
export function codebookSizeProblem(bytes: number): string | null {
  return bytes > MAX_CODEBOOK_BYTES
    ? `This file is ${(bytes / 1e6).toFixed(1)} MB, more than the ${MAX_CODEBOOK_BYTES / 1e6} MB a codebook can be. Export only the codebook (.qdc) from your QDA tool, not the whole project, and import that.`
    : null;
}

function limitProblem(err: XmlLimitError): string {
  return err.limit === 'maxDepth'
    ? `This file nests its elements more than ${err.max} levels deep, which is not the shape of a codebook. Flatten the code tree in your QDA tool (themes under at most a few levels of groups), export the codebook again and import that.`
    : (codebookSizeProblem(err.value) ?? err.message);
}

/** Where top-level codes without children go on import. */
export const UNGROUPED = { id: 'imported', label: 'Imported codes' };

const GROUP_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

function codeXml(guid: string, name: string, codable: boolean, colour: string, description: string, inner: string, indent: string): string {
  const head = `${indent}<Code guid="${guid}" name="${escapeXml(name)}" isCodable="${codable}" color="${colour}">`;
  const desc = description ? `\n${indent}  <Description>${escapeXml(description)}</Description>` : '';
  return `${head}${desc}${inner}\n${indent}</Code>`;
}

/** Serialises a theme set as a REFI-QDA codebook; the same input gives the same bytes. */
export function codebookToQdc(book: Codebook): string {
  const groups = book.groups.map((g, i) => {
    const colour = GROUP_COLOURS[i % GROUP_COLOURS.length]!;
    const themes = book.themes
      .filter((t) => t.group_id === g.id)
      .map((t) => '\n' + codeXml(codeGuid('theme', t.id), t.label, !t.retired, colour, t.description, '', '      '));
    return codeXml(codeGuid('group', g.id), g.label, false, colour, '', themes.join(''), '    ');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="${QDC_NAMESPACE}" origin="Learning Themes">`,
    '  <Codes>',
    ...groups,
    '  </Codes>',
    '  <Sets/>',
    '</CodeBook>',
    '',
  ].join('\n');
}

interface Ctx {
  out: ParsedCodebook;
  byGuid: Map<string, string>;
  names: Set<string>;
}

const codesOf = (el: XmlElement) => el.children.filter((c) => c.name === 'Code');
const descriptionOf = (el: XmlElement) => el.children.find((c) => c.name === 'Description')?.text.trim() ?? '';

function addTheme(ctx: Ctx, code: XmlElement, groupId: string, depth: number): void {
  const name = code.attrs.name?.trim() ?? '';
  if (!name) {
    ctx.out.errors.push('A code has no name.');
    return;
  }
  if (depth > 1) ctx.out.warnings.push(`"${name}" was nested ${depth} levels deep; it is kept as a theme of its top-level group.`);
  if (ctx.names.has(name.toLowerCase())) ctx.out.errors.push(`Two codes are named "${name}": theme names must be unique.`);
  ctx.names.add(name.toLowerCase());
  const guid = code.attrs.guid?.toUpperCase() ?? '';
  const id = ctx.byGuid.get(guid) ?? slugify(name);
  const theme: CodebookTheme = { id, group_id: groupId, label: name, description: descriptionOf(code), retired: code.attrs.isCodable === 'false' };
  ctx.out.themes.push(theme);
  if (guid) ctx.out.guids![id] = guid;
  for (const child of codesOf(code)) addTheme(ctx, child, groupId, depth + 1);
}

/**
 * Parses a REFI-QDA codebook: top-level codes are groups, codes under them are
 * themes. GUIDs this app wrote map back to the theme ids in `knownIds`; other
 * codes get an id from their name (the import plan then matches by name).
 */
export function parseQdc(source: string, knownIds: { themes: string[]; groups: string[] } = { themes: [], groups: [] }): ParsedCodebook {
  const out: ParsedCodebook = { groups: [], themes: [], errors: [], warnings: [], guids: {} };
  let root: XmlElement;
  try {
    root = parseXml(source, { maxDepth: MAX_CODEBOOK_DEPTH, maxChars: MAX_CODEBOOK_BYTES });
  } catch (err) {
    if (err instanceof XmlLimitError) {
      out.errors.push(limitProblem(err));
      return out;
    }
    out.errors.push(`This is not a readable XML file: ${(err as Error).message}.`);
    return out;
  }
  if (root.name !== 'CodeBook') {
    out.errors.push(`This XML is not a REFI-QDA codebook: its root element is <${root.name}>, expected <CodeBook>. A .qdpx project must be unzipped first; export a codebook (.qdc) instead.`);
    return out;
  }
  const ns = root.attrs.xmlns;
  if (ns && ns !== QDC_NAMESPACE) out.warnings.push(`Unexpected namespace ${ns}; read as ${QDC_NAMESPACE}.`);
  const codes = root.children.find((c) => c.name === 'Codes');
  const top = codes ? codesOf(codes) : [];
  if (!top.length) {
    out.errors.push('The codebook contains no codes.');
    return out;
  }
  const ctx: Ctx = {
    out,
    byGuid: new Map([
      ...knownIds.themes.map((id) => [codeGuid('theme', id), id] as const),
      ...knownIds.groups.map((id) => [codeGuid('group', id), id] as const),
    ]),
    names: new Set(),
  };
  for (const code of top) {
    const children = codesOf(code);
    if (!children.length) {
      if (!out.groups.some((g) => g.id === UNGROUPED.id)) out.groups.push(UNGROUPED);
      addTheme(ctx, code, UNGROUPED.id, 1);
      continue;
    }
    const label = code.attrs.name?.trim() || 'Unnamed group';
    const id = ctx.byGuid.get(code.attrs.guid?.toUpperCase() ?? '') ?? slugify(label);
    out.groups.push({ id, label });
    for (const child of children) addTheme(ctx, child, id, 1);
  }
  return out;
}
