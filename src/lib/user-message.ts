/**
 * Errors as the user reads them: what is wrong and what to do in their words,
 * each problem listed, and the engine's or a worker's own words kept apart
 * for a "Technical details" disclosure.
 */

export interface UserMessage {
  message: string;
  problems: string[];
  /** What the engine, a worker or a reader said; shown only on request. */
  details: string | null;
}

/** Errors whose message was written for the user (they say which file, what is wrong, what to do). */
const WRITTEN_FOR_USERS = new Set(['FileProblem', 'WorkspaceFileError', 'InvalidRowsError', 'SaveProblem']);

/** `err` as a UserMessage; an error not written for users gets `fallback` as its message and its own words as details. */
export function userMessage(err: unknown, fallback: string): UserMessage {
  const e = err as { name?: unknown; message?: unknown; problems?: unknown; details?: unknown } | null;
  const raw = e && typeof e.message === 'string' ? e.message : String(err);
  if (e && typeof e.name === 'string' && WRITTEN_FOR_USERS.has(e.name)) {
    return {
      message: raw,
      problems: Array.isArray(e.problems) ? e.problems.map(String) : [],
      details: typeof e.details === 'string' && e.details ? e.details : null,
    };
  }
  return { message: fallback, problems: [], details: raw };
}
