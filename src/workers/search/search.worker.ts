/// <reference lib="webworker" />
/** Builds the word index from batches of texts and answers search terms from it, off the page's thread. */
import { tableFromIPC } from 'apache-arrow';
import { TokenIndexBuilder, type TokenIndex } from '../../search/token-index.ts';
import { searchTokenIndex } from '../../search/token-search.ts';
import type { SearchRequest, SearchResponse } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let builder: TokenIndexBuilder | null = null;
let index: TokenIndex | null = null;

function handle(msg: SearchRequest): SearchResponse {
  switch (msg.type) {
    case 'start':
      builder = new TokenIndexBuilder(msg.docCount);
      index = null;
      return { id: msg.id, type: 'done' };
    case 'add': {
      if (!builder) throw new Error('the index was not started');
      const table = tableFromIPC(msg.ipc);
      const docs = table.getChild('doc')!;
      const texts = table.getChild('text')!;
      for (let i = 0; i < table.numRows; i++) builder.add(docs.get(i) as number, texts.get(i) as string | null);
      return { id: msg.id, type: 'done' };
    }
    case 'finish':
      if (!builder) throw new Error('the index was not started');
      index = builder.finish();
      builder = null;
      return { id: msg.id, type: 'done', words: index.words.length };
    case 'search': {
      if (!index) throw new Error('the index is not built');
      const found = searchTokenIndex(index, msg.term);
      return { id: msg.id, type: 'hits', docs: found?.docs ?? null, exact: found?.exact ?? false };
    }
  }
}

scope.onmessage = (e: MessageEvent<SearchRequest>) => {
  try {
    const reply = handle(e.data);
    scope.postMessage(reply, reply.type === 'hits' && reply.docs ? [reply.docs.buffer] : []);
  } catch (err) {
    scope.postMessage({ id: e.data.id, type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies SearchResponse);
  }
};
