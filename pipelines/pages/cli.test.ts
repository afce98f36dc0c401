/** The CLI contract: JSON lines on stdout only, problems on stderr, exit 1 only when nothing was readable. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const TSX = join(REPO, 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'pages-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCli(...args: string[]) {
  const result = spawnSync(TSX, ['pipelines/pages-cli.ts', ...args], { cwd: REPO, encoding: 'utf8' });
  const lines = result.stdout.split('\n').filter(Boolean);
  return { status: result.status, stderr: result.stderr, records: lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const PROVENANCE = ['partnership_area', 'nation', 'address', 'read_on', 'lines'];

describe('pages CLI', () => {
  const page = join(dir, 'page.txt');
  writeFileSync(page, 'Child Q - Serious Case Review\nChild Q - Lessons Learned Briefing\n');

  it('prints one JSON line per record with the contract keys in order', () => {
    const { status, records, stderr } = runCli(page, '--read-on=2026-12-05');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(records[1]).toMatchObject({ review: 'Child Q', read_on: '2026-12-05', lines: [2] });
    expect(records.map((r) => Object.keys(r))).toEqual([
      ['kind', 'partnership', 'case', 'type', 'published', 'findings', 'source', ...PROVENANCE],
      ['kind', 'partnership', 'title', 'briefing_kind', 'review', 'published', 'source', ...PROVENANCE],
    ]);
    expect(records[0]).toMatchObject({ kind: 'review', case: 'Child Q', type: 'serious-case-review', source: 'page.txt' });
  });

  it('reports unreadable files on stderr and carries on with the rest', () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const { status, records, stderr } = runCli(join(dir, 'missing.txt'), empty, page, '--partnership=Given SCP');
    expect(status).toBe(0);
    expect(stderr).toMatch(/missing\.txt: file not found/);
    expect(stderr).toMatch(/empty\.txt: file is empty/);
    expect(records.map((r) => r.partnership)).toEqual(['Given SCP', 'Given SCP']);
  });

  it('exits non-zero when no file could be read, and without files', () => {
    expect(runCli(join(dir, 'missing.txt'))).toMatchObject({ status: 1, records: [] });
    expect(runCli()).toMatchObject({ status: 2, records: [] });
  });

  it.skipIf(!existsSync(SEEDS))('prints the expected record counts for the seed pages', () => {
    const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
    const { status, records } = runCli(...files.map((f) => join(SEEDS, f)));
    expect(status).toBe(0);
    const perSource = Object.fromEntries(files.map((f) => [f.slice(0, 3), records.filter((r) => r.source === f).length]));
    expect(perSource).toEqual({ '000': 3, '001': 5, '002': 5, '003': 0, '004': 52 });
  });
});
