/**
 * What a cancelled or failed tagging run leaves untagged, in words. Cancel
 * stops the whole queue, so imports waiting behind the running one are left
 * untagged too: the message counts every one of them, not only the import
 * that was being tagged when the user pressed Cancel.
 */
import { plural } from '../../lib/plural.ts';
import type { TagJob } from './run-import.ts';

/** One import's texts to tag, under the name the user knows it by (a file name, "catalogue text"). */
export interface QueuedImport {
  label: string;
  jobs: TagJob[];
}

/** "a", "a and b", "a, b and c". */
const andList = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** Every affected import's texts as one batch, for "Tag them now". */
export function mergeBatches(batches: readonly QueuedImport[]): QueuedImport {
  return { label: andList(batches.map((b) => b.label)), jobs: batches.flatMap((b) => b.jobs) };
}

/** Tagging that stopped because the user data it was for was deleted or replaced (a workspace deleted or imported meanwhile). */
export function replacedMessage(batches: readonly QueuedImport[]): string {
  return `Tagging stopped: your data was deleted or replaced while ${andList(batches.map((b) => b.label))} ${batches.length === 1 ? 'was' : 'were'} being tagged, so the imported entries and their tags are gone. Import the files again to tag them.`;
}

/**
 * "Tagging cancelled: 5,500 imported texts from 2 files were kept but not
 * tagged (a.csv: 5,000; b.csv: 500), including 1 import that was waiting."
 * `waiting`: batches that had not started when tagging stopped.
 */
export function stoppedMessage(batches: readonly QueuedImport[], waiting: number, failure: string | null): string {
  const texts = batches.reduce((n, b) => n + b.jobs.length, 0);
  const files = new Set(batches.flatMap((b) => b.jobs.map((j) => j.source))).size;
  const were = texts === 1 ? 'was' : 'were';
  const each = batches.length > 1 ? ` (${batches.map((b) => `${b.label}: ${plural(b.jobs.length, 'text')}`).join('; ')})` : '';
  const queued = waiting > 0 ? `, including ${plural(waiting, 'import')} that ${waiting === 1 ? 'was' : 'were'} waiting to be tagged` : '';
  const what = `${plural(texts, 'imported text')} from ${plural(files, 'file')} ${were} kept but not tagged${each}${queued}`;
  return failure === null ? `Tagging cancelled: ${what}.` : `Tagging failed: ${failure}. ${what[0]!.toUpperCase()}${what.slice(1)}.`;
}
