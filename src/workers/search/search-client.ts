/** The app side of the search worker: one promise per request. */
import type { SearchRequest, SearchResponse } from './protocol.ts';

type Body = SearchRequest extends infer R ? (R extends SearchRequest ? Omit<R, 'id'> : never) : never;

export class SearchIndexClient {
  private readonly worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'search' });
  private readonly pending = new Map<number, { resolve(r: SearchResponse): void; reject(e: Error): void }>();
  private nextId = 1;

  constructor() {
    this.worker.onmessage = (e: MessageEvent<SearchResponse>) => {
      const p = this.pending.get(e.data.id);
      this.pending.delete(e.data.id);
      if (e.data.type === 'error') p?.reject(new Error(`The search index failed: ${e.data.message}`));
      else p?.resolve(e.data);
    };
    this.worker.onerror = (e) => {
      const err = new Error(`The search worker failed: ${e.message}`);
      this.pending.forEach((p) => p.reject(err));
      this.pending.clear();
    };
  }

  private send(body: Body, transfer: Transferable[] = []): Promise<SearchResponse> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...body, id }, transfer);
    });
  }

  async start(docCount: number): Promise<void> {
    await this.send({ type: 'start', docCount });
  }

  /** Hands a batch over (the bytes move to the worker). */
  async add(ipc: Uint8Array): Promise<void> {
    await this.send({ type: 'add', ipc }, [ipc.buffer]);
  }

  async finish(): Promise<number> {
    const r = await this.send({ type: 'finish' });
    return r.type === 'done' ? r.words ?? 0 : 0;
  }

  async search(term: string): Promise<{ docs: Uint8Array | null; exact: boolean }> {
    const r = await this.send({ type: 'search', term });
    return r.type === 'hits' ? { docs: r.docs, exact: r.exact } : { docs: null, exact: false };
  }

  terminate(): void {
    this.worker.terminate();
    this.pending.forEach((p) => p.reject(new DOMException('The search index was replaced.', 'AbortError')));
    this.pending.clear();
  }
}
