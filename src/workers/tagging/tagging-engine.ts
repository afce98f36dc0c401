/**
 * The worker's state and work, free of `self` so it can be tested in Node:
 * one loaded model, tagging in chunks that yield between them so a cancel
 * message can get in.
 */
import { loadModel, tagDocument, trainModel, type DocumentTags, type ThemeModel } from '../../classify/index.ts';
import type { TaggingRequest, TaggingResponse } from './protocol.ts';

const CHUNK = 64;
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function modelVersion(model: ThemeModel): string {
  const m = model as unknown as { version?: unknown; trainedOn?: unknown };
  return String(m.version ?? 'unknown');
}

export class TaggingEngine {
  private model: ThemeModel | null = null;
  private readonly cancelled = new Set<number>();

  constructor(private readonly post: (msg: TaggingResponse) => void, private readonly fetchJson: (url: string) => Promise<unknown>) {}

  async handle(req: TaggingRequest): Promise<void> {
    try {
      switch (req.type) {
        case 'cancel':
          this.cancelled.add(req.target);
          return;
        case 'load-model': {
          this.model = loadModel(await this.fetchJson(req.url));
          const themes = Object.keys(tagDocument(this.model, '').scores).length;
          this.post({ id: req.id, type: 'model-loaded', version: modelVersion(this.model), themes });
          return;
        }
        case 'retrain': {
          const started = performance.now();
          this.model = trainModel(req.examples, req.taxonomy, req.lexicon);
          this.post({ id: req.id, type: 'retrained', version: modelVersion(this.model), elapsedMs: performance.now() - started, model: this.model });
          return;
        }
        case 'use-model': {
          this.model = loadModel(req.model);
          const themes = Object.keys(tagDocument(this.model, '').scores).length;
          this.post({ id: req.id, type: 'model-loaded', version: modelVersion(this.model), themes });
          return;
        }
        case 'tag':
          await this.tag(req);
          return;
      }
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      this.post({ id: req.id, type: 'error', error: { name: e.name, message: e.message } });
    }
  }

  private async tag(req: Extract<TaggingRequest, { type: 'tag' }>): Promise<void> {
    const model = this.model;
    if (!model) throw new Error('No theme model loaded: load one before tagging.');
    const started = performance.now();
    const results: DocumentTags[] = [];
    let passages = 0;
    for (let i = 0; i < req.items.length; i += CHUNK) {
      if (this.cancelled.delete(req.id)) throw new DOMException('Tagging was cancelled.', 'AbortError');
      for (const item of req.items.slice(i, i + CHUNK)) {
        const tags = tagDocument(model, item.text, req.passageChars ? { passageChars: req.passageChars } : undefined);
        passages += Math.max(1, tags.passages.length);
        results.push(tags);
      }
      const elapsedMs = performance.now() - started;
      this.post({ id: req.id, type: 'progress', progress: { done: results.length, total: req.items.length, passages, elapsedMs } });
      await yieldToMessages();
    }
    this.post({ id: req.id, type: 'tagged', results, passages, elapsedMs: performance.now() - started });
  }
}
