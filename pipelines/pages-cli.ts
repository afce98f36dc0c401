/**
 * Page pipeline CLI: reads partnership review pages (saved .html/.htm or plain
 * text) with the same reader as the app's Import view and prints one JSON
 * line per review or briefing record found (nothing else on stdout). Problems
 * with a file go to stderr; the exit code is non-zero only when no file could
 * be read.
 *
 *   npm run --silent pages -- [--partnership=NAME] [--read-on=YYYY-MM-DD] FILE [FILE ...]
 */
import { basename } from 'node:path';
import { parsePage, type PageRecord } from '../src/ingest/pages/parse-page.ts';
import { endQuietlyWhenStdoutCloses } from './lib/closed-pipe.ts';
import { readPageText } from './pages/read-page-text.ts';

const USAGE = 'usage: npm run --silent pages -- [--partnership=NAME] [--read-on=YYYY-MM-DD] FILE [FILE ...]';

/** The contract other tools read: these keys, in this order (provenance keys follow the original seven). */
export function toJsonLine(record: PageRecord): string {
  const { kind, partnership, published, source, partnership_area, nation, address, read_on, lines } = record;
  const provenance = { partnership_area, nation, address, read_on, lines };
  if (record.kind === 'review') {
    const { case: caseName, type, findings } = record;
    return JSON.stringify({ kind, partnership, case: caseName, type, published, findings, source, ...provenance });
  }
  const { title, briefing_kind, review } = record;
  return JSON.stringify({ kind, partnership, title, briefing_kind, review, published, source, ...provenance });
}

/** Files to read and the optional partnership override, or the usage message. */
function parseArgs(argv: string[]): { files: string[]; partnership?: string; readOn: string } | { error: string } {
  const files: string[] = [];
  let partnership: string | undefined;
  let readOn = new Date().toISOString().slice(0, 10);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--partnership=')) partnership = arg.slice('--partnership='.length);
    else if (arg === '--partnership') partnership = argv[++i] ?? '';
    else if (arg.startsWith('--read-on=')) readOn = arg.slice('--read-on='.length);
    else if (arg === '-h' || arg === '--help') return { error: USAGE };
    else if (arg.startsWith('--')) return { error: `unknown option ${arg}\n${USAGE}` };
    else files.push(arg);
  }
  if (files.length === 0) return { error: USAGE };
  if (partnership !== undefined && partnership.trim() === '') return { error: `--partnership needs a name\n${USAGE}` };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(readOn)) return { error: `--read-on needs a date like 2026-12-05\n${USAGE}` };
  return { files, partnership: partnership?.trim(), readOn };
}

function main(argv: string[]): number {
  endQuietlyWhenStdoutCloses();
  const args = parseArgs(argv);
  if ('error' in args) {
    process.stderr.write(`${args.error}\n`);
    return 2;
  }
  let readCount = 0;
  for (const file of args.files) {
    const page = readPageText(file);
    if ('error' in page) {
      process.stderr.write(`pages: ${page.error}\n`);
      continue;
    }
    readCount += 1;
    if (page.note) process.stderr.write(`pages: ${page.note}\n`);
    const opts = { sourceName: basename(file), address: page.address, readOn: args.readOn, ...(args.partnership ? { partnership: args.partnership } : {}) };
    let lines: string[];
    try {
      lines = parsePage(page.text, opts).map(toJsonLine);
    } catch (err) {
      // One odd page must not cost the records of the others.
      process.stderr.write(`pages: ${file}: could not parse (${err instanceof Error ? err.message : String(err)}); please report it with the file\n`);
      continue;
    }
    if (lines.length > 0) process.stdout.write(lines.join('\n') + '\n');
    else process.stderr.write(`pages: ${file}: no reviews or briefings found; pass the part of the page that lists them\n`);
  }
  return readCount > 0 ? 0 : 1;
}

if (process.argv[1] && /pages-cli\.ts$/.test(process.argv[1])) {
  // A closed pipe (`| head`) is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  process.exitCode = main(process.argv.slice(2));
}
