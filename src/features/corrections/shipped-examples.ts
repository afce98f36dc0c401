/**
 * The hand-written training examples shipped with the app (data/examples/*.jsonl, bundled as
 * text, loaded only when retraining), so a retrain learns from what `npm run train` learned
 * from plus the expert labels and the user's corrections.
 */
import type { TrainingExample } from '../../workers/tagging/protocol.ts';

const files = import.meta.glob<string>('../../../data/examples/*.jsonl', { query: '?raw', import: 'default' });

/** Lines with text and gold; a title is read first, as the pipeline does. Malformed lines are skipped. */
export function parseExampleLines(raw: string): TrainingExample[] {
  return raw.split(/\r?\n/).flatMap((line) => {
    if (!line.trim()) return [];
    try {
      const v = JSON.parse(line) as { text?: unknown; title?: unknown; gold?: unknown };
      if (typeof v.text !== 'string' || !Array.isArray(v.gold)) return [];
      const title = typeof v.title === 'string' ? v.title.trim() : '';
      const gold = v.gold.map(String);
      return [{ text: title ? `${title}\n\n${v.text}` : v.text, gold, partial: !!title && gold.length === 1 }];
    } catch {
      return []; // a broken line teaches nothing; the pipeline reports it when training
    }
  });
}

/** Every shipped example, in file order. */
export async function loadShippedExamples(): Promise<TrainingExample[]> {
  const names = Object.keys(files).sort();
  const texts = await Promise.all(names.map((n) => files[n]!()));
  return texts.flatMap(parseExampleLines);
}
