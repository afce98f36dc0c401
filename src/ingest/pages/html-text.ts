/**
 * The visible text of a saved web page, one block per line, read by a small
 * tokenizer instead of a DOM: nothing in the page is ever built into a
 * document, so no script, style, image, frame or font can run or load, and
 * the CLI (Node, no DOM) and the browser read a page to the very same lines.
 * Table cells are joined with " | " and list items start with "• " (indented
 * by nesting), the shapes the page reader looks for.
 */

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'select', 'textarea', 'canvas', 'video', 'audio', 'head']);
const BLOCK = new Set(
  'p div section article header footer main aside nav h1 h2 h3 h4 h5 h6 ul ol dl dt dd table thead tbody tfoot caption blockquote pre hr form fieldset figure figcaption address details summary option'.split(' '),
);
const VOID = new Set('br hr img input meta link area base col embed source track wbr param'.split(' '));

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  hellip: '…', pound: '£', euro: '€', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™', eacute: 'é', egrave: 'è', ouml: 'ö',
  uuml: 'ü', auml: 'ä', iuml: 'ï', ccedil: 'ç', rarr: '→', larr: '←', shy: '', zwj: '', zwnj: '', laquo: '«', raquo: '»', times: '×',
};

/** Replaces named and numeric character references. */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z][a-z0-9]{1,31}));?/gi, (whole, dec, hex, name) => {
    if (dec || hex) {
      const code = dec ? Number(dec) : parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[(name as string).toLowerCase()] ?? whole;
  });
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
const attrValue = (m: RegExpExecArray | null) => (m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : null);

/** The page's own address: its canonical link, og:url, or the "saved from url=" note browsers add. */
export function htmlAddress(html: string): string | null {
  const head = html.slice(0, 200_000);
  const saved = /<!--\s*saved from url=\(\d+\)(https?:\/\/[^\s>]+?)\s*-->/i.exec(head);
  if (saved) return saved[1]!;
  for (const tag of head.match(/<(?:link|meta)\b[^>]*>/gi) ?? []) {
    if (/^<link/i.test(tag) && /\brel\s*=\s*["']?canonical\b/i.test(tag)) return attrValue(attr(tag, 'href'));
    if (/^<meta/i.test(tag) && /\bproperty\s*=\s*["']?og:url\b/i.test(tag)) return attrValue(attr(tag, 'content'));
  }
  return null;
}

/** Visible text of `html`, see the module comment. */
export function htmlText(html: string): string {
  const out: string[] = [];
  let skipping: string | null = null;
  let listDepth = 0;
  let cellInRow = 0;
  const title = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html.slice(0, 200_000));
  if (title) out.push(decodeEntities(title[1]!).replace(/\s+/g, ' ').trim(), '\n');
  const body = html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ' ');
  const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>|<![^>]*>|<\?[^>]*>|([^<]+|<)/g;
  for (let m = TOKEN.exec(body); m; m = TOKEN.exec(body)) {
    const [, closing, rawName, text] = m;
    if (text !== undefined) {
      if (!skipping) out.push(decodeEntities(text).replace(/\s+/g, ' '));
      continue;
    }
    if (!rawName) continue;
    const tag = rawName.toLowerCase();
    if (skipping) {
      if (closing && tag === skipping) skipping = null;
      continue;
    }
    if (SKIP.has(tag)) {
      if (!closing && !m[0].endsWith('/>')) skipping = tag;
      continue;
    }
    if (tag === 'br') out.push('\n');
    else if (tag === 'li') {
      out.push('\n');
      if (!closing) out.push(`${'  '.repeat(Math.max(0, listDepth - 1))}• `);
    } else if (tag === 'ul' || tag === 'ol') {
      listDepth = Math.max(0, listDepth + (closing ? -1 : 1));
      out.push('\n');
    } else if (tag === 'tr') {
      out.push('\n');
      cellInRow = 0;
    } else if (tag === 'td' || tag === 'th') {
      if (!closing && cellInRow++ > 0) out.push(' | ');
    } else if (BLOCK.has(tag) || (VOID.has(tag) && tag === 'hr')) out.push('\n');
  }
  return out
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').replace(/^ (?!•)/, '').replace(/ +$/, ''))
    .filter((l, i, all) => l.trim() !== '' || (i > 0 && all[i - 1]!.trim() !== ''))
    .join('\n')
    .trim();
}

/** Whether a file's text is HTML rather than plain text. */
export const looksLikeHtml = (text: string, fileName = '') =>
  /\.x?html?$/i.test(fileName) || /^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<!--\s*saved from)/i.test(text.slice(0, 2000));
