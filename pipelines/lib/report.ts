/** Plain-text tables for the evaluation report. */
import { tagText, type ThemeModel } from '../../src/classify/index.ts';
import { basename } from 'node:path';
import { multiLabel, type Summary } from './metrics.ts';

export interface MethodResult {
  name: string;
  seconds: number;
  summary: Summary;
  top1?: number;
  top3?: number;
}

const f3 = (x: number | undefined): string => (x === undefined ? '   -' : x.toFixed(3));

/** One row per method: micro/macro F1, themes per document, top-k, time. */
export function printMethods(results: MethodResult[], single: boolean): void {
  const head = ['method'.padEnd(38), 'micro-F1', 'macro-F1', 'themes/doc', ...(single ? ['top-1', 'top-3'] : []), 'seconds'];
  console.log('\n' + head.join(' | '));
  for (const r of results) {
    const cells = [r.name.padEnd(38), f3(r.summary.microF1).padStart(8), f3(r.summary.macroF1).padStart(8), r.summary.meanPredicted.toFixed(2).padStart(10)];
    if (single) cells.push(f3(r.top1).padStart(5), f3(r.top3).padStart(5));
    cells.push(r.seconds.toFixed(1).padStart(7));
    console.log(cells.join(' | '));
  }
}

/** Per-theme precision, recall, F1 and Cohen's κ. */
export function printPerTheme(s: Summary): void {
  console.log('\n' + ['theme'.padEnd(28), 'gold', '  tp', '  fp', '  fn', ' prec', '  rec', '   F1', 'kappa'].join(' | '));
  for (const t of s.perTheme) {
    const row = [t.id.padEnd(28), String(t.support).padStart(4), String(t.tp).padStart(4), String(t.fp).padStart(4), String(t.fn).padStart(4), f3(t.precision), f3(t.recall), f3(t.f1), f3(t.kappa).padStart(5)];
    console.log(row.join(' | '));
  }
}

/**
 * Tagging speed on ~300-character passages cut from the texts, per second of this thread's
 * CPU time (wall-clock rates are meaningless on a shared, loaded machine) and per wall second.
 */
export function printSpeed(model: ThemeModel, texts: string[]): void {
  const passages: string[] = [];
  for (const t of texts) for (let i = 0; i + 300 <= t.length; i += 300) passages.push(t.slice(i, i + 300));
  if (passages.length === 0) return;
  for (const p of passages.slice(0, 50)) tagText(model, p);
  let n = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const cpu = (): number => {
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1e6;
  };
  while (cpu() < 1.5) for (const p of passages) (tagText(model, p), n++);
  const wall = (performance.now() - t0) / 1000;
  const fmt = (x: number): string => Math.round(x).toLocaleString('en-GB');
  console.log(`tagText speed: ${fmt(n / cpu())} passages per CPU-second (${fmt(n / wall)} per wall second), ~300 chars, one thread, with evidence`);
}

/**
 * Per source file: lines, gold and tagged themes per line, pooled precision, recall and micro-F1,
 * each the mean over the runs given (one per fold seed), with micro-F1 per run. Shows where a
 * set's figures come from when its files were labelled in different styles.
 */
export function printByFile(ids: string[], docs: Array<{ source: string; gold: string[] }>, runs: string[][][]): void {
  const files = [...new Set(docs.map((d) => d.source))].sort();
  const mean = (xs: number[]): number => xs.reduce((a, x) => a + x, 0) / xs.length;
  const row = (name: string, keep: (i: number) => boolean): string => {
    const at = docs.flatMap((_, i) => (keep(i) ? [i] : []));
    const s = runs.map((predicted) => multiLabel(ids, at.map((i) => docs[i]!.gold), at.map((i) => predicted[i]!)));
    const cells = [name.padEnd(26), String(at.length).padStart(5), s[0]!.meanGold.toFixed(2).padStart(9), mean(s.map((x) => x.meanPredicted)).toFixed(2).padStart(11), f3(mean(s.map((x) => x.microPrecision))).padStart(5), f3(mean(s.map((x) => x.microRecall))).padStart(5), f3(mean(s.map((x) => x.microF1))).padStart(8)];
    return cells.join(' | ') + (runs.length > 1 ? ` | ${s.map((x) => f3(x.microF1)).join(' / ')}` : '');
  };
  console.log(`\nby source file (kept variant${runs.length > 1 ? `, mean of ${runs.length} fold seeds` : ''})`);
  console.log(['file'.padEnd(26), 'lines', 'gold/line', 'tagged/line', 'P'.padStart(5), 'R'.padStart(5), 'micro-F1', ...(runs.length > 1 ? ['per seed'] : [])].join(' | '));
  for (const f of files) console.log(row(basename(f), (i) => docs[i]!.source === f));
  if (files.length > 1) console.log(row('all', () => true));
}
