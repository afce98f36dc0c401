/**
 * Phrase and pattern evidence for themes, with negation scoped to a short window.
 * Phrases match on stems through one trie shared by all themes (one pass per text).
 */
import type { LexiconData, ThemeDef } from './lexicon-data.ts';
import { isNegated } from './negation.ts';
import { stemPhrase, type Tokens } from './tokens.ts';

export interface LexiconHit {
  theme: number;
  weight: number;
  /** Character offsets of the matched words. */
  start: number;
  end: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** theme index → weight, for phrases ending here. */
  ends: Array<{ theme: number; weight: number }>;
}

interface CompiledPattern {
  re: RegExp;
  theme: number;
  weight: number;
}

export interface CompiledLexicon {
  root: TrieNode;
  patterns: CompiledPattern[];
  negatable: boolean[];
  window: number;
  immediate: string[][];
  before: string[][];
  after: string[][];
  breaks: Set<string>;
  themeCount: number;
}

// A word fragment before a phrase that flips it ("non-accidental" must not match "accidental").
const PREFIX_NEGATORS = new Set(['non', 'un']);

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
  const seqs = (list: string[]): string[][] => list.map(stemPhrase).filter((s) => s.length > 0);
  return {
    root,
    patterns,
    negatable: themes.map((t) => data.themes[t.id]?.negatable === true),
    window: data.negation.window,
    immediate: seqs(data.negation.immediate),
    before: seqs(data.negation.before),
    after: seqs(data.negation.after),
    breaks: new Set(data.negation.breaks.flatMap(stemPhrase)),
    themeCount: themes.length,
  };
}

function compilePattern(p: string | { re: string; weight?: number; caseSensitive?: boolean }, theme: number, weight: number): CompiledPattern {
  const spec = typeof p === 'string' ? { re: p } : p;
  try {
    return { re: new RegExp(spec.re, spec.caseSensitive ? 'g' : 'gi'), theme, weight: spec.weight ?? weight };
  } catch (e) {
    throw new Error(`Lexicon: bad pattern ${JSON.stringify(spec.re)}: ${(e as Error).message}`);
  }
}

/** All non-negated phrase and pattern hits in a text, longest phrase per theme and start. */
export function matchLexicon(lex: CompiledLexicon, tokens: Tokens, text: string): LexiconHit[] {
  const hits: LexiconHit[] = [];
  const coveredTo = new Int32Array(lex.themeCount).fill(-1);
  const { stems, starts, ends } = tokens;
  for (let i = 0; i < stems.length; i++) {
    let n: TrieNode | undefined = lex.root;
    const best = new Map<number, { weight: number; j: number }>();
    for (let j = i; j < stems.length && n; j++) {
      n = n.next.get(stems[j]!);
      if (n) for (const e of n.ends) best.set(e.theme, { weight: e.weight, j });
    }
    if (best.size === 0) continue;
    const prefixNegated = i > 0 && PREFIX_NEGATORS.has(stems[i - 1]!) && ends[i - 1]! >= starts[i]! - 1;
    for (const [theme, b] of best) {
      if (b.j <= coveredTo[theme]! || prefixNegated) continue;
      coveredTo[theme] = b.j;
      if (lex.negatable[theme] && isNegated(lex, tokens, text, i, b.j + 1)) continue;
      hits.push({ theme, weight: b.weight, start: starts[i]!, end: ends[b.j]! });
    }
  }
  for (const p of lex.patterns) matchPattern(lex, p, tokens, text, hits);
  return hits;
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
