/** Tags imported text in the tagging worker and stores the model tags in one transaction. */
import { storeModelTags } from '../../workspace/changes.ts';
import type { StagedRows, WriteChange } from '../../workspace/write.ts';
import { IMPORT_PASSAGE_CHARS } from '../../ingest/document-records.ts';
import { tagRows } from '../../ingest/tag-rows.ts';
import type { TaggingClient } from '../../workers/tagging/tagging-client.ts';
import type { TaggingProgress } from '../../workers/tagging/protocol.ts';
import type { TagBatch } from '../../classify/index.ts';
import type { TagJob } from './run-import.ts';

export interface TagProgress {
  done: number;
  total: number;
  files: number;
  filesDone: number;
  elapsedMs: number;
  /** Estimated from the pace so far; null until the first chunk is done. */
  remainingMs: number | null;
  /** Once tagging is done: texts whose tags are stored so far (tags are stored in slices, so the page stays responsive). */
  stored?: number;
}

export interface TagOutcome {
  texts: number;
  tags: number;
  elapsedMs: number;
}

/**
 * Progress in files as well as texts. Built once per run (the last job of each
 * file, sorted), so each progress message costs a binary search, not a pass over
 * 100,000 jobs.
 */
function progressTracker(jobs: readonly TagJob[]) {
  const last = new Map<string, number>();
  jobs.forEach((j, i) => last.set(j.source, i));
  const ends = [...last.values()].sort((a, b) => a - b);
  const filesDoneBy = (done: number) => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! < done) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (p: TaggingProgress): TagProgress => ({
    done: p.done, total: p.total, files: ends.length, filesDone: filesDoneBy(p.done), elapsedMs: p.elapsedMs,
    remainingMs: p.done > 0 ? (p.elapsedMs / p.done) * (p.total - p.done) : null,
  });
}

/** Texts whose tag rows are built at a time (with the first of their staged batches, in one task): a few milliseconds. */
const STORE_SLICE = 500;

/** The batch's tags and evidence as rows, STORE_SLICE texts at a time. */
function* tagSlices(batch: TagBatch, jobs: readonly TagJob[], onSlice: (done: number) => void): Generator<StagedRows> {
  for (let from = 0; from < jobs.length; from += STORE_SLICE) {
    const to = Math.min(jobs.length, from + STORE_SLICE);
    const { tags, evidence } = tagRows(batch, jobs, 3, from, to);
    yield { theme_tags: tags, tag_evidence: evidence };
    onSlice(to);
  }
}

/** Tags every job; on cancel (AbortError) nothing is stored. */
export async function tagAndStore(
  change: WriteChange, client: TaggingClient, jobs: readonly TagJob[],
  options: { signal?: AbortSignal; onProgress?: (p: TagProgress) => void } = {},
): Promise<TagOutcome> {
  const started = performance.now();
  const progressOf = progressTracker(jobs);
  const { batch } = await client.tag(jobs.map((j, i) => ({ key: String(i), text: j.text })), {
    signal: options.signal, passageChars: IMPORT_PASSAGE_CHARS, onProgress: (p) => options.onProgress?.(progressOf(p)),
  });
  if (options.signal?.aborted) throw new DOMException('Tagging was cancelled.', 'AbortError');
  let tags = 0;
  const last = { done: jobs.length, total: jobs.length, passages: 0, elapsedMs: performance.now() - started };
  const slices = tagSlices(batch, jobs, (done) => options.onProgress?.({ ...progressOf(last), stored: done }));
  const counted = (function* () {
    for (const s of slices) (tags += s.theme_tags?.length ?? 0, yield s);
  })();
  await change(storeModelTags(jobs, counted, { signal: options.signal }));
  return { texts: jobs.length, tags, elapsedMs: performance.now() - started };
}
