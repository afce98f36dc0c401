/**
 * Agreement counted so that no judgment scores a model that learned from it.
 * - Expert-labelled entries: the model file's out-of-fold entries, i.e. the labels the model
 *   learned from against the tags of the fold model that left the entry out.
 * - The user's corrections: against the entry's out-of-fold tags when the model learned from it
 *   (a retrained tagger), otherwise against the tags in force, which a model that never saw the
 *   correction produced.
 * A briefing labelled with its single topic (partial) is judged on that topic only.
 */
import type { OutOfFold } from '../classify/index.ts';
import { agreement, type Agreement, type Confusion } from './metrics.ts';

/** One theme of one entry as the user judged it. */
export interface CorrectionCell {
  /** `<entity type>:<entity id>`, as in the model file's out-of-fold entries. */
  key: string;
  theme_id: string;
  /** The user says the theme applies. */
  truth: boolean;
  /** The tagger's tags in force include the theme. */
  tagged: boolean;
}

export type AgreementBasis = 'all' | 'corrections';

export interface ThemeAgreement extends Agreement {
  theme_id: string;
  /** Judgments that are the user's own corrections. */
  corrections: number;
}

export interface AgreementInput {
  outOfFold: OutOfFold | null | undefined;
  themeIds: readonly string[];
  /** Keys of the bundled expert-labelled entries in the data (others in the model file are ignored). */
  expertKeys: ReadonlySet<string>;
  corrections: readonly CorrectionCell[];
  basis: AgreementBasis;
}

const empty = (): Confusion & { corrections: number } => ({ tp: 0, fp: 0, fn: 0, tn: 0, corrections: 0 });

function add(c: Confusion, truth: boolean, predicted: boolean): void {
  if (truth && predicted) c.tp++;
  else if (predicted) c.fp++;
  else if (truth) c.fn++;
  else c.tn++;
}

/** Per theme (in `themeIds` order): out-of-fold agreement with the expert labels and/or the user's corrections. */
export function outOfFoldAgreement({ outOfFold, themeIds, expertKeys, corrections, basis }: AgreementInput): ThemeAgreement[] {
  const counts = new Map(themeIds.map((id) => [id, empty()]));
  const oofTags = new Map((outOfFold?.entries ?? []).map((e) => [e.key, new Set(e.themes)]));
  const corrected = new Set(corrections.map((c) => `${c.key}|${c.theme_id}`));
  if (basis === 'all') {
    for (const e of outOfFold?.entries ?? []) {
      if (!expertKeys.has(e.key)) continue;
      const tags = oofTags.get(e.key)!;
      for (const t of e.partial ? e.gold : themeIds) {
        const c = counts.get(t);
        if (c && !corrected.has(`${e.key}|${t}`)) add(c, e.gold.includes(t), tags.has(t));
      }
    }
  }
  for (const cell of corrections) {
    const c = counts.get(cell.theme_id);
    if (!c) continue;
    const oof = oofTags.get(cell.key);
    add(c, cell.truth, oof ? oof.has(cell.theme_id) : cell.tagged);
    c.corrections++;
  }
  return themeIds.map((id) => {
    const c = counts.get(id)!;
    return { theme_id: id, ...agreement(c), corrections: c.corrections };
  });
}

export interface OverallScore {
  /** Judgments behind the figures. */
  n: number;
  precision: number | null;
  recall: number | null;
  microF1: number | null;
  /** Mean F1 over themes people said apply at least once. */
  macroF1: number | null;
}

/** Micro precision, recall, F1 and macro F1 over every theme's judgments. */
export function overallScore(rows: readonly Agreement[]): OverallScore {
  const sum = (k: 'tp' | 'fp' | 'fn' | 'n') => rows.reduce((s, r) => s + r[k], 0);
  const [tp, fp, fn, n] = [sum('tp'), sum('fp'), sum('fn'), sum('n')];
  const f1 = (a: number, b: number, c: number) => (a + b + c === 0 ? null : (2 * a) / (2 * a + b + c));
  const withPositives = rows.filter((r) => r.tp + r.fn > 0);
  return {
    n,
    precision: tp + fp ? tp / (tp + fp) : null,
    recall: tp + fn ? tp / (tp + fn) : null,
    microF1: f1(tp, fp, fn),
    macroF1: withPositives.length ? withPositives.reduce((s, r) => s + (f1(r.tp, r.fp, r.fn) ?? 0), 0) / withPositives.length : null,
  };
}
