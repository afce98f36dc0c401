/** Reference classifiers printed next to ours by the evaluation script. */
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier';
import LogisticRegressionClassifier from 'natural/lib/natural/classifiers/logistic_regression_classifier';
import type { ThemeDef } from '../../src/classify/index.ts';

export interface Predictor {
  /** Themes predicted for a text. */
  predict(text: string): string[];
  /** All themes, best first (for top-k), as far as the method ranks them. */
  rank(text: string): string[];
}

/** (a) Literal, case-insensitive matching of theme labels in the text (ranked by first occurrence). */
export function literalLabels(themes: ThemeDef[]): Predictor {
  const rank = (text: string): string[] => {
    const lower = text.toLowerCase();
    return themes
      .map((t) => ({ id: t.id, at: lower.indexOf(t.label.toLowerCase()) }))
      .filter((x) => x.at >= 0)
      .sort((a, b) => a.at - b.at)
      .map((x) => x.id);
  };
  return { predict: rank, rank };
}

type NaturalClassifier = {
  addDocument(text: string, label: string): void;
  train(): void;
  getClassifications(text: string): Array<{ label: string; value: number }>;
};

function naturalPredictor(clf: NaturalClassifier, docs: Array<{ text: string; gold: string[] }>, top: number): Predictor {
  for (const d of docs) for (const g of d.gold) clf.addDocument(d.text, g);
  clf.train();
  const rank = (text: string): string[] => clf.getClassifications(text).map((c) => c.label);
  return { predict: (text) => rank(text).slice(0, top), rank };
}

/** (b) natural's BayesClassifier out of the box: one document per gold theme, predict the top 3. */
export function naturalBayes(docs: Array<{ text: string; gold: string[] }>): Predictor {
  return naturalPredictor(new BayesClassifier() as NaturalClassifier, docs, 3);
}

/** natural's LogisticRegressionClassifier, same protocol (slow: seconds to minutes to train). */
export function naturalLogistic(docs: Array<{ text: string; gold: string[] }>): Predictor {
  return naturalPredictor(new LogisticRegressionClassifier() as NaturalClassifier, docs, 3);
}
