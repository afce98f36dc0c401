/**
 * A small, strict XML reader for codebook files: elements, attributes, text,
 * entities, comments, CDATA and the XML declaration. Enough for REFI-QDA
 * codebooks, and the same in Node and the browser (no DOMParser in Node).
 */
export interface XmlElement {
  /** Local name, without any namespace prefix. */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ent] ?? whole;
  });
}

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/** Escapes text for an XML attribute or element body. */
export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&${({ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' } as const)[c as '<']};`);
}

const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** How much XML the reader takes on: untrusted files are refused past these rather than read in full. */
export interface XmlLimits {
  /** Elements open at once (root = 1). */
  maxDepth: number;
  /** Characters of source text. */
  maxChars: number;
}

/** A document past one of the reader's limits; `limit` says which, `value` how far the file went. */
export class XmlLimitError extends Error {
  constructor(readonly limit: keyof XmlLimits, readonly value: number, readonly max: number) {
    super(limit === 'maxDepth' ? `Elements nest more than ${max} levels deep` : `The text is longer than ${max} characters`);
    this.name = 'XmlLimitError';
  }
}

const NO_LIMITS: XmlLimits = { maxDepth: Infinity, maxChars: Infinity };

/**
 * Parses an XML document and returns its root element; throws an Error saying
 * where it went wrong, or an XmlLimitError past `limits`. The walk keeps its own
 * stack (no recursion) and expands no DTD entities, so neither deep nesting nor
 * entity tricks can exhaust the page.
 */
export function parseXml(source: string, limits: XmlLimits = NO_LIMITS): XmlElement {
  if (source.length > limits.maxChars) throw new XmlLimitError('maxChars', source.length, limits.maxChars);
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let i = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (why: string): never => {
    const line = source.slice(0, i).split('\n').length;
    throw new Error(`${why} (line ${line})`);
  };
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const text = source.slice(i, lt < 0 ? source.length : lt);
    if (text.trim()) {
      if (!stack.length) fail('Text outside the root element');
      stack[stack.length - 1]!.text += decode(text);
    }
    if (lt < 0) break;
    i = lt;
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i);
      if (end < 0) fail('Unclosed comment');
      i = end + 3;
    } else if (source.startsWith('<![CDATA[', i)) {
      const end = source.indexOf(']]>', i);
      if (end < 0 || !stack.length) fail('Misplaced CDATA section');
      stack[stack.length - 1]!.text += source.slice(i + 9, end);
      i = end + 3;
    } else if (source.startsWith('<?', i) || source.startsWith('<!', i)) {
      const end = source.indexOf('>', i);
      if (end < 0) fail('Unclosed declaration');
      i = end + 1;
    } else if (source.startsWith('</', i)) {
      const end = source.indexOf('>', i);
      const name = localName(source.slice(i + 2, end).trim());
      const open = stack.pop();
      if (!open || open.name !== name) fail(`Closing tag </${name}> does not match <${open?.name ?? 'nothing'}>`);
      i = end + 1;
    } else {
      const end = source.indexOf('>', i);
      if (end < 0) fail('Unclosed tag');
      const body = source.slice(i + 1, end);
      const selfClosing = body.endsWith('/');
      const inner = selfClosing ? body.slice(0, -1) : body;
      const nameMatch = /^[^\s/>]+/.exec(inner);
      if (!nameMatch) fail('A tag without a name');
      const el: XmlElement = { name: localName(nameMatch![0]), attrs: {}, children: [], text: '' };
      for (const m of inner.slice(nameMatch![0].length).matchAll(ATTR)) el.attrs[m[1]!] = decode(m[3] ?? m[4] ?? '');
      if (stack.length) stack[stack.length - 1]!.children.push(el);
      else if (root) fail('More than one root element');
      else root = el;
      if (!selfClosing) stack.push(el);
      if (stack.length > limits.maxDepth) throw new XmlLimitError('maxDepth', stack.length, limits.maxDepth);
      i = end + 1;
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (!root) throw new Error('The file contains no XML element');
  return root;
}
