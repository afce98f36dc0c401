/// <reference lib="webworker" />
/** Thin adapter: messages in, TaggingEngine, messages out. */
import { TaggingEngine } from './tagging-engine.ts';
import type { TaggingRequest, TaggingResponse } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const engine = new TaggingEngine(
  (msg: TaggingResponse, transfer?: Transferable[]) => scope.postMessage(msg, transfer ?? []),
  async (url) => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`Could not load the theme model from ${url} (HTTP ${res.status}).`);
    return res.json();
  },
);
scope.onmessage = (e: MessageEvent<TaggingRequest>) => void engine.handle(e.data);
