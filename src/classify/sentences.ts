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

function endsSentence(text: string, punctAt: number, nextAt: number): boolean {
  if (text[punctAt] !== '.') return true;
  const before = /([A-Za-z0-9.]+)$/.exec(text.slice(Math.max(0, punctAt - 12), punctAt));
  const word = before ? before[1]!.toLowerCase() : '';
  if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, ''))) return false;
  // "1." / "(a)." list markers at the start of a line, and initials like "J." stay attached.
  if (/^\d{1,2}$/.test(word) && isLineStart(text, punctAt - word.length)) return false;
  if (/^[A-Z]$/.test(before ? before[1]! : '')) return false;
  // A lower-case next word rarely starts a sentence ("approx. three").
  const next = text[nextAt];
  return next === undefined || !/[a-z]/.test(next);
}

function isLineStart(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

function push(text: string, from: number, to: number, out: Sentence[]): void {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
}
