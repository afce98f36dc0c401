/**
 * The one write path. Every change to the workspace (an import, tags from the
 * tagger, a correction, a theme edit, a restored or deleted workspace) is a
 * `Change` written the same way:
 *
 *   1. its rows are checked by the shared schema rules and staged as Arrow
 *      in the change's own staging tables (in batches of a few thousand rows,
 *      so encoding never holds the page for long); nothing stored has changed
 *      yet, and other changes may be staging at the same time;
 *   2. one transaction runs its statements, moves the staged rows in and
 *      refreshes the derived tables (REFRESH_DERIVED_SQL, once); these
 *      transactions take turns, in the order their changes finished staging;
 *   3. the staging tables are dropped.
 *
 * If anything fails, nothing is written and the workspace is as it was. The
 * caller (the app's `useWorkspaceChange`) then gives the data a new version
 * and schedules the save.
 */
import type { WriteRunner } from '../queries/runner.ts';
import { REFRESH_DERIVED_SQL } from '../queries/derived.ts';
import { dropTextIndex } from '../queries/text-index.ts';
import { createStageSql, dropStageSql, mergeStageSql, stageTables, stagedCountSql, storedCountSql, swapStageSql, type StageTables } from '../queries/staging.ts';
import { SerialQueue } from '../lib/serial-queue.ts';
import { layoutToArrowIPC } from '../schema/arrow.ts';
import { TABLE_NAMES } from '../schema/tables.ts';
import { WORKSPACE_TABLE_NAMES, type SavedTableName } from '../schema/workspace-tables.ts';
import { CHECKED_COLUMNS, checkRows, problemLines, type CheckedRows, type CheckedTableName, type ValueProblem } from '../ingest/validate/schema-rules.ts';

export type StagedRows = { [N in CheckedTableName]?: readonly CheckedRows[N][] };

/** Stored tables first (in load order), then the workspace-only ones. */
const STAGED_ORDER: readonly CheckedTableName[] = [...TABLE_NAMES, ...WORKSPACE_TABLE_NAMES];

/**
 * Rows per Arrow batch. Each batch is checked and encoded in one go on the page, so its size follows the
 * time the last one took, aiming at STAGE_TARGET_MS (garbage collection may add as much again): long review texts or a busy machine get smaller
 * batches, short tag rows bigger ones (a fixed 1,000 review rows held a loaded machine's page 0.2–0.5 s).
 */
const STAGE_FIRST = 500;
const STAGE_MIN = 50;
const STAGE_MAX = 2000;
const STAGE_TARGET_MS = 15;

/** The next batch size: scaled by how far the last batch's time was from the target, at most doubling or quartering. */
export function nextStageSize(size: number, spentMs: number): number {
  const factor = Math.min(2, Math.max(0.25, STAGE_TARGET_MS / Math.max(spentMs, 1)));
  return Math.round(Math.min(STAGE_MAX, Math.max(STAGE_MIN, size * factor)));
}

/** Most value problems listed to the user. */
const MAX_PROBLEMS = 20;

/** Values that cannot be stored; `problems` lists them ("reviews row 3, year: …"). */
export class InvalidRowsError extends Error {
  constructor(readonly problems: string[]) {
    super('Some values cannot be stored, so nothing was imported. Correct the values listed below in the file and import it again.');
    this.name = 'InvalidRowsError';
  }
}

export interface WriteProgress {
  /** Rows staged so far, over every table. */
  staged: number;
}

/** One change to the workspace: what to stage, and the statements of its transaction. */
export interface Change {
  /** Rows to store, checked and staged as Arrow; chunks may arrive one at a time (e.g. tags built in slices). */
  rows?: StagedRows | Iterable<StagedRows> | AsyncIterable<StagedRows>;
  /** Stages what comes as Arrow already (a saved workspace) and checks it; throws to change nothing. */
  stage?: (staging: Staging) => Promise<void>;
  /**
   * Statements run first in the transaction (clear old tags, edit a theme, delete an item); a function
   * when they read the change's staging tables.
   */
  before?: readonly string[] | ((stage: StageTables) => readonly string[]);
  /** How the staged tables move in; by default each replaces stored rows with the same key. */
  apply?: (staged: ReadonlySet<SavedTableName>, stage: StageTables) => readonly string[];
  /**
   * The change removes all user data first (a deleted or replaced workspace). A change that was still
   * staging when such a change was written stores nothing: its rows may belong to entries now gone.
   */
  replacesUserData?: boolean;
  /**
   * The change leaves every searchable text (reviews, briefings, passages) as it was: tags, corrections,
   * theme edits, action-plan statuses. The word index is then kept, not rebuilt (15 s of a core at x10).
   */
  keepsText?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: WriteProgress) => void;
}

/** Writes one change; what React calls it through is `useWorkspaceChange`. */
export type WriteChange = (change: Change) => Promise<void>;

/** Numbers changes for their staging names; unique while the page lives (staging tables are never saved). */
let changesStaged = 0;

/** The staging tables of one change. */
export class Staging {
  readonly tables = new Set<SavedTableName>();
  /** Rows staged from `rows` per table (what `stage` stages directly is not counted). */
  readonly rows = new Map<SavedTableName, number>();
  /** This change's staging table for each stored table. */
  readonly stage: StageTables = stageTables(++changesStaged);
  constructor(private readonly db: WriteRunner) {}

  /** Stages Arrow IPC stream bytes for one table (the staging table exists afterwards even when they hold no rows). */
  async arrow(name: SavedTableName, ipc: Uint8Array): Promise<void> {
    await this.open(name);
    await this.db.insertArrow(this.stage(name), ipc);
  }

  /** Rows staged so far in one table. */
  async count(name: SavedTableName): Promise<number> {
    const [row] = await this.query<{ n: number }>(stagedCountSql(this.stage, name));
    return row?.n ?? 0;
  }

  /** Reads what is staged (to check it before anything stored changes). */
  query<Row>(sql: string): Promise<Row[]> {
    return this.db.query<Row>(sql, { label: 'write.check' });
  }

  async open(name: SavedTableName): Promise<void> {
    if (this.tables.has(name)) return;
    await this.db.exec(createStageSql(this.stage, name));
    this.tables.add(name);
  }

  async drop(): Promise<void> {
    for (const name of this.tables) await this.db.exec(dropStageSql(this.stage, name)).catch(() => undefined /* best-effort cleanup */);
  }
}

function isChunks(rows: NonNullable<Change['rows']>): rows is Iterable<StagedRows> | AsyncIterable<StagedRows> {
  return Symbol.iterator in rows || Symbol.asyncIterator in rows;
}

/** Checks every chunk and stages it as Arrow; a bad value anywhere throws InvalidRowsError once all were checked. */
async function stageRows(staging: Staging, db: WriteRunner, change: Change): Promise<void> {
  const rows = change.rows!;
  const chunks = isChunks(rows) ? rows : [rows];
  const problems: ValueProblem[] = [];
  const seen: Partial<Record<CheckedTableName, number>> = {};
  const size = Object.fromEntries(STAGED_ORDER.map((n) => [n, STAGE_FIRST])) as Record<CheckedTableName, number>;
  let invalid = 0;
  let count = 0;
  for await (const chunk of chunks) {
    for (const name of STAGED_ORDER) {
      const list = chunk[name] as CheckedRows[typeof name][] | undefined;
      if (!list?.length) continue;
      await staging.open(name);
      for (let at = 0; at < list.length;) {
        change.signal?.throwIfAborted();
        const started = performance.now();
        const slice = list.slice(at, at + size[name]);
        at += slice.length;
        const offset = seen[name] ?? 0;
        const checked = checkRows(name, slice);
        invalid += checked.count;
        problems.push(...checked.problems.map((p) => ({ ...p, row: p.row + offset })).slice(0, Math.max(0, MAX_PROBLEMS - problems.length)));
        seen[name] = offset + slice.length;
        if (invalid) continue; // keep checking, stage nothing more: it will not be stored
        const ipc = layoutToArrowIPC(CHECKED_COLUMNS[name], slice);
        const spent = performance.now() - started;
        await db.insertArrow(staging.stage(name), ipc);
        staging.rows.set(name, (staging.rows.get(name) ?? 0) + slice.length);
        size[name] = nextStageSize(slice.length, spent);
        count += slice.length;
        change.onProgress?.({ staged: count });
      }
    }
  }
  if (invalid) throw new InvalidRowsError(problemLines(problems, invalid));
}

/** Staged rows from which a table may be swapped in rather than merged (below it, counting stored rows is not worth it). */
const SWAP_MIN_ROWS = 20_000;

/**
 * How each staged table moves in: merged by key, or, when more rows are staged than stored, swapped in with the
 * stored rows that stay copied to it (swapStageSql), so the bigger side is never copied.
 */
async function defaultMoves(db: WriteRunner, staging: Staging): Promise<string[]> {
  const moves: string[] = [];
  for (const name of STAGED_ORDER.filter((n) => staging.tables.has(n))) {
    const staged = staging.rows.get(name) ?? 0;
    const stored = staged >= SWAP_MIN_ROWS ? ((await db.query<{ n: number }>(storedCountSql(name), { label: 'write.count' }))[0]?.n ?? 0) : Infinity;
    moves.push(...(staged > stored ? swapStageSql(staging.stage, name) : mergeStageSql(staging.stage, name)));
  }
  return moves;
}

/** A statement without its trailing semicolons, to be joined into one transaction. */
const bare = (sql: string) => sql.trim().replace(/;+$/, '');

/**
 * Per database: the transactions waiting their turn, and how many changes so far replaced the user data.
 * Staging needs no turn (each change has its own tables); two transactions at once would interleave.
 */
interface Writes {
  commits: SerialQueue;
  replaced: number;
}
const writesOf = new WeakMap<WriteRunner, Writes>();

/** Stages, then writes everything in one transaction that ends by refreshing the derived tables. */
export async function writeChange(db: WriteRunner, change: Change): Promise<void> {
  let writes = writesOf.get(db);
  if (!writes) writesOf.set(db, (writes = { commits: new SerialQueue(), replaced: 0 }));
  const replacedBefore = writes.replaced;
  const staging = new Staging(db);
  try {
    if (change.rows) await stageRows(staging, db, change);
    await change.stage?.(staging);
    change.signal?.throwIfAborted();
    await writes.commits.run(async () => {
      // A change cancelled while it waited for the one before it stores nothing.
      change.signal?.throwIfAborted();
      if (writes.replaced !== replacedBefore && !change.replacesUserData) throw new UserDataReplacedError();
      const moves = change.apply ? change.apply(staging.tables, staging.stage) : await defaultMoves(db, staging);
      const before = typeof change.before === 'function' ? change.before(staging.stage) : (change.before ?? []);
      // The word index describes the texts before this change: no search may answer from it once they change.
      if (!change.keepsText) dropTextIndex();
      await db.transaction([...before, ...moves, REFRESH_DERIVED_SQL].map(bare).filter(Boolean));
      if (change.replacesUserData) writes.replaced += 1;
    });
  } finally {
    await staging.drop();
  }
}

/** A change prepared for user data that was deleted or replaced before it could be written. */
export class UserDataReplacedError extends Error {
  constructor() {
    super('Your workspace was replaced or deleted while this change was being prepared, so it was not stored.');
    this.name = 'UserDataReplacedError';
  }
}
