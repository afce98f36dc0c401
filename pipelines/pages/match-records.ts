/**
 * Pairs the records a reader found with the labelled ones, one to one. Names
 * match when they are the same words once quotes, "&"/"and" and a leading
 * "Child" are set aside, or when one name holds all the words of the other
 * ("Vulnerable Adolescents" and "Vulnerable Adolescents Thematic Review").
 */
import { caseKey } from '../../src/ingest/pages/line-shapes.ts';

export interface Expected {
  name: string;
  published: string | null;
}

export interface MatchResult {
  pairs: Array<{ expected: Expected; found: Expected }>;
  tally: { tp: number; expected: number; found: number };
}

const words = (name: string) => new Set(caseKey(name).replace(/^child /, '').split(' ').filter(Boolean));

/** Whether two record names refer to the same review or briefing. */
export function sameName(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 || wb.size === 0) return false;
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  return [...small].every((w) => large.has(w));
}

/** Greedy one-to-one pairing: exact keys first, then word containment. */
export function matchRecords(expected: readonly Expected[], found: readonly Expected[]): MatchResult {
  const free = new Set(found.map((_, i) => i));
  const pairs: MatchResult['pairs'] = [];
  const unmatched: Expected[] = [];
  for (const e of expected) {
    const exact = [...free].find((i) => caseKey(found[i]!.name) === caseKey(e.name));
    if (exact !== undefined) {
      free.delete(exact);
      pairs.push({ expected: e, found: found[exact]! });
    } else unmatched.push(e);
  }
  for (const e of unmatched) {
    const loose = [...free].find((i) => sameName(found[i]!.name, e.name));
    if (loose === undefined) continue;
    free.delete(loose);
    pairs.push({ expected: e, found: found[loose]! });
  }
  return { pairs, tally: { tp: pairs.length, expected: expected.length, found: found.length } };
}
