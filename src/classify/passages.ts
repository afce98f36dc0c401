/**
 * Splitting long documents into passages on paragraph, then sentence, then word boundaries,
 * and rolling passage tags up to the document.
 */
import { splitSentences } from './sentences.ts';

export interface Passage {
  seq: number;
  text: string;
  start: number;
  end: number;
}

export const DEFAULT_PASSAGE_CHARS = 2000;

interface Span {
  start: number;
  end: number;
}

function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  const re = /\n[ \t]*\n\s*/g;
  let from = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  out.push({ start: from, end: text.length });
  return out.map((s) => trim(text, s)).filter((s) => s.end > s.start);
}

function trim(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Cuts a span longer than max at sentence boundaries, or at spaces for a run-on sentence. */
function units(text: string, span: Span, max: number): Span[] {
  if (span.end - span.start <= max) return [span];
  const sentences = splitSentences(text.slice(span.start, span.end)).map((s) => ({ start: s.start + span.start, end: s.end + span.start }));
  return sentences.flatMap((s) => (s.end - s.start <= max ? [s] : hardSplit(text, s, max)));
}

function hardSplit(text: string, s: Span, max: number): Span[] {
  const out: Span[] = [];
  let from = s.start;
  while (s.end - from > max) {
    const space = text.lastIndexOf(' ', from + max);
    const cut = space > from + max / 2 ? space : from + max;
    out.push(trim(text, { start: from, end: cut }));
    from = cut;
  }
  out.push(trim(text, { start: from, end: s.end }));
  return out.filter((u) => u.end > u.start);
}

/** Splits text into passages of at most maxChars (bar one unsplittable word), packing whole paragraphs. */
export function splitPassages(text: string, maxChars: number = DEFAULT_PASSAGE_CHARS): Passage[] {
  const max = Math.max(200, maxChars);
  // A text within the limit packs into one passage, the text trimmed (what the scans below give).
  if (text.length <= max) {
    const s = trim(text, { start: 0, end: text.length });
    return s.end > s.start ? [{ seq: 0, start: s.start, end: s.end, text: text.slice(s.start, s.end) }] : [];
  }
  const spans = paragraphs(text).flatMap((p) => units(text, p, max));
  const packed: Span[] = [];
  for (const u of spans) {
    const last = packed[packed.length - 1];
    if (last && u.end - last.start <= max) last.end = u.end;
    else packed.push({ ...u });
  }
  return packed.map((s, seq) => ({ seq, start: s.start, end: s.end, text: text.slice(s.start, s.end) }));
}

/**
 * Document score from passage scores: the best passage, raised a little by the second best
 * (1 − (1 − s1)(1 − s2/2)). Bounded by two passages so a long document full of passing
 * mentions is not tagged from volume alone (plain noisy-OR would tend to 1).
 */
export function rollUpScore(scores: number[]): number {
  let s1 = 0;
  let s2 = 0;
  for (const s of scores) {
    if (s > s1) {
      s2 = s1;
      s1 = s;
    } else if (s > s2) s2 = s;
  }
  return 1 - (1 - s1) * (1 - s2 / 2);
}
