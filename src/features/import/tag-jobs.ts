/** Tags imported text in the tagging worker and stores the model tags in one transaction. */
import type { WriteRunner } from '../../queries/runner.ts';
import { commitRows } from '../../ingest/commit.ts';
import { IMPORT_PASSAGE_CHARS } from '../../ingest/document-records.ts';
import { tagRows } from '../../ingest/tag-rows.ts';
import { clearModelTagsSql } from '../../queries/import.ts';
import type { TaggingClient } from '../../workers/tagging/tagging-client.ts';
import type { TaggingProgress } from '../../workers/tagging/protocol.ts';
import type { TagJob } from './run-import.ts';

export interface TagProgress {
  done: number;
  total: number;
  files: number;
  filesDone: number;
  elapsedMs: number;
  /** Estimated from the pace so far; null until the first chunk is done. */
  remainingMs: number | null;
}

export interface TagOutcome {
  texts: number;
  tags: number;
  elapsedMs: number;
}

function progressOf(jobs: readonly TagJob[], p: TaggingProgress): TagProgress {
  const files = new Set(jobs.map((j) => j.source));
  const pending = new Set(jobs.slice(p.done).map((j) => j.source));
  return {
    done: p.done, total: p.total, files: files.size, filesDone: files.size - pending.size, elapsedMs: p.elapsedMs,
    remainingMs: p.done > 0 ? (p.elapsedMs / p.done) * (p.total - p.done) : null,
  };
}

/** Tags every job; on cancel (AbortError) nothing is stored. */
export async function tagAndStore(
  db: WriteRunner, client: TaggingClient, jobs: readonly TagJob[],
  options: { signal?: AbortSignal; onProgress?: (p: TagProgress) => void } = {},
): Promise<TagOutcome> {
  const started = performance.now();
  const { batch } = await client.tag(jobs.map((j, i) => ({ key: String(i), text: j.text })), {
    signal: options.signal, passageChars: IMPORT_PASSAGE_CHARS, onProgress: (p) => options.onProgress?.(progressOf(jobs, p)),
  });
  if (options.signal?.aborted) throw new DOMException('Tagging was cancelled.', 'AbortError');
  const { tags, evidence } = tagRows(batch, jobs);
  const clear = (['review', 'briefing', 'passage'] as const).flatMap((t) => clearModelTagsSql(t, jobs.filter((j) => j.entity_type === t).map((j) => j.entity_id)));
  await commitRows(db, { theme_tags: tags, tag_evidence: evidence }, clear);
  return { texts: jobs.length, tags: tags.length, elapsedMs: performance.now() - started };
}
