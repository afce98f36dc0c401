/**
 * The worker's state and work, free of `self` so it can be tested in Node:
 * one loaded model, tagging in time slices that yield between them so a cancel
 * message can get in.
 */
import { batchBuffers, loadModel, TagBatchWriter, trainModel, type ThemeModel } from '../../classify/index.ts';
import type { TaggingRequest, TaggingResponse } from './protocol.ts';

/** Work between yields: long enough that yielding costs nothing, short enough that cancel feels immediate. */
const SLICE_MS = 50;
const PROGRESS_MS = 100;

/**
 * Lets queued messages (a cancel) run. A MessageChannel round trip, not setTimeout(0):
 * browsers clamp nested timeouts to 4 ms.
 */
function yieldToMessages(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

function modelVersion(model: ThemeModel): string {
  const m = model as unknown as { version?: unknown; trainedOn?: unknown };
  return String(m.version ?? 'unknown');
}

export class TaggingEngine {
  private model: ThemeModel | null = null;
  private readonly cancelled = new Set<number>();
  /** Texts of running 'tag' requests still arriving in parts, and the wake-up of a run waiting for them. */
  private readonly inbox = new Map<number, { texts: string[]; wake: (() => void) | null }>();

  constructor(private readonly post: (msg: TaggingResponse, transfer?: Transferable[]) => void, private readonly fetchJson: (url: string) => Promise<unknown>) {}

  async handle(req: TaggingRequest): Promise<void> {
    try {
      switch (req.type) {
        case 'cancel':
          this.cancelled.add(req.target);
          this.inbox.get(req.target)?.wake?.(); // a run waiting for texts sees the cancel at once
          return;
        case 'tag-texts': {
          const box = this.inbox.get(req.target);
          if (!box) return; // the run was cancelled or failed; late parts are dropped
          for (const text of req.texts) box.texts.push(text);
          box.wake?.();
          return;
        }
        case 'load-model': {
          this.model = loadModel(await this.fetchJson(req.url));
          this.post({ id: req.id, type: 'model-loaded', version: modelVersion(this.model), themes: this.model.themes.length });
          return;
        }
        case 'retrain': {
          const started = performance.now();
          // Out-of-fold tags of every judged entry, so the app can score the new model honestly.
          this.model = trainModel(req.examples, req.taxonomy, req.lexicon, { outOfFold: true });
          this.post({ id: req.id, type: 'retrained', version: modelVersion(this.model), elapsedMs: performance.now() - started, model: this.model });
          return;
        }
        case 'use-model': {
          this.model = loadModel(req.model);
          this.post({ id: req.id, type: 'model-loaded', version: modelVersion(this.model), themes: this.model.themes.length });
          return;
        }
        case 'tag':
          await this.tag(req);
          return;
      }
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      this.post({ id: req.id, type: 'error', error: { name: e.name, message: e.message } });
    } finally {
      if (req.type !== 'cancel') this.cancelled.delete(req.id);
    }
  }

  private async tag(req: Extract<TaggingRequest, { type: 'tag' }>): Promise<void> {
    const model = this.model;
    if (!model) throw new Error('No theme model loaded: load one before tagging.');
    const started = performance.now();
    const total = Math.max(req.total ?? 0, req.texts.length);
    const box = { texts: req.texts, wake: null as (() => void) | null };
    this.inbox.set(req.id, box);
    try {
      const writer = new TagBatchWriter(model, req.passageChars, total);
      let sliceStart = started;
      let lastProgress = started;
      for (let i = 0; i <= total; i++) {
        // Reading the clock is not free: look every 16 texts.
        if ((i & 15) === 0 && performance.now() - sliceStart >= SLICE_MS) {
          const now = performance.now();
          if (now - lastProgress >= PROGRESS_MS) {
            this.post({ id: req.id, type: 'progress', progress: { done: i, total, passages: writer.passages, elapsedMs: now - started } });
            lastProgress = now;
          }
          await yieldToMessages();
          sliceStart = performance.now();
        }
        while (i < total && i >= box.texts.length && !this.cancelled.has(req.id)) await new Promise<void>((wake) => (box.wake = wake));
        if (this.cancelled.has(req.id)) throw new DOMException('Tagging was cancelled.', 'AbortError');
        if (i < total) writer.add(box.texts[i]!);
      }
      const batch = writer.finish();
      const elapsedMs = performance.now() - started;
      this.post({ id: req.id, type: 'progress', progress: { done: total, total, passages: batch.passages, elapsedMs } });
      this.post({ id: req.id, type: 'tagged', batch, elapsedMs }, batchBuffers(batch));
    } finally {
      this.inbox.delete(req.id);
    }
  }
}
