/**
 * What ran in each long main-thread task of a big-import run.
 *
 * Reads: the CPU profile `BIG_IMPORT_PROFILE=FILE npm run test:big` writes, the
 * "profileClockMarker at T" and "long tasks over 200 ms … [[start, ms], …]"
 * lines that run prints, and a build of the same code with source maps.
 * Writes: for each task, the functions it spent its time in (self and total
 * milliseconds, mapped to src/ and node_modules/ lines), to stdout.
 *
 *   npx vite build --sourcemap --outDir /tmp/map
 *   node tests/support/profile-long-tasks.mjs PROFILE /tmp/map MARKER_T '[[start,ms],…]'
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';

const [profileFile, mapDir, markerAt, tasksJson] = process.argv.slice(2);
if (!profileFile || !mapDir || !markerAt || !tasksJson) {
  console.error('usage: node tests/support/profile-long-tasks.mjs PROFILE MAP_DIR MARKER_T TASKS_JSON');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const maps = new Map();
function mapFor(url) {
  const file = url.split('/').pop();
  if (!file?.endsWith('.js')) return null;
  if (!maps.has(file)) {
    const path = `${mapDir}/assets/${file}.map`;
    maps.set(file, existsSync(path) ? new SourceMapConsumer(JSON.parse(readFileSync(path, 'utf8'))) : null);
  }
  return maps.get(file);
}
const labels = new Map();
function label(node) {
  if (labels.has(node.id)) return labels.get(node.id);
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  let text = functionName || '(anonymous)';
  const map = mapFor(url);
  const at = map?.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
  if (at?.source) text = `${at.name || text} ${at.source.replace(/^.*?(src|node_modules)\//, '$1/')}:${at.line}`;
  labels.set(node.id, text);
  return text;
}

let t = profile.startTime;
const samples = profile.samples.map((id, i) => ({ id, t: (t += profile.timeDeltas[i]) }));
const within = (id, target) => {
  for (let at = id; at; at = parent.get(at)) if (at === target) return true;
  return false;
};
// The page ran a function named profileClockMarker at MARKER_T (page clock): its first sample lines the clocks up.
const marker = profile.nodes.find((n) => n.callFrame.functionName === 'profileClockMarker');
const first = marker && samples.find((s) => within(s.id, marker.id));
if (!first) throw new Error('profileClockMarker is not in the profile');
const pageAt = (us) => (us - first.t) / 1000 + Number(markerAt);

for (const [start, ms] of JSON.parse(tasksJson)) {
  const self = new Map();
  const total = new Map();
  samples.forEach((s, i) => {
    const at = pageAt(s.t);
    if (at < start || at > start + ms || nodes.get(s.id).callFrame.functionName === '(idle)') return;
    const dt = ((samples[i + 1]?.t ?? s.t) - s.t) / 1000;
    self.set(label(nodes.get(s.id)), (self.get(label(nodes.get(s.id))) ?? 0) + dt);
    const seen = new Set();
    for (let id = s.id; id; id = parent.get(id)) {
      const l = label(nodes.get(id));
      if (seen.has(l) || l.startsWith('(root)')) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + dt);
    }
  });
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${Math.round(v)} ms  ${k}`);
  console.log(`\ntask at ${start} ms, ${ms} ms long\n  self:\n    ${top(self, 8).join('\n    ')}\n  total:\n    ${top(total, 20).join('\n    ')}`);
}
