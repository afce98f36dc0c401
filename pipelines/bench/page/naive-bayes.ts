/** The naive way to tag: natural's BayesClassifier trained on the labelled cases, one passage at a time on the main thread. */
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier';

/** Trains a classifier with one document per gold theme (natural's classifiers are single-label). */
export function naiveBayes(training: Array<{ text: string; gold: string[] }>): { classify(text: string): string[]; trainMs: number } {
  const started = performance.now();
  const clf = new BayesClassifier();
  for (const d of training) for (const g of d.gold) clf.addDocument(d.text, g);
  clf.train();
  const trainMs = performance.now() - started;
  return { classify: (text) => clf.getClassifications(text).slice(0, 3).map((c) => c.label), trainMs };
}
