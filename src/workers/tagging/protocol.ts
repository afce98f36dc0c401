/**
 * Messages between the app and the tagging worker. Every request carries an id;
 * the worker answers with progress events and one result or error for that id.
 * Errors cross as plain data and are rebuilt on the app side.
 */
import type { TagBatch } from '../../classify/index.ts';
import type { LexiconData, ThemeDef } from '../../classify/lexicon-data.ts';
import type { ThemeModel } from '../../classify/model.ts';

export interface TagItem {
  /** The caller's key for the item (e.g. an entity id). */
  key: string;
  text: string;
}

export interface TrainingExample {
  text: string;
  gold: string[];
  /** Only the listed themes are known (see src/classify/labels.ts). */
  partial?: boolean;
  /** `<entity type>:<entity id>` of a judged entry: the new model keeps its out-of-fold tags. */
  key?: string;
}

/** The theme set a model is trained for (the shape of data/themes/taxonomy.json). */
export interface Taxonomy {
  themes: ThemeDef[];
}

export type TaggingRequest =
  | { id: number; type: 'load-model'; url: string }
  /** Only the texts cross to the worker (keys stay with the caller; results come back in order). */
  /**
   * `total`, when more than `texts.length`, says the rest follow in 'tag-texts' messages: the page sends
   * 100,000 texts a few thousand at a time, as copying them all in one message holds it for a second.
   */
  | { id: number; type: 'tag'; texts: string[]; passageChars?: number; total?: number }
  /** More texts for the 'tag' request `target` (no reply of its own). */
  | { id: number; type: 'tag-texts'; target: number; texts: string[] }
  | { id: number; type: 'retrain'; examples: TrainingExample[]; taxonomy: Taxonomy; lexicon: LexiconData }
  /** Uses a model the app already holds (e.g. a retrained one kept with the workspace); the worker validates it. */
  | { id: number; type: 'use-model'; model: ThemeModel }
  | { id: number; type: 'cancel'; target: number };

export interface TaggingProgress {
  done: number;
  total: number;
  passages: number;
  elapsedMs: number;
}

export interface SerializedError {
  name: string;
  message: string;
}

export type TaggingResponse =
  | { id: number; type: 'progress'; progress: TaggingProgress }
  | { id: number; type: 'model-loaded'; version: string; themes: number }
  /** The batch's typed arrays are transferred, not copied. */
  | { id: number; type: 'tagged'; batch: TagBatch; elapsedMs: number }
  | { id: number; type: 'retrained'; version: string; elapsedMs: number; model: ThemeModel }
  | { id: number; type: 'error'; error: SerializedError };

/** The reply each request type gets (besides progress and error), as in duckdb-wasm's WorkerTask. */
export interface TaggingReplies {
  'load-model': 'model-loaded';
  tag: 'tagged';
  retrain: 'retrained';
  'use-model': 'model-loaded';
}

/** The reply message to a request of type `T`. */
export type ReplyTo<T extends keyof TaggingReplies> = Extract<TaggingResponse, { type: TaggingReplies[T] }>;
