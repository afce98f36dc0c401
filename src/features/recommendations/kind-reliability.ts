/** How far each kind can be trusted, from the model's k-fold figures, in the words the agreement view uses for themes. */
import type { KindModel } from '../../recommendations/kind-model.ts';
import type { RecommendationKind } from '../../recommendations/kinds.ts';

export interface KindReliabilityNote {
  verdict: 'Usually right' | 'Check' | 'Take care' | 'Too few';
  /** e.g. "F1 0.72 over 31 labelled examples (5-fold)". */
  detail: string;
}

export function kindReliability(model: KindModel, kind: RecommendationKind): KindReliabilityNote {
  const e = model.evaluation;
  const r = e?.perKind[kind];
  if (!e || !r || r.support < 5) return { verdict: 'Too few', detail: `only ${r?.support ?? 0} labelled examples` };
  const verdict = r.f1 >= 0.7 ? 'Usually right' : r.f1 >= 0.5 ? 'Check' : 'Take care';
  const draws = e.repeats && e.repeats > 1 ? `, ${e.repeats} fold draws pooled` : '';
  return { verdict, detail: `F1 ${r.f1.toFixed(2)} over ${r.support} labelled examples (${e.folds}-fold by review${draws})` };
}
