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

const TAG_NAME = /(\/?)([a-zA-Z][a-zA-Z0-9-]*)/y;

/** Index just past the end of the tag opened at `lt`, skipping '>' inside quoted attribute values. */
function tagEnd(html: string, lt: number): number {
  let quote = '';
  for (let i = lt + 1; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      // Only a quote that opens an attribute value counts; a stray apostrophe in text does not.
      if (html[i - 1] === '=' || html[i - 2] === '=') quote = c;
    } else if (c === '>') return i + 1;
  }
  return html.length;
}

/** Visible text of `html`, see the module comment. */
export function htmlText(html: string): string {
  const out: string[] = [];
  let listDepth = 0;
  let cellInRow = 0;
  const title = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html.slice(0, 200_000));
  if (title) out.push(decodeEntities(title[1]!), '\n');
  const text = (from: number, to: number) => {
    if (to <= from) return;
    const chunk = html.slice(from, to);
    out.push(chunk.includes('&') ? decodeEntities(chunk) : chunk);
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text(i, html.length);
      break;
    }
    text(i, lt);
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    TAG_NAME.lastIndex = lt + 1;
    const name = TAG_NAME.exec(html);
    if (!name) {
      // "<!doctype ...>", "<?xml ...?>" are skipped; a lone "<" is text.
      if (html[lt + 1] === '!' || html[lt + 1] === '?') i = tagEnd(html, lt);
      else (text(lt, lt + 1), (i = lt + 1));
      continue;
    }
    const end = tagEnd(html, lt);
    const tag = name[2]!.toLowerCase();
    const closing = name[1] === '/';
    i = end;
    if (SKIP.has(tag)) {
      if (!closing && html[end - 2] !== '/') {
        // Everything up to the matching close tag is skipped unread: scripts, styles, frames, the head.
        const closer = new RegExp(`</${tag}\\s*>`, 'gi');
        closer.lastIndex = end;
        i = closer.exec(html) ? closer.lastIndex : html.length;
      }
      continue;
    }
    if (tag === 'br') out.push('\n');
    else if (tag === 'li') {
      out.push('\n');
      // Nesting is kept as em spaces, which the whitespace clean-up below leaves alone.
      if (!closing) out.push(`${'\u2003'.repeat(Math.max(0, listDepth - 1))}• `);
    } else if (tag === 'ul' || tag === 'ol') {
      listDepth = Math.max(0, listDepth + (closing ? -1 : 1));
      out.push('\n');
    } else if (tag === 'tr') {
      out.push('\n');
      cellInRow = 0;
    } else if (tag === 'td' || tag === 'th') {
      if (!closing && cellInRow++ > 0) out.push(' | ');
    } else if (BLOCK.has(tag)) out.push('\n');
  }
  // One pass per rule over the whole text: a big page stays a few regex scans, not an array per line.
  return out
    .join('')
    .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Whether a file's text is HTML rather than plain text. */
export const looksLikeHtml = (text: string, fileName = '') =>
  /\.x?html?$/i.test(fileName) || /^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<!--\s*saved from)/i.test(text.slice(0, 2000));
