/**
 * The CLI and the Import view read a page with the same code: for the same
 * saved page, `npm run pages` prints exactly the records the Import preview
 * is built from, and the preview lists each of them.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildPreview, readPage } from '../../src/ingest/pages/page-preview.ts';
import { toJsonLine } from '../pages-cli.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const PAGE = join(REPO, 'tests/support/fixtures/partnership-page.html');
const LABELLED = join(REPO, 'data/pages-labelled/pages/10-croydon-reviews.txt');

function cliLines(file: string): string[] {
  const result = spawnSync(join(REPO, 'node_modules/.bin/tsx'), ['pipelines/pages-cli.ts', '--read-on=2026-12-05', file], { cwd: REPO, encoding: 'utf8' });
  expect(result.status).toBe(0);
  return result.stdout.split('\n').filter(Boolean);
}

describe.each([
  ['a saved HTML page', PAGE],
  ['a plain-text page', LABELLED],
])('CLI and Import preview on %s', (_label, file) => {
  const fileName = file.split('/').at(-1)!;
  const read = readPage({ bytes: new Uint8Array(readFileSync(file)), fileName }, '2026-12-05');
  if ('error' in read) throw new Error(read.error);

  it('give the same records', () => {
    expect(read.records.length).toBeGreaterThan(3);
    expect(cliLines(file)).toEqual(read.records.map(toJsonLine));
  });

  it('the preview lists every record, briefings under their review', () => {
    const preview = buildPreview(read, '2026-12-05');
    const names = [...preview.reviews.flatMap((r) => [r.case, ...r.briefings.map((b) => b.title)]), ...preview.briefings.map((b) => b.title)];
    const recordNames = read.records.map((r) => (r.kind === 'review' ? r.case : r.title));
    expect(names.sort()).toEqual(recordNames.sort());
    for (const r of read.records.filter((x) => x.kind === 'briefing' && x.review)) {
      expect(preview.reviews.find((p) => p.case === (r as { review: string }).review)?.briefings.map((b) => b.title)).toContain((r as { title: string }).title);
    }
  });
});
