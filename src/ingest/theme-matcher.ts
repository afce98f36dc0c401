/**
 * Maps a short learning phrase ("the voice of the child was not heard",
 * "information sharing between GP and school") to one theme id, using the
 * theme labels, descriptions and the tagger's lexicon phrases. Pure and
 * deterministic, so catalogue imports give the same tags everywhere.
 */

export interface MatcherTheme {
  id: string;
  label: string;
  description: string;
}

/** The part of data/themes/lexicon.json the matcher reads. */
export interface MatcherLexicon {
  themes: Record<string, { strong?: unknown; phrases?: unknown }>;
}

export interface ThemeMatch {
  themeId: string;
  score: number;
}

const STOP = new Set(
  'a an and are as at be been between by for from has have in into is it its lack of on or poor that the their them there this to was were what when where which who with within not no more better need needs'.split(' '),
);

/** A crude English stem: enough for plural and verb endings to meet. */
function stem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(?:ies)$/, 'y').replace(/(?:ing|ed|es|s)$/, '').replace(/(?:ion)$/, '');
}

/** Lower-case stemmed words of a text. */
export function phraseTokens(text: string): string[] {
  return text.toLowerCase().replace(/[’']/g, '').split(/[^a-z0-9]+/).filter(Boolean).map(stem);
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function containsRun(hay: readonly string[], needle: readonly string[]): boolean {
  if (!needle.length || needle.length > hay.length) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

interface Compiled {
  id: string;
  labelKey: string;
  cues: Array<{ tokens: string[]; weight: number }>;
  words: Set<string>;
}

const MIN_SCORE = 1;

/** Builds a matcher over the current themes; `match` returns null for phrases it cannot place. */
export function createThemeMatcher(themes: readonly MatcherTheme[], lexicon?: MatcherLexicon) {
  const compiled: Compiled[] = themes.map((t) => {
    const lex = lexicon?.themes[t.id];
    const cues = [
      { tokens: phraseTokens(t.label), weight: 3 },
      ...strings(lex?.strong).map((p) => ({ tokens: phraseTokens(p), weight: 2 })),
      ...strings(lex?.phrases).map((p) => ({ tokens: phraseTokens(p), weight: 1 })),
    ].filter((c) => c.tokens.length > 0);
    const words = new Set([...phraseTokens(t.label), ...phraseTokens(t.description)].filter((w) => !STOP.has(w) && w.length > 2));
    return { id: t.id, labelKey: phraseTokens(t.label).join(' '), cues, words };
  });

  function scoreOf(c: Compiled, tokens: string[]): number {
    let score = 0;
    for (const cue of c.cues) if (containsRun(tokens, cue.tokens)) score += cue.weight * Math.min(3, cue.tokens.length);
    // A little credit for description words, so paraphrases still land somewhere sensible.
    const content = tokens.filter((w) => !STOP.has(w) && w.length > 2);
    const shared = content.filter((w) => c.words.has(w)).length;
    return score + (content.length ? (0.9 * shared) / Math.sqrt(content.length) : 0);
  }

  return {
    match(phrase: string): ThemeMatch | null {
      const text = phrase.trim();
      if (!text) return null;
      const byId = compiled.find((c) => c.id === text.toLowerCase());
      if (byId) return { themeId: byId.id, score: 10 };
      const tokens = phraseTokens(text);
      const key = tokens.join(' ');
      const byLabel = compiled.find((c) => c.labelKey === key);
      if (byLabel) return { themeId: byLabel.id, score: 10 };
      let best: ThemeMatch | null = null;
      for (const c of compiled) {
        const score = scoreOf(c, tokens);
        if (score >= MIN_SCORE && (!best || score > best.score)) best = { themeId: c.id, score: Math.round(score * 100) / 100 };
      }
      return best;
    },
  };
}

export type ThemeMatcher = ReturnType<typeof createThemeMatcher>;

/** Splits a list cell or sentence ("a; b, c and d") into its items. */
export function splitList(text: string): string[] {
  return text
    .replace(/^\s*[[(]|[\])]\s*$/g, '')
    .split(/\s*(?:;|\||\n|•|,(?![^()]*\))|\band\b(?=[^,;]*$))\s*/)
    .map((s) => s.replace(/^["'\s-]+|["'.\s]+$/g, '').trim())
    .filter((s) => s.length > 0);
}
