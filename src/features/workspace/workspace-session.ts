/**
 * The workspace as features use it: autosave after each data change, export,
 * import, delete, and the retrained model. The storage functions come from
 * src/workspace (injected by DatabaseProvider), so features never touch the database layer.
 */
import type { QueryRunner, WriteRunner } from '../../queries/runner.ts';
import type { WorkspaceFiles, WorkspaceManifest } from '../../workspace/archive.ts';
import type { StorageUsage } from '../../workspace/opfs-storage.ts';
import { packModels, unpackModels } from './model-files.ts';

export interface WorkspaceBackend {
  collect(db: QueryRunner, model: Uint8Array | null): Promise<WorkspaceFiles>;
  /** Collects and writes the workspace a table at a time (an empty one removes the saved files); returns what was saved. */
  save(db: QueryRunner, model: Uint8Array | null): Promise<WorkspaceManifest>;
  apply(db: WriteRunner, files: WorkspaceFiles, options: { replace: boolean }): Promise<void>;
  deleteUserData(db: WriteRunner): Promise<void>;
  read(): Promise<WorkspaceFiles | null>;
  write(files: WorkspaceFiles): Promise<void>;
  clear(): Promise<void>;
  usage(): Promise<StorageUsage>;
  persist(): Promise<boolean>;
  pack(files: WorkspaceFiles): Promise<Uint8Array>;
  unpack(bytes: Uint8Array, fileName: string): Promise<WorkspaceFiles>;
}

export interface SaveState {
  kind: 'idle' | 'saving' | 'saved' | 'error';
  at: string | null;
  message: string | null;
  /** The browser's own words for a failed save, for "Technical details". */
  details?: string | null;
}

/** Why a save failed, in the user's words, with what to do. */
export function saveFailureMessage(err: unknown): string {
  const e = err as { name?: string; message?: string } | null;
  const full = e?.name === 'QuotaExceededError' || /quota/i.test(e?.message ?? '');
  const why = full
    ? 'this browser has no room left for it (the storage it allows this site is full)'
    : 'the browser refused to write it';
  return `Your latest changes are not saved in this browser: ${why}. They stay usable until you close this tab. To keep them, export your workspace now (Your data → Export workspace); to make room, free disk space or delete an earlier import, and the next change will save everything.`;
}

const SAVE_DELAY_MS = 300;
const hasUserRows = (manifest: WorkspaceManifest, model: Uint8Array | null) => !!model || Object.values(manifest.tables).some((t) => t && t.rows > 0);

export class WorkspaceSession {
  private state: SaveState = { kind: 'idle', at: null, message: null };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> = Promise.resolve();
  /** Callers waiting for the next save to finish (see whenSaved). */
  private waiting: ((state: SaveState) => void)[] = [];
  /** The retrained model in use (JSON bytes), kept with the workspace; null = the bundled model. */
  model: Uint8Array | null = null;
  /** The model the last retrain replaced (null with hasPreviousModel = the bundled model), kept until the next retrain. */
  previousModel: Uint8Array | null = null;
  hasPreviousModel = false;
  /** A problem met while restoring at start (the app still opens on the bundled data). */
  restoreProblem: string | null = null;

  constructor(private readonly db: WriteRunner, private readonly backend: WorkspaceBackend) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getState = () => this.state;

  private set(next: SaveState) {
    this.state = next;
    this.listeners.forEach((l) => l());
  }

  /** Restores what this browser saved; problems are kept for the workspace page instead of stopping the app. */
  async restore(): Promise<WorkspaceManifest | null> {
    try {
      const files = await this.backend.read();
      if (!files) return null;
      await this.backend.apply(this.db, files, { replace: false });
      this.takeModels(files.model);
      this.set({ kind: 'saved', at: files.manifest.savedAt, message: null });
      return files.manifest;
    } catch (err) {
      this.restoreProblem = `Your saved workspace could not be restored: ${err instanceof Error ? err.message : String(err)} The saved files are kept until the next change; export them from a browser where they load, or delete them.`;
      return null;
    }
  }

  /** Saves soon (coalescing bursts of changes). */
  scheduleSave(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.saveNow(), SAVE_DELAY_MS);
  }

  /** Saves now, after any save in progress; an empty workspace removes the saved files. */
  saveNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.saving = this.saving.then(async () => {
      const waiters = this.waiting.splice(0);
      this.set({ ...this.state, kind: 'saving' });
      try {
        const model = this.modelBytes();
        const manifest = await this.backend.save(this.db, model);
        if (hasUserRows(manifest, model)) void this.backend.persist();
        this.restoreProblem = null;
        this.set({ kind: 'saved', at: manifest.savedAt, message: null });
      } catch (err) {
        this.set({ kind: 'error', at: this.state.at, message: saveFailureMessage(err), details: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
      }
      for (const w of waiters) w(this.state);
    });
    return this.saving;
  }

  /** Resolves with the outcome of the next save to start (one is scheduled after every data change). */
  whenSaved(): Promise<SaveState> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** The workspace as one zip file. */
  async exportArchive(): Promise<{ bytes: Uint8Array; manifest: WorkspaceManifest }> {
    const files = await this.backend.collect(this.db, this.modelBytes());
    return { bytes: await this.backend.pack(files), manifest: files.manifest };
  }

  /** Replaces the user data with an exported workspace; a bad file throws and changes nothing. */
  async importArchive(bytes: Uint8Array, fileName: string): Promise<WorkspaceManifest> {
    const files = await this.backend.unpack(bytes, fileName);
    await this.backend.apply(this.db, files, { replace: true });
    this.takeModels(files.model);
    await this.saveNow();
    return files.manifest;
  }

  /** Removes the user's rows and every saved file; the bundled data stays. */
  async deleteAll(): Promise<void> {
    await this.backend.deleteUserData(this.db);
    this.takeModels(null);
    await this.saveNow();
    await this.backend.clear();
    this.set({ kind: 'idle', at: null, message: null });
  }

  /**
   * Puts a model in use and saves. With `previous`, the model it replaces is kept beside it
   * (null = the bundled model) until the next call; without, no previous model is kept.
   */
  async setModel(json: string | null, previous?: { json: string | null }): Promise<void> {
    const enc = (j: string | null) => (j === null ? null : new TextEncoder().encode(j));
    this.model = enc(json);
    this.previousModel = previous ? enc(previous.json) : null;
    this.hasPreviousModel = !!previous;
    await this.saveNow();
  }

  private modelBytes(): Uint8Array | null {
    return packModels({ current: this.model, previous: this.previousModel, hasPrevious: this.hasPreviousModel });
  }

  private takeModels(bytes: Uint8Array | null): void {
    const m = unpackModels(bytes);
    this.model = m.current;
    this.previousModel = m.previous;
    this.hasPreviousModel = m.hasPrevious;
  }

  usage(): Promise<StorageUsage> {
    return this.backend.usage();
  }

  persist(): Promise<boolean> {
    return this.backend.persist();
  }
}
