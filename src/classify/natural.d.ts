// Types for the single natural files we deep-import. Never import 'natural' itself:
// its root entry pulls in Node-only code (see /work/shared/STACK.md).
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/util/stopwords' {
  export const words: string[];
}

declare module 'natural/lib/natural/tokenizers/regexp_tokenizer' {
  export class WordTokenizer {
    tokenize(text: string): string[];
  }
}

declare module 'natural/lib/natural/classifiers/bayes_classifier' {
  export default class BayesClassifier {
    addDocument(text: string | string[], label: string): void;
    train(): void;
    classify(text: string): string;
    getClassifications(text: string): Array<{ label: string; value: number }>;
  }
}

declare module 'natural/lib/natural/classifiers/logistic_regression_classifier' {
  export default class LogisticRegressionClassifier {
    addDocument(text: string | string[], label: string): void;
    train(): void;
    classify(text: string): string;
    getClassifications(text: string): Array<{ label: string; value: number }>;
  }
}
