/** The app side of the tagging worker: promises, progress callbacks and AbortSignal cancellation. */
import type { TagBatch } from '../../classify/index.ts';
import type { TagItem, TaggingProgress, TaggingRequest, TaggingResponse, TrainingExample } from './protocol.ts';

type Pending = {
  resolve(msg: TaggingResponse): void;
  reject(err: Error): void;
  onProgress?: (p: TaggingProgress) => void;
};

function rebuildError(error: { name: string; message: string }): Error {
  if (error.name === 'AbortError') return new DOMException(error.message, 'AbortError');
  const e = new Error(error.message);
  e.name = error.name;
  return e;
}

type RequestBody = TaggingRequest extends infer R ? (R extends TaggingRequest ? Omit<R, 'id'> : never) : never;

export class TaggingClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(worker?: Worker) {
    this.worker = worker ?? new Worker(new URL('./tagging.worker.ts', import.meta.url), { type: 'module', name: 'tagging' });
    this.worker.onmessage = (e: MessageEvent<TaggingResponse>) => this.receive(e.data);
    this.worker.onerror = (e) => this.failAll(new Error(`The tagging worker failed: ${e.message}`));
  }

  /** Loads the theme model (a URL on this origin) into the worker. */
  async loadModel(url = `${import.meta.env.BASE_URL}model/theme-model.json`): Promise<{ version: string; themes: number }> {
    const msg = await this.request({ type: 'load-model', url });
    if (msg.type !== 'model-loaded') throw new Error(`Unexpected reply ${msg.type}`);
    return { version: msg.version, themes: msg.themes };
  }

  /**
   * Tags texts in the worker (as tagDocument would); progress about every 100 ms; the signal
   * cancels. Read the batch with batchTags / batchTagResult from src/classify.
   */
  async tag(items: TagItem[], options: { signal?: AbortSignal; onProgress?: (p: TaggingProgress) => void; passageChars?: number } = {}): Promise<{ batch: TagBatch; passages: number; elapsedMs: number }> {
    const msg = await this.request({ type: 'tag', texts: items.map((item) => item.text), passageChars: options.passageChars }, options);
    if (msg.type !== 'tagged') throw new Error(`Unexpected reply ${msg.type}`);
    return { batch: msg.batch, passages: msg.batch.passages, elapsedMs: msg.elapsedMs };
  }

  /** Retrains the worker's model (e.g. with the user's corrections added); returns the new model's JSON too, to keep it. */
  async retrain(examples: TrainingExample[], taxonomy: unknown, lexicon: unknown, signal?: AbortSignal): Promise<{ version: string; elapsedMs: number; model: unknown }> {
    const msg = await this.request({ type: 'retrain', examples, taxonomy, lexicon }, { signal });
    if (msg.type !== 'retrained') throw new Error(`Unexpected reply ${msg.type}`);
    return { version: msg.version, elapsedMs: msg.elapsedMs, model: msg.model };
  }

  /** Loads a model the app already holds (parsed JSON) into the worker. */
  async useModel(model: unknown): Promise<{ version: string; themes: number }> {
    const msg = await this.request({ type: 'use-model', model });
    if (msg.type !== 'model-loaded') throw new Error(`Unexpected reply ${msg.type}`);
    return { version: msg.version, themes: msg.themes };
  }

  terminate(): void {
    this.worker.terminate();
    this.failAll(new DOMException('The tagging worker was stopped.', 'AbortError'));
  }

  private request(body: RequestBody, options: { signal?: AbortSignal; onProgress?: (p: TaggingProgress) => void } = {}): Promise<TaggingResponse> {
    const id = this.nextId++;
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(new DOMException('Cancelled.', 'AbortError'));
    return new Promise<TaggingResponse>((resolve, reject) => {
      const onAbort = () => this.worker.postMessage({ id: this.nextId++, type: 'cancel', target: id } satisfies TaggingRequest);
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (m) => (done(), resolve(m)),
        reject: (e) => (done(), reject(e)),
        onProgress,
      });
      this.worker.postMessage({ ...body, id } as TaggingRequest);
    });
  }

  private receive(msg: TaggingResponse): void {
    const entry = this.pending.get(msg.id);
    if (!entry) return;
    if (msg.type === 'progress') return entry.onProgress?.(msg.progress);
    this.pending.delete(msg.id);
    if (msg.type === 'error') entry.reject(rebuildError(msg.error));
    else entry.resolve(msg);
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}
