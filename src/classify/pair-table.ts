/** Open-addressing hash table from a pair of non-negative ints to an int: no allocation per lookup. */

export interface PairTable {
  a: Int32Array;
  b: Int32Array;
  v: Int32Array;
  mask: number;
}

const pairHash = (a: number, b: number): number => Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);

/** Builds a table from [a, b, value] triples (a, b ≥ 0). */
export function pairTable(pairs: Array<[number, number, number]>): PairTable {
  let size = 16;
  while (size < pairs.length * 2) size *= 2;
  const t: PairTable = { a: new Int32Array(size).fill(-1), b: new Int32Array(size), v: new Int32Array(size), mask: size - 1 };
  for (const [a, b, v] of pairs) {
    let h = pairHash(a, b) & t.mask;
    while (t.a[h] !== -1 && !(t.a[h] === a && t.b[h] === b)) h = (h + 1) & t.mask;
    t.a[h] = a;
    t.b[h] = b;
    t.v[h] = v;
  }
  return t;
}

/** The value stored for (a, b), or -1. */
export function pairGet(t: PairTable, a: number, b: number): number {
  for (let h = pairHash(a, b) & t.mask; ; h = (h + 1) & t.mask) {
    const x = t.a[h]!;
    if (x === -1) return -1;
    if (x === a && t.b[h] === b) return t.v[h]!;
  }
}
