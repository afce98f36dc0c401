/**
 * Growable lists of whole numbers, one per key, stored as variable-length bytes
 * (7 bits a byte). The word index keeps tens of millions of small numbers (gaps
 * between documents, word ids): most fit in one or two bytes instead of four.
 */

/** Writes `value` (0 ≤ value < 2^53) at `at`; returns the position after it. */
export function writeVarint(buf: Uint8Array, at: number, value: number): number {
  while (value >= 128) {
    buf[at++] = (value & 127) | 128;
    value = Math.floor(value / 128);
  }
  buf[at++] = value;
  return at;
}

/** Signed to unsigned, small magnitudes staying small (0, -1, 1, -2 → 0, 1, 2, 3). */
export const zigzag = (n: number) => (n < 0 ? -2 * n - 1 : 2 * n);
export const unzigzag = (n: number) => (n % 2 ? -(n + 1) / 2 : n / 2);

/** Reads numbers back from a list, in the order written. */
export class VarintReader {
  private at = 0;
  constructor(private readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.at >= this.buf.length;
  }

  next(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.buf[this.at++]!;
      value += (byte & 127) * scale;
      if (byte < 128) return value;
      scale *= 128;
    }
  }
}

const EMPTY = new Uint8Array(0);

/** One list per key (0, 1, 2…), each appended to in turn; `finish` trims them to size. */
export class VarintListsBuilder {
  private lists: Uint8Array[] = [];
  private lengths = new Int32Array(1024);

  /** Appends up to three numbers to the list of `key`. */
  push(key: number, a: number, b?: number, c?: number): void {
    while (key >= this.lists.length) this.lists.push(EMPTY);
    if (key >= this.lengths.length) {
      const grown = new Int32Array(Math.max(key + 1, this.lengths.length * 2));
      grown.set(this.lengths);
      this.lengths = grown;
    }
    let list = this.lists[key]!;
    let n = this.lengths[key]!;
    // Three numbers of at most 8 bytes each.
    if (n + 24 > list.length) {
      // Growing by half rather than doubling keeps the slack, summed over every list, small while building.
      const grown = new Uint8Array(Math.max(list.length + 24, Math.ceil(list.length * 1.5)));
      grown.set(list.subarray(0, n));
      this.lists[key] = list = grown;
    }
    n = writeVarint(list, n, a);
    if (b !== undefined) n = writeVarint(list, n, b);
    if (c !== undefined) n = writeVarint(list, n, c);
    this.lengths[key] = n;
  }

  /** Each list at its exact size (copied one at a time, so the slack is let go list by list). */
  finish(keys: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (let k = 0; k < keys; k++) {
      const list = this.lists[k];
      out.push(list ? list.slice(0, this.lengths[k]) : EMPTY);
      this.lists[k] = out[k]!;
    }
    this.lists = [];
    return out;
  }
}

/** Bytes held by a set of lists. */
export const byteSize = (lists: readonly Uint8Array[]) => lists.reduce((sum, l) => sum + l.byteLength, 0);
