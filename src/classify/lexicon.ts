/**
 * Phrase and pattern evidence for themes, with negation scoped to a short window.
 * Phrases match on stems through one trie shared by all themes (one pass per text).
 */
import type { LexiconData, ThemeDef } from './lexicon-data.ts';
import { isNegated } from './negation.ts';
import { pairGet, pairTable, type PairTable } from './pair-table.ts';
import { isStopword, stemId, stemPhrase, type Tokens } from './tokens.ts';

export interface LexiconHit {
  theme: number;
  weight: number;
  /** True for a regular-expression pattern's hit (a phrase's otherwise). */
  pattern: boolean;
  /** Character offsets of the matched words. */
  start: number;
  end: number;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  /** theme index → weight, for phrases ending here. */
  ends: Array<{ theme: number; weight: number }>;
}

interface CompiledPattern {
  re: RegExp;
  theme: number;
  weight: number;
  /** Lower-case words one of which every match contains (empty: always run). */
  gate: string[];
  /**
   * Lower-case words one of which every match starts with (empty: not anchored). An anchored
   * pattern is tried (sticky) only at the text's words that start like one of them.
   */
  lead: string[];
  sticky: RegExp;
}

/**
 * The phrase trie flattened for matching: root node by stem id, children by (node, stem) in a
 * pair table, and each node's phrase ends (theme, weight) as a slice of flat arrays.
 */
interface FlatTrie {
  root: Int32Array;
  children: PairTable;
  endFrom: Int32Array;
  endTheme: Int32Array;
  endWeight: Float64Array;
}

export interface CompiledLexicon {
  trie: FlatTrie;
  patterns: CompiledPattern[];
  /** Unanchored pattern ids by the first 4 letters of their gate words; ungated patterns always run. */
  gateIndex: Map<number, number[]>;
  ungated: number[];
  /** Anchored pattern ids by the first 2–4 letters of their lead words. */
  leadIndex: Map<number, number[]>;
  /** Scratch: which patterns to run for the current text. */
  runScratch?: Uint8Array;
  /** Per word id: 1 + index into lists of the patterns the word may take part in (0: not yet known). */
  wordPatterns: { slot: Int32Array; lists: Int32Array[] };
  negatable: boolean[];
  window: number;
  /** Negation cues (stem sequences) indexed by their last stem (immediate, before) or first (after). */
  immediate: Map<number, number[][]>;
  before: Map<number, number[][]>;
  after: Map<number, number[][]>;
  breaks: Set<number>;
  /** 1 for stems that key a negation cue in immediate, before or after (a cheap pre-check). */
  cueStems: Uint8Array;
  /** Stems marking a sentence that states learning rather than case facts. */
  learningCues: Set<number>;
  /** The same as a flag per stem id (a typed-array read per word instead of a Set lookup). */
  learningFlags: Uint8Array;
  themeCount: number;
}

// A word fragment before a phrase that flips it ("non-accidental" must not match "accidental").
const PREFIX_NEGATORS = new Set(['non', 'un'].map(stemId));
const SUFFIXES = new Set(['ment', 'ments', 'ness', 'tion', 'tions', 'ings', 'ally', 'ised', 'ized']);

function node(): TrieNode {
  return { next: new Map(), ends: [] };
}

function addPhrase(root: TrieNode, phrase: string, theme: number, weight: number): void {
  const stems = stemPhrase(phrase);
  if (stems.length === 0) return;
  let n = root;
  for (const s of stems) {
    let child = n.next.get(s);
    if (!child) n.next.set(s, (child = node()));
    n = child;
  }
  const existing = n.ends.find((e) => e.theme === theme);
  if (existing) existing.weight = Math.max(existing.weight, weight);
  else n.ends.push({ theme, weight });
}

function flatten(root: TrieNode): FlatTrie {
  const nodes: TrieNode[] = [root];
  const pairs: Array<[number, number, number]> = [];
  let maxStem = 0;
  for (let k = 0; k < nodes.length; k++) {
    for (const [stem, child] of nodes[k]!.next) {
      pairs.push([k, stem, nodes.length]);
      nodes.push(child);
      if (k === 0) maxStem = Math.max(maxStem, stem);
    }
  }
  const rootIndex = new Int32Array(maxStem + 1).fill(-1);
  for (const [k, stem, child] of pairs) if (k === 0) rootIndex[stem] = child;
  const endFrom = new Int32Array(nodes.length + 1);
  nodes.forEach((n, k) => (endFrom[k + 1] = endFrom[k]! + n.ends.length));
  const ends = nodes.flatMap((n) => n.ends);
  return { root: rootIndex, children: pairTable(pairs), endFrom, endTheme: Int32Array.from(ends, (e) => e.theme), endWeight: Float64Array.from(ends, (e) => e.weight) };
}

/** Phrases taken from a theme's label, so user-added themes match their own name. */
export function labelPhrases(label: string): { whole: string; parts: string[] } {
  const parts = label
    .split(/,|\band\b|&|\//i)
    .map((p) => p.trim())
    .filter((p) => p.length >= 6 && p.toLowerCase() !== label.toLowerCase());
  return { whole: label, parts };
}

/** Compiles lexicon data for the given themes (ids not in the taxonomy are ignored). */
export function compileLexicon(data: LexiconData, themes: ThemeDef[]): CompiledLexicon {
  const root = node();
  const patterns: CompiledPattern[] = [];
  const w = data.weights;
  themes.forEach((t, i) => {
    const lex = data.themes[t.id] ?? {};
    const label = labelPhrases(t.label);
    addPhrase(root, label.whole, i, w.strong);
    for (const p of label.parts) addPhrase(root, p, i, w.phrases);
    for (const p of lex.strong ?? []) addPhrase(root, p, i, w.strong);
    for (const p of lex.phrases ?? []) addPhrase(root, p, i, w.phrases);
    for (const p of lex.weak ?? []) addPhrase(root, p, i, w.weak);
    for (const p of lex.patterns ?? []) patterns.push(compilePattern(p, i, w.patterns));
  });
  const seqs = (list: string[], byFirst = false): Map<number, number[][]> => {
    const m = new Map<number, number[][]>();
    for (const seq of list.map(stemPhrase).filter((x) => x.length > 0)) {
      const key = byFirst ? seq[0]! : seq[seq.length - 1]!;
      m.set(key, [...(m.get(key) ?? []), seq]);
    }
    return m;
  };
  const gateIndex = new Map<number, number[]>();
  const leadIndex = new Map<number, number[]>();
  patterns.forEach((p, k) => {
    if (p.lead.length > 0) {
      for (const key of new Set(p.lead.map((w) => prefixKey(w, 0, Math.min(4, w.length))))) leadIndex.set(key, [...(leadIndex.get(key) ?? []), k]);
      if (p.lead.some((w) => prefixKey(w, 0, Math.min(4, w.length)) < 0)) throw new Error(`Lexicon: pattern ${JSON.stringify(p.re.source)} opens with a word that is not plain letters`);
      return;
    }
    for (const key of new Set(p.gate.map((w) => prefixKey(w, 0)))) gateIndex.set(key, [...(gateIndex.get(key) ?? []), k]);
  });
  const immediate = seqs(data.negation.immediate);
  const before = seqs(data.negation.before);
  const after = seqs(data.negation.after, true);
  const cueKeys = [...immediate.keys(), ...before.keys(), ...after.keys()];
  const cueStems = new Uint8Array(Math.max(0, ...cueKeys) + 1);
  const learningCues = new Set((data.learningCues ?? []).flatMap(stemPhrase));
  const learningFlags = new Uint8Array(Math.max(0, ...learningCues) + 1);
  for (const k of learningCues) learningFlags[k] = 1;
  for (const k of cueKeys) cueStems[k] = 1;
  return {
    trie: flatten(root),
    cueStems,
    patterns,
    gateIndex,
    ungated: patterns.flatMap((p, k) => (p.gate.length === 0 && p.lead.length === 0 ? [k] : [])),
    leadIndex,
    wordPatterns: { slot: new Int32Array(0), lists: [] },
    negatable: themes.map((t) => data.themes[t.id]?.negatable === true),
    window: data.negation.window,
    immediate,
    before,
    after,
    breaks: new Set(data.negation.breaks.flatMap(stemPhrase)),
    learningCues,
    learningFlags,
    themeCount: themes.length,
  };
}

function compilePattern(p: string | { re: string; weight?: number; caseSensitive?: boolean }, theme: number, weight: number): CompiledPattern {
  const spec = typeof p === 'string' ? { re: p } : p;
  try {
    const flags = spec.caseSensitive ? '' : 'i';
    return { re: new RegExp(spec.re, flags + 'g'), sticky: new RegExp(spec.re, flags + 'y'), theme, weight: spec.weight ?? weight, gate: gateWords(spec.re), lead: leadWords(spec.re) };
  } catch (e) {
    throw new Error(`Lexicon: bad pattern ${JSON.stringify(spec.re)}: ${(e as Error).message}`);
  }
}

/**
 * Literal letter runs of a pattern: a match must contain at least one of them (all of a
 * pattern's required text is literals, alternations of literals, or classes we drop), so a
 * pattern none of whose words starts a word of the text need not run. Patterns are the slow
 * part of tagging; this gate skips most of them. (So a pattern's words should start at word
 * boundaries: "\\bassess(?:ed|ment)", not "[Aa]ssess".)
 */
export function gateWords(source: string): string[] {
  const stripped = source.replace(/\\./g, ' ').replace(/\[[^\]]*\]/g, ' ').replace(/\{[^}]*\}/g, ' ');
  // Stop words are dropped: they would open the gate for every text. A pattern is assumed to
  // need at least one content word (if it has none, the gate is empty and it always runs).
  // Runs under 4 letters are mostly suffix fragments ("ing", "ed") that would open every gate.
  const words = (stripped.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => !isStopword(w) && !SUFFIXES.has(w));
  return [...new Set(words)];
}

/**
 * The words a pattern's every match starts with: the pattern opens with \\b and then a literal
 * word or a required group of alternatives that each open with a literal word of 2+ letters or digits
 * ("\\b(?:mother|father|mum)[’']?s …" → mother, father, mum). Otherwise empty (not anchored).
 */
export function leadWords(source: string): string[] {
  // A leading lookbehind does not move the match start ("(?<=\\bat )\\bschool" starts at school).
  const body = source.startsWith('(?<=') ? source.slice(groupEnd(source, 0) + 1) : source;
  if (!body.startsWith('\\b')) return [];
  const rest = body.slice(2);
  const word = (alt: string): string | null => {
    const m = /^([A-Za-z0-9]{2,})(.?)/.exec(alt);
    if (!m) return null;
    // A quantifier after the run makes its last letter optional ("stepp?" → step).
    const run = /[?*{]/.test(m[2]!) ? m[1]!.slice(0, -1) : m[1]!;
    return run.length >= 2 ? run.toLowerCase() : null;
  };
  if (!rest.startsWith('(?:')) {
    const w = word(rest);
    return w ? [w] : [];
  }
  let depth = 0;
  let close = -1;
  const alts: string[] = [];
  let from = 3;
  for (let k = 0; k < rest.length && close < 0; k++) {
    const ch = rest[k];
    if (ch === '\\') k++;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) close = k;
    else if (ch === '|' && depth === 1) (alts.push(rest.slice(from, k)), (from = k + 1));
  }
  if (close < 0 || /^[?*]|^\{0/.test(rest.slice(close + 1))) return [];
  alts.push(rest.slice(from, close));
  const words = alts.map(word);
  return words.every((w): w is string => w !== null) ? [...new Set(words)] : [];
}

/** Index of the parenthesis closing the group opened at `open`, or -1. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  for (let k = open; k < source.length; k++) {
    const ch = source[k];
    if (ch === '\\') k++;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return k;
  }
  return -1;
}

/** All non-negated phrase and pattern hits in a text, longest phrase per theme and start. */
export function matchLexicon(lex: CompiledLexicon, tokens: Tokens, text: string): LexiconHit[] {
  const hits: LexiconHit[] = [];
  const { ids: stems, starts, ends, n: count0 } = tokens;
  const found = scratch(lex.themeCount);
  const coveredTo = found.coveredTo.fill(-1);
  const { root, children, endFrom, endTheme, endWeight } = lex.trie;
  for (let i = 0; i < count0; i++) {
    let n = stems[i]! < root.length ? root[stems[i]!]! : -1;
    if (n < 0) continue;
    // Longest phrase per theme starting at i, themes in first-seen order.
    let count = 0;
    for (let j = i; n >= 0; ) {
      for (let e = endFrom[n]!; e < endFrom[n + 1]!; e++) {
        const theme = endTheme[e]!;
        let slot = found.slot[theme]!;
        if (slot < 0) (slot = found.slot[theme] = count++), (found.theme[slot] = theme);
        found.weight[slot] = endWeight[e]!;
        found.last[slot] = j;
      }
      if (++j >= count0) break;
      n = pairGet(children, n, stems[j]!);
    }
    if (count === 0) continue;
    const prefixNegated = i > 0 && PREFIX_NEGATORS.has(stems[i - 1]!) && ends[i - 1]! >= starts[i]! - 1;
    for (let q = 0; q < count; q++) {
      const theme = found.theme[q]!;
      const j = found.last[q]!;
      found.slot[theme] = -1;
      if (j <= coveredTo[theme]! || prefixNegated) continue;
      coveredTo[theme] = j;
      if (lex.negatable[theme] && isNegated(lex, tokens, text, i, j + 1)) continue;
      hits.push({ theme, weight: found.weight[q]!, pattern: false, start: starts[i]!, end: ends[j]! });
    }
  }
  matchPatterns(lex, tokens, text, hits);
  return hits;
}

interface Found {
  coveredTo: Int32Array;
  slot: Int32Array;
  theme: Int32Array;
  last: Int32Array;
  weight: Float64Array;
}

let foundScratch: Found | null = null;

/** Per-theme scratch for one phrase start (slots are reset to -1 after each use). */
function scratch(T: number): Found {
  if (!foundScratch || foundScratch.slot.length < T) {
    foundScratch = { coveredTo: new Int32Array(T), slot: new Int32Array(T).fill(-1), theme: new Int32Array(T), last: new Int32Array(T), weight: new Float64Array(T) };
  }
  return foundScratch;
}

/**
 * Pattern hits in pattern order, each pattern's matches left to right and non-overlapping
 * (as a global regex finds them). Anchored patterns are tried only at words that start like
 * their lead words; the others run over the text when one of their gate words occurs.
 */
function matchPatterns(lex: CompiledLexicon, tokens: Tokens, text: string, hits: LexiconHit[]): void {
  if (lex.patterns.length === 0) return;
  // Per-lexicon scratch flags (tagging is synchronous), cleared as they are consumed below.
  const run = (lex.runScratch ??= new Uint8Array(lex.patterns.length));
  for (const k of lex.ungated) run[k] = 1;
  // Candidate (pattern, position) pairs as pattern · 2^32 + offset, sorted: pattern order, then text order.
  const cands: number[] = [];
  const { words } = tokens;
  for (let i = 0; i < tokens.n; i++) {
    // The per-word cache read inline (most words take part in no pattern).
    const w = words[i]!;
    const { slot, lists } = lex.wordPatterns;
    const cached = w >= 0 && w < slot.length ? slot[w]! : 0;
    const list = cached > 0 ? lists[cached - 1]! : patternsOfWord(lex, w, text, tokens.starts[i]!, tokens.ends[i]!);
    for (let q = 0; q < list.length; q++) {
      const k = list[q]!;
      run[k] = 1;
      if (lex.patterns[k]!.lead.length > 0) cands.push(k * 4294967296 + tokens.starts[i]!);
    }
  }
  // Insertion sort: a passage has a handful of candidates, nearly in order already.
  if (cands.length > 64) cands.sort((x, y) => x - y);
  else for (let a = 1; a < cands.length; a++) {
    const x = cands[a]!;
    let r = a;
    for (; r > 0 && cands[r - 1]! > x; r--) cands[r] = cands[r - 1]!;
    cands[r] = x;
  }
  let q = 0;
  for (let k = 0; k < run.length; k++) {
    if (!run[k]) continue;
    run[k] = 0;
    const p = lex.patterns[k]!;
    if (p.lead.length === 0) {
      matchPattern(lex, p, tokens, text, hits);
      continue;
    }
    let after = 0;
    for (; q < cands.length && cands[q]! < (k + 1) * 4294967296; q++) {
      const s = cands[q]! - k * 4294967296;
      if (s < after) continue;
      // test() leaves lastIndex at the match's end and allocates no match array.
      p.sticky.lastIndex = s;
      if (!p.sticky.test(text) || p.sticky.lastIndex === s) continue;
      after = p.sticky.lastIndex;
      pushPatternHit(lex, p, s, after, tokens, text, hits);
    }
  }
}

const NO_PATTERNS = new Int32Array(0);

/**
 * Patterns a word may take part in (ascending ids): anchored ones whose lead words it starts
 * like, gated ones whose gate words it starts like. Cached per word id, so a known word costs
 * one array read instead of several Map lookups.
 */
function patternsOfWord(lex: CompiledLexicon, wordId: number, text: string, start: number, end: number): Int32Array {
  const cache = lex.wordPatterns;
  if (wordId >= 0 && wordId < cache.slot.length && cache.slot[wordId]! > 0) return cache.lists[cache.slot[wordId]! - 1]!;
  const ids = new Set<number>();
  const len = Math.min(4, end - start);
  for (let l = 2; l <= len; l++) for (const k of lex.leadIndex.get(prefixKey(text, start, l)) ?? []) ids.add(k);
  if (end - start >= 4) for (const k of lex.gateIndex.get(prefixKey(text, start)) ?? []) ids.add(k);
  const list = ids.size === 0 ? NO_PATTERNS : Int32Array.from([...ids].sort((x, y) => x - y));
  if (wordId < 0) return list;
  if (wordId >= cache.slot.length) {
    const grown = new Int32Array(Math.max(1024, wordId * 2));
    grown.set(cache.slot);
    cache.slot = grown;
  }
  cache.lists.push(list);
  cache.slot[wordId] = cache.lists.length;
  return list;
}

/**
 * The first `len` (2–4) characters at `at` as one small integer (6 bits per letter or digit,
 * case-folded, plus the length): no string allocation per word, and a Smi Map key.
 * -1 when a character is not an ASCII letter or digit.
 */
function prefixKey(s: string, at: number, len = 4): number {
  let key = len;
  for (let k = 0; k < len; k++) {
    const c = s.charCodeAt(at + k);
    const v = c >= 97 && c <= 122 ? c - 96 : c >= 65 && c <= 90 ? c - 64 : c >= 48 && c <= 57 ? c - 21 : -1;
    if (v < 0) return -1;
    key = (key << 6) | v;
  }
  return key;
}

function matchPattern(lex: CompiledLexicon, p: CompiledPattern, tokens: Tokens, text: string, hits: LexiconHit[]): void {
  p.re.lastIndex = 0;
  for (let m = p.re.exec(text); m !== null; m = p.re.exec(text)) {
    if (m[0].length === 0) {
      p.re.lastIndex++;
      continue;
    }
    pushPatternHit(lex, p, m.index, m.index + m[0].length, tokens, text, hits);
  }
}

function pushPatternHit(lex: CompiledLexicon, p: CompiledPattern, start: number, end: number, tokens: Tokens, text: string, hits: LexiconHit[]): void {
  if (lex.negatable[p.theme] && p.weight > 0) {
    const i = firstTokenAt(tokens, start);
    const j = firstTokenAt(tokens, end);
    if (i < j && isNegated(lex, tokens, text, i, j)) return;
  }
  hits.push({ theme: p.theme, weight: p.weight, pattern: true, start, end });
}

function firstTokenAt(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
