/**
 * Finds recommendations in a review's text: items under a "Recommendations"
 * heading (numbered, bulleted or one per paragraph), "Recommendations include:
 * a; b; c" lists, and sentences that state one ("The partnership should…",
 * "It is recommended that…"). Each keeps its offsets in the text it came from
 * (text.slice(start, end) === text). Pure: runs in Node and in a worker.
 * Longer than most modules: the three readers share the line and marker rules.
 */
import { splitSentences } from '../classify/index.ts';

export type ExtractionVia = 'section' | 'inline' | 'sentence';

export interface ExtractedRecommendation {
  text: string;
  start: number;
  end: number;
  via: ExtractionVia;
}

export interface ExtractOptions {
  /** The whole text is a list of recommendations (a catalogue's "Recommendations" field). */
  allRecommendations?: boolean;
}

interface Line {
  text: string;
  start: number;
  end: number;
}

const MIN_WORDS = 4;
const MARKER = /^\s*(?:[•●▪◦·\-–—*]|\(?\d{1,2}(?:\.\d{1,2})*[.)]?|\(?[a-hivx]{1,4}\)|[a-h]\.|r\d{1,2}[:.)]?|recommendation\s*\d{1,2}\s*[:.)-]?)\s+/i;
const SECTION_HEADING = /^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:(?:key|our|main|local|national|summary of(?: the)?|the review'?s?|single[- ]agency|multi[- ]agency|partnership)\s+)*recommendations?(?:\s+(?:for|to|arising)\b[^.]{0,60})?\s*:?$/i;
const INLINE = /\brecommendations?\s*(?:,\s*)?(?:includ(?:ing|ed|es|e)|were|are)\s*:?\s*/gi;
// 'It is recommended', 'the review recommended…', '…but recommended that…'; not 'professionals had recommended that…' (narrative).
const STATED = /\b(?:it is recommended|(?:review|report|panel|reviewers?|authors?|board|it|we|and|but|which|also)\s+(?:also\s+)?recommend(?:s|ed)?)\b/i;
const MODAL = /\b(should|must|needs? to|ought to|is asked to|are asked to)\b(?!\s+(?:have|not have|be noted|be read)\b)/i;
const SUBJECT = /\b(partnership|board|safeguarding partners|lscb|agenc(?:y|ies)|organisations|police|health|nhs|icb|ccg|gps?|hospitals?|trusts?|social care|children'?s services|local authorit(?:y|ies)|councils?|schools?|education|midwi(?:fe|ves|fery)|maternity|health visit(?:ing|ors)|probation|housing|government|department|home office|ofsted|commissioners?|managers|leaders|practitioners|professionals|staff|services)\b/i;

// Lead-in verbs of narrative: a sentence whose subject holds one reports, it does not ask ('Later sections consider which agency should lead').
const NARRATIVE = /\b(?:consider(?:s|ed)?|f(?:ou|i)nds?|identif(?:y|ies|ied)|not(?:e|es|ed)|show(?:s|ed)?|describ(?:e|es|ed)|explor(?:e|es|ed)|examin(?:e|es|ed)|look(?:s|ed)? at|question(?:s|ed)? whether)\b/i;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let from = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    out.push({ text: body, start: from + lead, end: from + lead + body.length });
    from += raw.length + 1;
  }
  return out;
}

/** A short line that names a part of the report (no full stop, few words, no verb that asks for anything). */
function isHeading(line: string): boolean {
  return line.length > 0 && line.length <= 70 && words(line) <= 8 && !/[.;,]$/.test(line) && !MARKER.test(line + ' ') &&
    /^[A-Z0-9]/.test(line) && !MODAL.test(line);
}

/** The span of `text` inside [start, end) after removing a list marker and surrounding space. */
function item(text: string, start: number, end: number, via: ExtractionVia, minWords = MIN_WORDS): ExtractedRecommendation | null {
  let s = start;
  const m = MARKER.exec(text.slice(s, end));
  if (m) s += m[0].length;
  while (s < end && /\s/.test(text[s]!)) s++;
  let e = end;
  while (e > s && /[\s;,]/.test(text[e - 1]!)) e--;
  if (/^and\s/i.test(text.slice(s, e))) s += 4;
  const body = text.slice(s, e);
  return words(body) >= minWords ? { text: body, start: s, end: e, via } : null;
}

/** Items under "Recommendations" headings: each marker line or paragraph starts an item; wrapped lines continue it. */
function sectionItems(text: string, lines: Line[], all: boolean): { found: ExtractedRecommendation[]; covered: [number, number][] } {
  const found: ExtractedRecommendation[] = [];
  const covered: [number, number][] = [];
  let inSection = all;
  let sectionStart = 0;
  let current: { start: number; end: number } | null = null;
  let lastBlank = true;
  const flush = () => {
    if (current) {
      const it = item(text, current.start, current.end, 'section', all ? 2 : MIN_WORDS);
      if (it && !it.text.endsWith(':')) found.push(it);
    }
    current = null;
  };
  for (const line of lines) {
    if (SECTION_HEADING.test(line.text)) {
      flush();
      if (inSection && !all) covered.push([sectionStart, line.start]);
      inSection = true;
      sectionStart = line.start;
      lastBlank = true;
      continue;
    }
    if (!inSection) continue;
    if (!line.text) {
      lastBlank = true;
      continue;
    }
    if (!all && isHeading(line.text) && !current) {
      covered.push([sectionStart, line.start]);
      inSection = false;
      continue;
    }
    if (!all && isHeading(line.text) && lastBlank) {
      flush();
      covered.push([sectionStart, line.start]);
      inSection = false;
      continue;
    }
    const marker = MARKER.test(line.text + ' ');
    if (marker || lastBlank || !current) {
      flush();
      current = { start: line.start, end: line.end };
    } else current.end = line.end;
    lastBlank = false;
  }
  flush();
  if (inSection) covered.push([sectionStart, text.length]);
  return { found: all ? found.flatMap((f) => (f.text.includes(';') || splitSentences(f.text).length > 1 ? splitItem(text, f) : [f])) : found, covered };
}

/** A catalogue field holding several recommendations in one paragraph: split on semicolons, else on sentences. */
function splitItem(text: string, f: ExtractedRecommendation): ExtractedRecommendation[] {
  const parts = f.text.includes(';') ? splitOn(f.text, /;\s*/g) : splitSentences(f.text).map((s) => [s.start, s.end] as [number, number]);
  // A catalogue's list items can be short ("a multi-agency audit").
  const out = parts.map(([a, b]) => item(text, f.start + a, f.start + b, f.via, 2)).filter((x): x is ExtractedRecommendation => !!x);
  return out.length ? out : [f];
}

function splitOn(s: string, re: RegExp): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (const m of s.matchAll(re)) {
    out.push([from, m.index]);
    from = m.index + m[0].length;
  }
  out.push([from, s.length]);
  return out;
}

// A comma starts a new item only before words that open one ('better support…', 'a review of…', 'recognising…');
// otherwise it is inside an item ('profiles, motivations and cultural influences').
const ITEM_START = /^(?:and\s+)?(?:a|an|the|more|better|improved|new|clearer|clear|greater|full|robust|thorough|regular|joint|multi-agency|single|specific|stronger|further|earlier|wider|[a-z]+ing)\b/i;

function commaItems(body: string): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of splitOn(body, /,\s*/g)) {
    const last = out[out.length - 1];
    if (last && !ITEM_START.test(body.slice(a, b))) last[1] = b;
    else out.push([a, b]);
  }
  return out;
}

/** "Recommendations include: a; b; and c." → a, b, c (commas split only when every part is a phrase of its own). */
function inlineLists(text: string, skip: (pos: number) => boolean): ExtractedRecommendation[] {
  const out: ExtractedRecommendation[] = [];
  INLINE.lastIndex = 0;
  for (const m of text.matchAll(INLINE)) {
    const from = m.index + m[0].length;
    if (skip(m.index)) continue;
    const para = text.indexOf('\n\n', from);
    let to = para < 0 ? text.length : para;
    const sentenceEnd = /\.(\s|$)/.exec(text.slice(from, to));
    if (sentenceEnd && !text.slice(from, to).includes('\n')) to = from + sentenceEnd.index;
    const body = text.slice(from, to);
    const parts = body.includes(';') || body.includes('\n') ? splitOn(body, /\s*(?:;|\n)\s*/g) : commaItems(body);
    for (const [a, b] of parts) {
      const it = item(text, from + a, from + b, 'inline');
      if (it || words(text.slice(from + a, from + b)) >= 2) out.push(it ?? { text: text.slice(from + a, from + b).trim(), start: from + a, end: from + b, via: 'inline' });
    }
  }
  return out.map((r) => trimSpan(text, r));
}

function trimSpan(text: string, r: ExtractedRecommendation): ExtractedRecommendation {
  let { start, end } = r;
  while (start < end && /[\s:]/.test(text[start]!)) start++;
  while (end > start && /[\s;,.]/.test(text[end - 1]!)) end--;
  return { ...r, start, end, text: text.slice(start, end) };
}

/** Sentences that ask someone to do something: "X should/must…" with a named addressee, or "it is recommended that…". */
function statedSentences(text: string, skip: (pos: number) => boolean): ExtractedRecommendation[] {
  const out: ExtractedRecommendation[] = [];
  for (const s of splitSentences(text)) {
    if (skip(s.start) || words(s.text) < MIN_WORDS) continue;
    if (INLINE.test(s.text)) {
      INLINE.lastIndex = 0;
      continue;
    }
    INLINE.lastIndex = 0;
    const m = MODAL.exec(s.text);
    // The one asked comes first and briefly ('All agencies should…'); a long lead-in is narrative ('Later sections consider which agency should…').
    const asks = STATED.test(s.text) || (!!m && m.index > 0 && words(s.text.slice(0, m.index)) <= 8 && SUBJECT.test(s.text.slice(0, m.index)) && !NARRATIVE.test(s.text.slice(0, m.index)));
    if (asks) out.push({ text: s.text, start: s.start, end: s.end, via: 'sentence' });
  }
  return out;
}

/** Every recommendation in the text, in reading order, without overlaps. */
export function extractRecommendations(text: string, options: ExtractOptions = {}): ExtractedRecommendation[] {
  const lines = linesOf(text);
  const { found, covered } = sectionItems(text, lines, !!options.allRecommendations);
  const inSection = (pos: number) => covered.some(([a, b]) => pos >= a && pos < b);
  const inline = inlineLists(text, inSection);
  const inlineSpans = inline.map((r) => [r.start, r.end] as const);
  const inInline = (pos: number) => inlineSpans.some(([a, b]) => pos >= a && pos < b);
  const sentences = statedSentences(text, (pos) => inSection(pos) || inInline(pos));
  const all = [...found, ...inline, ...sentences].sort((a, b) => a.start - b.start);
  const out: ExtractedRecommendation[] = [];
  for (const r of all) {
    const last = out[out.length - 1];
    if (last && r.start < last.end) continue;
    out.push(r);
  }
  return out;
}
