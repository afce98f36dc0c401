/** Sentence splitting with character offsets (text.slice(start, end) === sentence text). */

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'miss', 'prof', 'st', 'no', 'nos', 'vs', 'etc', 'cf', 'fig', 'ref', 'para', 'paras',
  'approx', 'dept', 'govt', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'e.g', 'i.e', 'eg', 'ie', 'al', 'inc', 'ltd', 'co', 'sgt', 'pc', 'det', 'insp', 'supt', 'rev', 'hon', 'jr', 'sr',
]);

// A candidate boundary: terminal punctuation (with closing quotes/brackets) then space,
// or a line break.
const BOUNDARY = /([.!?]+["'’”)\]]*)(\s+)|(\n\s*)/g;

/** Splits text into trimmed sentences with offsets; handles "Dr.", "e.g." and "1." list markers. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    if (m[1] !== undefined && !endsSentence(text, m.index, m.index + m[0].length)) continue;
    const cut = m[1] !== undefined ? m.index + m[1].length : m.index;
    push(text, from, cut, out);
    from = m.index + m[0].length;
  }
  push(text, from, text.length, out);
  return out;
}

/** Whether a character code is white space as /\s/ has it (ECMAScript WhiteSpace and LineTerminator). */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isWordOrDot = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 46;

// Scans by character code: this runs for every boundary candidate of every passage.
function endsSentence(text: string, punctAt: number, nextAt: number): boolean {
  if (text.charCodeAt(punctAt) !== 46) return true;
  // The letters, digits and dots just before the full stop (at most 12 characters back).
  let from = punctAt;
  while (from > Math.max(0, punctAt - 12) && isWordOrDot(text.charCodeAt(from - 1))) from--;
  const len = punctAt - from;
  if (len > 0) {
    const word = text.slice(from, punctAt).toLowerCase();
    if (ABBREVIATIONS.has(word) || (word.endsWith('.') && ABBREVIATIONS.has(word.slice(0, -1)))) return false;
    // "1." / "(a)." list markers at the start of a line, and initials like "J." stay attached.
    if (len <= 2 && isDigit(text.charCodeAt(from)) && isDigit(text.charCodeAt(punctAt - 1)) && isLineStart(text, from)) return false;
    if (len === 1 && text.charCodeAt(from) >= 65 && text.charCodeAt(from) <= 90) return false;
  }
  // A lower-case next word rarely starts a sentence ("approx. three").
  const next = text.charCodeAt(nextAt);
  return !(next >= 97 && next <= 122);
}

function isLineStart(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function push(text: string, from: number, to: number, out: Sentence[]): void {
  let s = from;
  let e = to;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
}
