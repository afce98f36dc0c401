/**
 * Negation scoped to a short window inside one clause: "no concerns about neglect" denies
 * neglect, "did not recognise the neglect" does not (only cue phrases negate, and a bare
 * "no"/"not" only when it directly precedes the phrase).
 */
import type { CompiledLexicon } from './lexicon.ts';
import type { Tokens } from './tokens.ts';

/** . ; : ! ? ( ) end a clause. */
const isClauseEnd = (c: number): boolean => c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 40 || c === 41;

function seqAt(stems: ArrayLike<number>, n: number, at: number, seq: number[]): boolean {
  if (at < 0 || at + seq.length > n) return false;
  for (let k = 0; k < seq.length; k++) if (stems[at + k] !== seq[k]) return false;
  return true;
}

/** True when there is no clause break or contrast word between token a (exclusive) and b (exclusive). */
function sameClause(lex: CompiledLexicon, tokens: Tokens, text: string, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (lex.breaks.has(tokens.ids[k]!)) return false;
  const to = b < tokens.n ? tokens.starts[b]! : text.length;
  for (let k = tokens.ends[a]!; k < to; k++) if (isClauseEnd(text.charCodeAt(k))) return false;
  return true;
}

// A flag array by stem id filters out nearly every word before the Map lookups of cue sequences.
const isCue = (flags: Uint8Array, stem: number): boolean => stem < flags.length && flags[stem] === 1;

/** Whether the phrase at tokens [i, j) is denied by a nearby negation cue. */
export function isNegated(lex: CompiledLexicon, tokens: Tokens, text: string, i: number, j: number): boolean {
  const stems = tokens.ids;
  const cue = lex.cueStems;
  if (i > 0 && isCue(cue, stems[i - 1]!)) {
    for (const cue of lex.immediate.get(stems[i - 1]!) ?? []) {
      if (seqAt(stems, tokens.n, i - cue.length, cue) && sameClause(lex, tokens, text, i - 1, i)) return true;
    }
  }
  for (let end = i - 1; end >= Math.max(0, i - lex.window); end--) {
    if (!isCue(cue, stems[end]!)) continue;
    for (const cue of lex.before.get(stems[end]!) ?? []) {
      if (seqAt(stems, tokens.n, end - cue.length + 1, cue) && sameClause(lex, tokens, text, end, i)) return true;
    }
  }
  for (let at = j; at <= Math.min(tokens.n - 1, j + lex.window); at++) {
    if (!isCue(cue, stems[at]!)) continue;
    for (const cue of lex.after.get(stems[at]!) ?? []) {
      if (seqAt(stems, tokens.n, at, cue) && sameClause(lex, tokens, text, j - 1, at)) return true;
    }
  }
  return false;
}
