/**
 * Faulty and hostile inputs for the robustness browser test, each built here:
 * a zip bomb dressed as a workbook, a ragged CSV, very deep JSON, a review CSV
 * of a given size, and workspace archives changed from a good one.
 */
import { deflateRawSync } from 'node:zlib';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { rowsToArrowIPC } from '../../src/schema/arrow.ts';
import type { Review } from '../../src/schema/records.ts';
import type { FixtureFile } from './fixtures/import-files.ts';

const MB = 1024 * 1024;
const file = (name: string, mimeType: string, bytes: Uint8Array | string): FixtureFile => ({
  name, mimeType, buffer: Buffer.from(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes),
});

/**
 * A one-entry zip of `mb` MB of zeros (about 1 MB of zip for 1 GB) whose
 * directory declares `declared` bytes: a bomb that lies about its size.
 */
export function zipBomb(entry: string, mb: number, declared = 1000): Uint8Array {
  const chunk = deflateRawSync(Buffer.alloc(mb * MB), { level: 9 });
  const name = Buffer.from(entry);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(chunk.length, 18); local.writeUInt32LE(declared, 22); local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(chunk.length, 20); central.writeUInt32LE(declared, 24); central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12); end.writeUInt32LE(local.length + name.length + chunk.length, 16);
  return new Uint8Array(Buffer.concat([local, name, chunk, central, name, end]));
}

/** A 1.1 MB .xlsx whose sheet inflates to 1.15 GB, declaring 1 KB. */
export const bombXlsx = () => file('budget.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', zipBomb('xl/worksheets/sheet1.xml', 1100));

/** Reviews where row 3 lacks two cells and row 5 has two extra (an unquoted comma). */
export const raggedCsv = () => file('ragged-reviews.csv', 'text/csv', [
  'Ref,Partnership,Case,Type,Year,Summary,Themes',
  'RG-1,Raggedshire,Child Ash,CSPR,2023,Neglect at home was not escalated.,neglect',
  'RG-2,Raggedshire,Child Birch,CSPR,2023',
  'RG-3,Raggedshire,Child Cherry,Rapid review,2024,"Safer sleep advice, given twice, was not followed.",safer sleep',
  'RG-4,Raggedshire,Child Damson,CSPR,2024,Police, health, and school did not share information.,information sharing',
  'RG-5,Raggedshire,Child Elm,CSPR,2022,Domestic abuse was known to police.,domestic abuse',
].join('\n') + '\n');

/** JSON nested 100,000 levels deep. */
export const deepJson = () => file('deep.json', 'application/json', '['.repeat(100_000) + ']'.repeat(100_000));

/** A REFI-QDA codebook whose codes nest 100,000 deep (the theme walk would overflow the stack). */
export const deepCodebook = () =>
  file('deep-codebook.qdc', 'application/xml', `<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${'<Code name="Nested">'.repeat(100_000)}${'</Code>'.repeat(100_000)}</Codes></CodeBook>`);

/** A review CSV of `n` rows in partnership Quotashire. */
export function reviewsCsvOf(n: number, name = 'quota-reviews.csv'): FixtureFile {
  const lines = ['Ref,Partnership,Case,Type,Year,Summary'];
  for (let i = 1; i <= n; i++) {
    lines.push(`Q-${i},Quotashire,Child Q${i},CSPR,${2015 + (i % 10)},"Review ${i}: neglect and missed school were not escalated; the health visitor and police did not share information about domestic abuse at home."`);
  }
  return file(name, 'text/csv', lines.join('\n') + '\n');
}

/** The archive with its first review's year set to 99999 (a value the filter index's SMALLINT cannot hold). */
export function archiveWithYear(zip: Uint8Array, year: number): Uint8Array {
  const entries = unzipSync(zip);
  const reviews = tableFromIPC(entries['reviews.arrows']!).toArray().map((r) => r.toJSON() as unknown as Review);
  const changed = rowsToArrowIPC('reviews', reviews.map((r, i) => (i === 0 ? { ...r, year } : r)));
  return zipSync({ ...entries, 'reviews.arrows': changed });
}

/** The archive with every table's columns in reverse order (same names, same values). */
export function archiveReordered(zip: Uint8Array): Uint8Array {
  const entries = unzipSync(zip);
  const out: Record<string, Uint8Array> = { ...entries };
  for (const [name, bytes] of Object.entries(entries)) {
    if (!name.endsWith('.arrows')) continue;
    const t = tableFromIPC(bytes);
    out[name] = tableToIPC(t.select(t.schema.fields.map((f) => f.name).reverse()), 'stream');
  }
  return out['manifest.json'] ? zipSync(out) : zipSync({ ...out, 'manifest.json': strToU8('{}') });
}
