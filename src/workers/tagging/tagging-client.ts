/** The app side of the tagging worker: promises, progress callbacks and AbortSignal cancellation. */
import type { TagBatch } from '../../classify/index.ts';
import type { LexiconData } from '../../classify/lexicon-data.ts';
import type { ThemeModel } from '../../classify/model.ts';
import type { ReplyTo, TagItem, Taxonomy, TaggingProgress, TaggingReplies, TaggingRequest, TaggingResponse, TrainingExample } from './protocol.ts';

/** Texts per message to the worker: copying 2,000 review texts takes a few milliseconds. */
const TEXTS_PER_MESSAGE = 2000;

/** A macrotask turn, so input and paint can run between the parts of a big request. */
const pauseForPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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

/** A request of type `T` without its id (the client numbers requests). */
type RequestBody<T extends keyof TaggingReplies> = Omit<Extract<TaggingRequest, { type: T }>, 'id'>;

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
    return { version: msg.version, themes: msg.themes };
  }

  /**
   * Tags texts in the worker (as tagDocument would); progress about every 100 ms; the signal
   * cancels. Read the batch with batchTags / batchTagResult from src/classify.
   */
  async tag(items: TagItem[], options: { signal?: AbortSignal; onProgress?: (p: TaggingProgress) => void; passageChars?: number } = {}): Promise<{ batch: TagBatch; passages: number; elapsedMs: number }> {
    const texts = items.map((item) => item.text);
    let id = 0;
    const reply = this.request(
      { type: 'tag', texts: texts.slice(0, TEXTS_PER_MESSAGE), total: texts.length, passageChars: options.passageChars },
      { ...options, onPosted: (posted) => (id = posted) },
    );
    reply.catch(() => undefined /* awaited below; this only keeps a failure during sending from going unhandled */);
    // The rest in parts, with the page getting a turn between: the worker starts on the first part meanwhile.
    for (let at = TEXTS_PER_MESSAGE; at < texts.length && !options.signal?.aborted; at += TEXTS_PER_MESSAGE) {
      await pauseForPage();
      this.worker.postMessage({ id: this.nextId++, type: 'tag-texts', target: id, texts: texts.slice(at, at + TEXTS_PER_MESSAGE) } satisfies TaggingRequest);
    }
    const msg = await reply;
    return { batch: msg.batch, passages: msg.batch.passages, elapsedMs: msg.elapsedMs };
  }

  /** Retrains the worker's model (e.g. with the user's corrections added); returns the new model's JSON too, to keep it. */
  async retrain(examples: TrainingExample[], taxonomy: Taxonomy, lexicon: LexiconData, signal?: AbortSignal): Promise<{ version: string; elapsedMs: number; model: ThemeModel }> {
    const msg = await this.request({ type: 'retrain', examples, taxonomy, lexicon }, { signal });
    return { version: msg.version, elapsedMs: msg.elapsedMs, model: msg.model };
  }

  /** Loads a model the app already holds (parsed JSON, validated by the worker) into the worker. */
  async useModel(model: ThemeModel): Promise<{ version: string; themes: number }> {
    const msg = await this.request({ type: 'use-model', model });
    return { version: msg.version, themes: msg.themes };
  }

  terminate(): void {
    this.worker.terminate();
    this.failAll(new DOMException('The tagging worker was stopped.', 'AbortError'));
  }

  private request<T extends keyof TaggingReplies>(
    body: { type: T } & RequestBody<T>, options: { signal?: AbortSignal; onProgress?: (p: TaggingProgress) => void; onPosted?: (id: number) => void } = {},
  ): Promise<ReplyTo<T>> {
    const id = this.nextId++;
    options.onPosted?.(id);
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(new DOMException('Cancelled.', 'AbortError'));
    return new Promise<ReplyTo<T>>((resolve, reject) => {
      const onAbort = () => this.worker.postMessage({ id: this.nextId++, type: 'cancel', target: id } satisfies TaggingRequest);
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        // The worker answers a request of type T with ReplyTo<T> (tagging-engine.ts).
        resolve: (m) => (done(), resolve(m as ReplyTo<T>)),
        reject: (e) => (done(), reject(e)),
        onProgress,
      });
      const request = { ...body, id } as Extract<TaggingRequest, { type: T }>;
      this.worker.postMessage(request satisfies TaggingRequest);
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
