import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './lib/training-data.ts';

const ids = (JSON.parse(readFileSync(join(ROOT, 'data', 'taxonomy.json'), 'utf8')) as { themes: Array<{ id: string }> }).themes.map((t) => t.id);
const dir = mkdtempSync(join(tmpdir(), 'classify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(lines: string[]): { stdout: string; stderr: string; status: number | null } {
  const file = join(dir, `in-${lines.length}.jsonl`);
  writeFileSync(file, lines.join('\n') + '\n');
  const r = spawnSync('npx', ['tsx', 'pipelines/classify.ts', file], { cwd: ROOT, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('classify CLI', () => {
  it('writes exactly one JSON line per input line, with scores for every theme and evidence for each tag', () => {
    const r = run([
      JSON.stringify({ id: 'r1', text: 'The baby had rib fractures and bruising. Professionals accepted the parents’ account at face value.' }),
      JSON.stringify({ id: 2, title: 'Escalation policy', text: 'How practitioners resolve professional differences and challenge decisions.' }),
      JSON.stringify({ id: 'r3', text: 'During lockdown the children were not seen face to face.', extra: 'ignored' }),
    ]);
    expect(r.status).toBe(0);
    const out = r.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(3);
    const rows = out.map((l) => JSON.parse(l) as { id: unknown; themes: string[]; scores: Record<string, number>; evidence: Record<string, string[]> });
    expect(rows.map((x) => x.id)).toEqual(['r1', 2, 'r3']);
    for (const row of rows) {
      expect(Object.keys(row.scores).sort()).toEqual([...ids].sort());
      for (const s of Object.values(row.scores)) expect(s >= 0 && s <= 1).toBe(true);
      for (const t of row.themes) expect(row.evidence[t]!.length).toBeGreaterThan(0);
      const sorted = [...row.themes].sort((a, b) => row.scores[b]! - row.scores[a]!);
      expect(row.themes).toEqual(sorted);
    }
    expect(rows[0]!.themes).toContain('non-accidental-injury');
    expect(rows[1]!.themes[0]).toBe('escalation-challenge');
    expect(rows[2]!.themes).toContain('covid-19');
  });

  it('keeps line counts aligned on a bad line and names it on stderr', () => {
    const r = run([JSON.stringify({ id: 'ok', text: 'Neglect.' }), '{not json', JSON.stringify({ id: 'no-text' })]);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: unknown; themes: string[]; error?: string });
    expect(out).toHaveLength(3);
    expect(out[1]!.themes).toEqual([]);
    expect(out[2]!.id).toBe('no-text');
    expect(r.stderr).toMatch(/line 2: invalid JSON/);
    expect(r.stderr).toMatch(/line 3: no string "text"/);
    expect(r.status).toBe(2);
  });
});
