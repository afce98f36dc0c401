/**
 * The visible text of an HTML page. DOMParser builds an inert document:
 * scripts never run and nothing it references is fetched; we keep text only.
 */
const BLOCK = /^(?:P|DIV|SECTION|ARTICLE|HEADER|FOOTER|MAIN|ASIDE|NAV|H[1-6]|LI|UL|OL|TR|TABLE|BLOCKQUOTE|PRE|BR|HR|DT|DD|FIGCAPTION)$/;
const SKIP = /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE|IFRAME|OBJECT|SVG|HEAD)$/;

/**
 * Renames `on…=` attributes before parsing. They could not run anyway (inert
 * document, and the CSP forbids inline handlers), but Chromium reports each one
 * it meets as a CSP violation in the console; only their text matters here.
 */
const defuseHandlers = (html: string) => html.replace(/<[^>]+>/g, (tag) => tag.replace(/(\s)(on[a-z]+\s*=)/gi, '$1data-defused-$2'));

/** Text with blank lines between blocks, so paragraphs survive for passage splitting. */
export function htmlText(html: string): string {
  const doc = new DOMParser().parseFromString(defuseHandlers(html), 'text/html');
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP.test(tag)) return;
    const block = BLOCK.test(tag);
    if (block) out.push('\n\n');
    node.childNodes.forEach(walk);
    if (block) out.push('\n\n');
  };
  walk(doc.body ?? doc.documentElement);
  return out.join('').replace(/[ \t]*\n[ \t]*/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}
