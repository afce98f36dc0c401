/** Multi-label and ranking metrics for the evaluation script. */

export interface ThemeStats {
  id: string;
  support: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  kappa: number;
}

export interface Summary {
  microF1: number;
  /** Pooled over every theme and document, as micro-F1 is. */
  microPrecision: number;
  microRecall: number;
  macroF1: number;
  perTheme: ThemeStats[];
  meanPredicted: number;
  meanGold: number;
}

const safe = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** Cohen's kappa for two binary raters given a 2×2 table. */
export function cohensKappa(tp: number, fp: number, fn: number, tn: number): number {
  const n = tp + fp + fn + tn;
  if (n === 0) return 0;
  const po = (tp + tn) / n;
  const pe = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n);
  return pe === 1 ? (po === 1 ? 1 : 0) : (po - pe) / (1 - pe);
}

/** Per-theme P/R/F1/κ, micro-F1 and macro-F1 (macro over themes with gold support). */
export function multiLabel(ids: string[], gold: string[][], predicted: string[][]): Summary {
  let TP = 0;
  let FP = 0;
  let FN = 0;
  const perTheme = ids.map((id) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    gold.forEach((g, i) => {
      const inG = g.includes(id);
      const inP = predicted[i]!.includes(id);
      if (inG && inP) tp++;
      else if (inP) fp++;
      else if (inG) fn++;
      else tn++;
    });
    TP += tp;
    FP += fp;
    FN += fn;
    const precision = safe(tp, tp + fp);
    const recall = safe(tp, tp + fn);
    return { id, support: tp + fn, tp, fp, fn, tn, precision, recall, f1: safe(2 * tp, 2 * tp + fp + fn), kappa: cohensKappa(tp, fp, fn, tn) };
  });
  const supported = perTheme.filter((s) => s.support > 0);
  const macroF1 = safe(supported.reduce((a, s) => a + s.f1, 0), supported.length);
  const meanPredicted = safe(predicted.reduce((a, p) => a + p.length, 0), predicted.length);
  const meanGold = safe(gold.reduce((a, g) => a + g.length, 0), gold.length);
  return { microF1: safe(2 * TP, 2 * TP + FP + FN), microPrecision: safe(TP, TP + FP), microRecall: safe(TP, TP + FN), macroF1, perTheme, meanPredicted, meanGold };
}

/** Share of documents whose (single) gold theme is within the first k of the ranking. */
export function topK(gold: string[][], ranked: string[][], k: number): number {
  return safe(gold.filter((g, i) => g.some((id) => ranked[i]!.slice(0, k).includes(id))).length, gold.length);
}
