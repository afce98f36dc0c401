/** The lexicon as data (data/themes/lexicon.json) and its validation. */

export interface PatternSpec {
  re: string;
  weight?: number;
  caseSensitive?: boolean;
}

export interface ThemeLexicon {
  negatable?: boolean;
  strong?: string[];
  phrases?: string[];
  weak?: string[];
  patterns?: Array<string | PatternSpec>;
}

export interface NegationSpec {
  window: number;
  immediate: string[];
  before: string[];
  after: string[];
  breaks: string[];
}

export interface LexiconData {
  version: number;
  weights: { strong: number; phrases: number; weak: number; patterns: number };
  negation: NegationSpec;
  /** Words marking a sentence that states learning ("found", "should", "lessons"); hits there weigh more. */
  learningCues?: string[];
  themes: Record<string, ThemeLexicon>;
}

export interface ThemeDef {
  id: string;
  label: string;
  group: string;
  description: string;
}

const DEFAULT_WEIGHTS = { strong: 2, phrases: 1, weak: 0.35, patterns: 1 };
const DEFAULT_NEGATION: NegationSpec = { window: 5, immediate: ['no', 'not', 'never', 'without'], before: [], after: [], breaks: ['but', 'however'] };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validates lexicon JSON; a missing or partial lexicon falls back to defaults (labels still match). */
export function parseLexicon(json: unknown): LexiconData {
  if (json === undefined || json === null) return { version: 1, weights: DEFAULT_WEIGHTS, negation: DEFAULT_NEGATION, themes: {} };
  if (!isRecord(json) || !isRecord(json.themes)) throw new Error('Lexicon: expected an object with a "themes" object keyed by theme id');
  const weights = { ...DEFAULT_WEIGHTS, ...(isRecord(json.weights) ? (json.weights as Partial<typeof DEFAULT_WEIGHTS>) : {}) };
  const negation = { ...DEFAULT_NEGATION, ...(isRecord(json.negation) ? (json.negation as Partial<NegationSpec>) : {}) };
  for (const [id, t] of Object.entries(json.themes)) {
    if (!isRecord(t)) throw new Error(`Lexicon: theme "${id}" must be an object`);
    for (const key of ['strong', 'phrases', 'weak', 'patterns'] as const) {
      if (t[key] !== undefined && !Array.isArray(t[key])) throw new Error(`Lexicon: theme "${id}".${key} must be an array`);
    }
  }
  const learningCues = Array.isArray(json.learningCues) ? json.learningCues.map(String) : [];
  return { version: Number(json.version ?? 1), weights, negation, learningCues, themes: json.themes as Record<string, ThemeLexicon> };
}

/** Validates taxonomy JSON ({themes: [{id, label, group?, description?}]}). */
export function parseTaxonomy(json: unknown): ThemeDef[] {
  if (!isRecord(json) || !Array.isArray(json.themes)) throw new Error('Taxonomy: expected an object with a "themes" array');
  const seen = new Set<string>();
  return json.themes.map((t: unknown, i: number) => {
    if (!isRecord(t) || typeof t.id !== 'string' || t.id === '') throw new Error(`Taxonomy: theme #${i} has no string id`);
    if (seen.has(t.id)) throw new Error(`Taxonomy: duplicate theme id "${t.id}"`);
    seen.add(t.id);
    const label = typeof t.label === 'string' ? t.label : t.id;
    return { id: t.id, label, group: String(t.group ?? ''), description: String(t.description ?? '') };
  });
}
