/**
 * Tags of many texts in flat typed arrays: what the tagging worker sends back. Structured
 * clone of one object per text (31 scores, evidence records, passage copies) cost more than
 * the tagging itself; these arrays are transferred whole, and callers read what they store.
 */
import type { Evidence } from './evidence.ts';
import { compiledModel, type ThemeModel } from './model.ts';
import { tagDocumentCore, type TagResult } from './tagger.ts';

export interface TagBatch {
  /** Theme ids in model order: the score columns and the values of tagTheme. */
  themeIds: string[];
  /** Number of texts. */
  count: number;
  /** Passages tagged in all (a text counts at least one). */
  passages: number;
  /** count × themes: each text's rounded document score per theme. */
  scores: Float64Array;
  /** Text i's tagged themes are tagTheme[tagFrom[i]] … tagTheme[tagFrom[i + 1] - 1], best first. */
  tagFrom: Int32Array;
  tagTheme: Uint16Array;
  /** Tag k's evidence sentences are rows evidenceFrom[k] … evidenceFrom[k + 1] - 1, best first. */
  evidenceFrom: Int32Array;
  evidenceStart: Int32Array;
  evidenceEnd: Int32Array;
  evidenceWeight: Float64Array;
}

/** Tags texts one at a time into a TagBatch (tagDocument's results, without the per-passage detail). */
export class TagBatchWriter {
  private readonly T: number;
  private scores: Float64Array;
  private count = 0;
  private passageCount = 0;
  // Plain arrays while writing (each of one element kind), typed arrays at the end.
  private readonly tagFrom: number[] = [0];
  private readonly tagTheme: number[] = [];
  private readonly evidenceFrom: number[] = [0];
  private readonly evStart: number[] = [];
  private readonly evEnd: number[] = [];
  private readonly evWeight: number[] = [];

  constructor(private readonly model: ThemeModel, private readonly passageChars?: number, expected = 256) {
    this.T = compiledModel(model).T;
    this.scores = new Float64Array(Math.max(1, expected) * this.T);
  }

  /** Number of texts tagged so far. */
  get size(): number {
    return this.count;
  }

  /** Passages tagged so far. */
  get passages(): number {
    return this.passageCount;
  }

  /** Tags one text (as tagDocument would) and appends its tags. */
  add(text: string): void {
    const core = tagDocumentCore(this.model, text, this.passageChars);
    const T = this.T;
    if ((this.count + 1) * T > this.scores.length) {
      const grown = new Float64Array(this.scores.length * 2);
      grown.set(this.scores);
      this.scores = grown;
    }
    this.scores.set(core.scores, this.count * T);
    const { themes, evidenceFrom, evidenceStart, evidenceEnd, evidenceWeight } = core;
    for (let k = 0; k < themes.length; k++) {
      this.tagTheme.push(themes[k]!);
      for (let r = evidenceFrom[k]!; r < evidenceFrom[k + 1]!; r++) {
        this.evStart.push(evidenceStart[r]!);
        this.evEnd.push(evidenceEnd[r]!);
        this.evWeight.push(evidenceWeight[r]!);
      }
      this.evidenceFrom.push(this.evStart.length);
    }
    this.tagFrom.push(this.tagTheme.length);
    this.passageCount += Math.max(1, core.passages);
    this.count++;
  }

  /** The batch so far, in exactly-sized typed arrays of its own. */
  finish(): TagBatch {
    return {
      themeIds: compiledModel(this.model).ids.slice(),
      count: this.count,
      passages: this.passageCount,
      scores: this.scores.slice(0, this.count * this.T),
      tagFrom: Int32Array.from(this.tagFrom),
      tagTheme: Uint16Array.from(this.tagTheme),
      evidenceFrom: Int32Array.from(this.evidenceFrom),
      evidenceStart: Int32Array.from(this.evStart),
      evidenceEnd: Int32Array.from(this.evEnd),
      evidenceWeight: Float64Array.from(this.evWeight),
    };
  }
}

/** The typed arrays of a batch, for a postMessage transfer list. */
export function batchBuffers(b: TagBatch): ArrayBuffer[] {
  return [b.scores, b.tagFrom, b.tagTheme, b.evidenceFrom, b.evidenceStart, b.evidenceEnd, b.evidenceWeight].map((a) => a.buffer as ArrayBuffer);
}

/** One tag of a batch: theme id, document score and evidence offsets (into the tagged text), best first. */
export interface BatchTag {
  themeId: string;
  score: number;
  evidence: Array<{ start: number; end: number; weight: number }>;
}

/** Text i's tagged themes with their scores and evidence. */
export function batchTags(b: TagBatch, i: number): BatchTag[] {
  const T = b.themeIds.length;
  const out: BatchTag[] = [];
  for (let k = b.tagFrom[i]!; k < b.tagFrom[i + 1]!; k++) {
    const t = b.tagTheme[k]!;
    const evidence: BatchTag['evidence'] = [];
    for (let r = b.evidenceFrom[k]!; r < b.evidenceFrom[k + 1]!; r++) evidence.push({ start: b.evidenceStart[r]!, end: b.evidenceEnd[r]!, weight: b.evidenceWeight[r]! });
    out.push({ themeId: b.themeIds[t]!, score: b.scores[i * T + t]!, evidence });
  }
  return out;
}

/** Text i's tags as tagDocument returns them (no passages), given the text for evidence sentences. */
export function batchTagResult(b: TagBatch, i: number, text: string): TagResult {
  const T = b.themeIds.length;
  const scores: Record<string, number> = {};
  for (let t = 0; t < T; t++) scores[b.themeIds[t]!] = b.scores[i * T + t]!;
  const tags = batchTags(b, i);
  const evidence: Record<string, Evidence[]> = {};
  // Evidence keys in model order, as tagDocument has them.
  for (const tag of [...tags].sort((x, y) => b.themeIds.indexOf(x.themeId) - b.themeIds.indexOf(y.themeId))) {
    evidence[tag.themeId] = tag.evidence.map((e) => ({ text: text.slice(e.start, e.end), start: e.start, end: e.end, weight: e.weight }));
  }
  return { themes: tags.map((x) => x.themeId), scores, evidence };
}
