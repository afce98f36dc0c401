/**
 * The filter index and the filter options as one compact binary file
 * (`filter-index.bin`), written by `npm run data` and the synthetic corpus
 * generator and fetched by the app in parallel with DuckDB's start, so the
 * dashboard answers filters before the engine is up.
 *
 * Layout: the 8-byte magic, a little-endian u32 header length, the header as
 * UTF-8 JSON (dimensions, options, and where each column lies), then each
 * column's bytes at a 4-byte aligned offset. Typed arrays are stored in the
 * platform's byte order, little-endian on every browser and Node we run on.
 * Text columns (briefing dates) are codes into one string table in the
 * header: the dates repeat a lot. Pure: no engine, no React.
 */
import type { FilterIndex } from '../filter-index/filter-index.ts';
import type { FilterOptions } from './filter-options.ts';

const MAGIC = 'LTFIDX02';

type ColumnType = 'u8' | 'u16' | 'i16' | 'i32';
const ARRAY_OF = { u8: Uint8Array, u16: Uint16Array, i16: Int16Array, i32: Int32Array } as const;
type Typed = Uint8Array | Uint16Array | Int16Array | Int32Array;

interface ColumnEntry {
  name: string;
  type: ColumnType;
  length: number;
  offset: number;
}

interface Header {
  partnerships: FilterIndex['partnerships'];
  themes: FilterIndex['themes'];
  reviewTypes: string[];
  reviewCount: number;
  briefingCount: number;
  strings: string[];
  options: FilterOptions;
  columns: ColumnEntry[];
}

export interface FilterIndexFile {
  index: FilterIndex;
  options: FilterOptions;
}

/** Codes into a shared string table (-1 for null), so repeated dates are stored once. */
function encodeTexts(values: ReadonlyArray<string | null>, strings: string[], codes: Map<string, number>): Int32Array {
  return Int32Array.from(values, (v) => {
    if (v === null) return -1;
    let code = codes.get(v);
    if (code === undefined) codes.set(v, (code = strings.push(v) - 1));
    return code;
  });
}

function typeOf(a: Typed): ColumnType {
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Int16Array) return 'i16';
  return 'i32';
}

/** The index and options as file bytes; the same inputs give the same bytes. */
export function encodeFilterIndexFile({ index, options }: FilterIndexFile): Uint8Array {
  const strings: string[] = [];
  const codes = new Map<string, number>();
  const r = index.reviews;
  const b = index.briefings;
  const columns: Array<[string, Typed]> = [
    ['reviews.partnership', r.partnership], ['reviews.year', r.year], ['reviews.type', r.type], ['reviews.titleOnly', r.titleOnly], ['reviews.tagSources', r.tagSources],
    ['reviews.themes.start', r.themes.start], ['reviews.themes.themes', r.themes.themes],
    ['briefings.partnership', b.partnership], ['briefings.year', b.year],
    ['briefings.themes.start', b.themes.start], ['briefings.themes.themes', b.themes.themes],
    ['briefings.statement', b.statement], ['briefings.key', b.key], ['briefings.datedYear', b.datedYear],
    ['briefings.datedPublished', encodeTexts(b.datedPublished, strings, codes)], ['briefings.datedOn', encodeTexts(b.datedOn, strings, codes)],
  ];
  const entries: ColumnEntry[] = [];
  let offset = 0;
  for (const [name, data] of columns) {
    entries.push({ name, type: typeOf(data), length: data.length, offset });
    offset += Math.ceil(data.byteLength / 4) * 4;
  }
  const header: Header = {
    partnerships: index.partnerships, themes: index.themes, reviewTypes: index.reviewTypes,
    reviewCount: r.count, briefingCount: b.count,
    strings, options, columns: entries,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const bodyStart = Math.ceil((12 + headerBytes.length) / 4) * 4;
  const out = new Uint8Array(bodyStart + offset);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  columns.forEach(([, data], i) => out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), bodyStart + entries[i]!.offset));
  return out;
}

/** Reads file bytes back; throws a message naming the fix when they are not a filter index file. */
export function decodeFilterIndexFile(bytes: Uint8Array): FilterIndexFile {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) {
    throw new Error('filter-index.bin is not a filter index file of this version: rebuild the dataset with `npm run data`.');
  }
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as Header;
  const bodyStart = Math.ceil((12 + headerLength) / 4) * 4;
  const column = <T extends ColumnType>(name: string, type: T): InstanceType<(typeof ARRAY_OF)[T]> => {
    const e = header.columns.find((c) => c.name === name);
    if (!e || e.type !== type) throw new Error(`filter-index.bin lacks its ${name} column: rebuild the dataset with \`npm run data\`.`);
    const Ctor = ARRAY_OF[type];
    const start = bodyStart + e.offset;
    // A copy, so the column is aligned whatever the offset of `bytes` in its buffer.
    return new Ctor(bytes.slice(start, start + e.length * Ctor.BYTES_PER_ELEMENT).buffer) as InstanceType<(typeof ARRAY_OF)[T]>;
  };
  const texts = (name: string) => Array.from(column(name, 'i32'), (c) => (c < 0 ? null : header.strings[c]!));
  const index: FilterIndex = {
    partnerships: header.partnerships, themes: header.themes, reviewTypes: header.reviewTypes,
    reviews: {
      count: header.reviewCount, partnership: column('reviews.partnership', 'u16'), year: column('reviews.year', 'i16'),
      type: column('reviews.type', 'u8'), titleOnly: column('reviews.titleOnly', 'u8'), tagSources: column('reviews.tagSources', 'u8'),
      themes: { start: column('reviews.themes.start', 'i32'), themes: column('reviews.themes.themes', 'u16') },
    },
    briefings: {
      count: header.briefingCount, partnership: column('briefings.partnership', 'u16'), year: column('briefings.year', 'i16'),
      themes: { start: column('briefings.themes.start', 'i32'), themes: column('briefings.themes.themes', 'u16') },
      statement: column('briefings.statement', 'u8'), key: column('briefings.key', 'i32'), datedYear: column('briefings.datedYear', 'i16'),
      datedPublished: texts('briefings.datedPublished'), datedOn: texts('briefings.datedOn'),
    },
  };
  return { index, options: header.options };
}
