/** The classify engine's public API (pure TypeScript: runs in a Web Worker and in Node). */
export type { Evidence } from './evidence.ts';
export type { TagResult, DocumentTags, DocumentCore } from './tagger.ts';
export type { TagBatch, BatchTag } from './tag-batch.ts';
export type { ThemeModel, ModelOptions } from './model.ts';
export type { Example, TrainOptions, Variant } from './train-model.ts';
export type { OutOfFold, OutOfFoldEntry } from './out-of-fold.ts';
export type { Sentence } from './sentences.ts';
export type { Passage } from './passages.ts';
export type { LexiconData, ThemeDef } from './lexicon-data.ts';
export { loadModel, MODEL_FORMAT, MODEL_VERSION } from './model.ts';
export { tagText, tagDocument, tagDocumentCore, scoreText } from './tagger.ts';
export { TagBatchWriter, batchBuffers, batchTags, batchTagResult } from './tag-batch.ts';
export { splitSentences } from './sentences.ts';
export { splitPassages, rollUpScore, DEFAULT_PASSAGE_CHARS } from './passages.ts';
export { trainModel, DEFAULT_MODEL_OPTIONS } from './train-model.ts';
export { parseLexicon, parseTaxonomy } from './lexicon-data.ts';
