/**
 * Phrase and pattern evidence for themes, with negation scoped to a short window.
 * Phrases match on stems through one trie shared by all themes (one pass per text).
 */
import type { LexiconData, ThemeDef } from './lexicon-data.ts';
import { isNegated } from './negation.ts';
import { isStopword, stemId, stemPhrase, type Tokens } from './tokens.ts';

export interface LexiconHit {
  theme: number;
  weight: number;
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
}

export interface CompiledLexicon {
  root: TrieNode;
  patterns: CompiledPattern[];
  /** Pattern ids by the first 4 letters of their gate words; ungated patterns always run. */
  gateIndex: Map<number, number[]>;
  ungated: number[];
  negatable: boolean[];
  window: number;
  /** Negation cues (stem sequences) indexed by their last stem (immediate, before) or first (after). */
  immediate: Map<number, number[][]>;
  before: Map<number, number[][]>;
  after: Map<number, number[][]>;
  breaks: Set<number>;
  /** Stems marking a sentence that states learning rather than case facts. */
  learningCues: Set<number>;
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
  patterns.forEach((p, k) => {
    for (const key of new Set(p.gate.map((w) => prefixKey(w, 0)))) gateIndex.set(key, [...(gateIndex.get(key) ?? []), k]);
  });
  return {
    root,
    patterns,
    gateIndex,
    ungated: patterns.flatMap((p, k) => (p.gate.length === 0 ? [k] : [])),
    negatable: themes.map((t) => data.themes[t.id]?.negatable === true),
    window: data.negation.window,
    immediate: seqs(data.negation.immediate),
    before: seqs(data.negation.before),
    after: seqs(data.negation.after, true),
    breaks: new Set(data.negation.breaks.flatMap(stemPhrase)),
    learningCues: new Set((data.learningCues ?? []).flatMap(stemPhrase)),
    themeCount: themes.length,
  };
}

function compilePattern(p: string | { re: string; weight?: number; caseSensitive?: boolean }, theme: number, weight: number): CompiledPattern {
  const spec = typeof p === 'string' ? { re: p } : p;
  try {
    return { re: new RegExp(spec.re, spec.caseSensitive ? 'g' : 'gi'), theme, weight: spec.weight ?? weight, gate: gateWords(spec.re) };
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

/** All non-negated phrase and pattern hits in a text, longest phrase per theme and start. */
export function matchLexicon(lex: CompiledLexicon, tokens: Tokens, text: string): LexiconHit[] {
  const hits: LexiconHit[] = [];
  const coveredTo = new Int32Array(lex.themeCount).fill(-1);
  const { ids: stems, starts, ends } = tokens;
  for (let i = 0; i < stems.length; i++) {
    let n: TrieNode | undefined = lex.root.next.get(stems[i]!);
    if (!n) continue;
    let best: Map<number, { weight: number; j: number }> | null = null;
    for (let j = i; n; ) {
      for (const e of n.ends) (best ??= new Map()).set(e.theme, { weight: e.weight, j });
      if (++j >= stems.length) break;
      n = n.next.get(stems[j]!);
    }
    if (!best) continue;
    const prefixNegated = i > 0 && PREFIX_NEGATORS.has(stems[i - 1]!) && ends[i - 1]! >= starts[i]! - 1;
    for (const [theme, b] of best) {
      if (b.j <= coveredTo[theme]! || prefixNegated) continue;
      coveredTo[theme] = b.j;
      if (lex.negatable[theme] && isNegated(lex, tokens, text, i, b.j + 1)) continue;
      hits.push({ theme, weight: b.weight, start: starts[i]!, end: ends[b.j]! });
    }
  }
  for (const k of patternsToRun(lex, tokens, text)) matchPattern(lex, lex.patterns[k]!, tokens, text, hits);
  return hits;
}

/**
 * Patterns whose gate words could occur: a gate word starts a word of the text, so the
 * text's words are looked up by their first 4 letters.
 */
function patternsToRun(lex: CompiledLexicon, tokens: Tokens, text: string): number[] {
  if (lex.patterns.length === 0) return [];
  const run = new Uint8Array(lex.patterns.length);
  for (const k of lex.ungated) run[k] = 1;
  for (let i = 0; i < tokens.starts.length; i++) {
    if (tokens.ends[i]! - tokens.starts[i]! < 4) continue;
    const ids = lex.gateIndex.get(prefixKey(text, tokens.starts[i]!));
    if (ids) for (const k of ids) run[k] = 1;
  }
  const out: number[] = [];
  run.forEach((v, k) => v && out.push(k));
  return out;
}

/** The first 4 characters at `at`, lower-cased (ASCII), as one number: no string allocation per word. */
function prefixKey(s: string, at: number): number {
  let key = 0;
  for (let k = 0; k < 4; k++) {
    const c = s.charCodeAt(at + k);
    key = key * 65536 + (c >= 65 && c <= 90 ? c + 32 : c);
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
    const start = m.index;
    const end = start + m[0].length;
    if (lex.negatable[p.theme] && p.weight > 0) {
      const i = firstTokenAt(tokens, start);
      const j = firstTokenAt(tokens, end);
      if (i < j && isNegated(lex, tokens, text, i, j)) continue;
    }
    hits.push({ theme: p.theme, weight: p.weight, start, end });
  }
}

function firstTokenAt(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
