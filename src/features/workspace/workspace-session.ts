/**
 * The workspace as features use it: autosave after each data change, export,
 * import, delete, and the retrained model. The storage functions come from
 * src/workspace (injected by DatabaseProvider), so features never touch the database layer.
 */
import type { QueryRunner } from '../../queries/runner.ts';
import type { WorkspaceFiles, WorkspaceManifest } from '../../workspace/archive.ts';
import type { StorageUsage } from '../../workspace/opfs-storage.ts';

export interface WorkspaceBackend {
  collect(db: QueryRunner, model: Uint8Array | null): Promise<WorkspaceFiles>;
  apply(db: QueryRunner, files: WorkspaceFiles, options: { replace: boolean }): Promise<void>;
  deleteUserData(db: QueryRunner): Promise<void>;
  read(): Promise<WorkspaceFiles | null>;
  write(files: WorkspaceFiles): Promise<void>;
  clear(): Promise<void>;
  usage(): Promise<StorageUsage>;
  persist(): Promise<boolean>;
  pack(files: WorkspaceFiles): Uint8Array;
  unpack(bytes: Uint8Array, fileName: string): WorkspaceFiles;
}

export interface SaveState {
  kind: 'idle' | 'saving' | 'saved' | 'error';
  at: string | null;
  message: string | null;
}

const SAVE_DELAY_MS = 300;
const hasUserRows = (files: WorkspaceFiles) => !!files.model || Object.values(files.manifest.tables).some((t) => t.rows > 0);

export class WorkspaceSession {
  private state: SaveState = { kind: 'idle', at: null, message: null };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> = Promise.resolve();
  /** The retrained model (JSON bytes), kept with the workspace. */
  model: Uint8Array | null = null;
  /** A problem met while restoring at start (the app still opens on the bundled data). */
  restoreProblem: string | null = null;

  constructor(private readonly db: QueryRunner, private readonly backend: WorkspaceBackend) {}

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
      this.model = files.model;
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
      this.set({ ...this.state, kind: 'saving' });
      try {
        const files = await this.backend.collect(this.db, this.model);
        if (hasUserRows(files)) {
          await this.backend.write(files);
          void this.backend.persist();
        } else {
          await this.backend.clear();
        }
        this.restoreProblem = null;
        this.set({ kind: 'saved', at: files.manifest.savedAt, message: null });
      } catch (err) {
        this.set({ kind: 'error', at: this.state.at, message: `Could not save in this browser: ${err instanceof Error ? err.message : String(err)}. Export your workspace to keep your changes.` });
      }
    });
    return this.saving;
  }

  /** The workspace as one zip file. */
  async exportArchive(): Promise<{ bytes: Uint8Array; manifest: WorkspaceManifest }> {
    const files = await this.backend.collect(this.db, this.model);
    return { bytes: this.backend.pack(files), manifest: files.manifest };
  }

  /** Replaces the user data with an exported workspace; a bad file throws and changes nothing. */
  async importArchive(bytes: Uint8Array, fileName: string): Promise<WorkspaceManifest> {
    const files = this.backend.unpack(bytes, fileName);
    await this.backend.apply(this.db, files, { replace: true });
    this.model = files.model;
    await this.saveNow();
    return files.manifest;
  }

  /** Removes the user's rows and every saved file; the bundled data stays. */
  async deleteAll(): Promise<void> {
    await this.backend.deleteUserData(this.db);
    this.model = null;
    await this.saveNow();
    await this.backend.clear();
    this.set({ kind: 'idle', at: null, message: null });
  }

  /** Keeps a retrained model with the workspace. */
  async setModel(json: string | null): Promise<void> {
    this.model = json === null ? null : new TextEncoder().encode(json);
    await this.saveNow();
  }

  usage(): Promise<StorageUsage> {
    return this.backend.usage();
  }

  persist(): Promise<boolean> {
    return this.backend.persist();
  }
}
