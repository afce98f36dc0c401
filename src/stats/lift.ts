/** Lift of two tags occurring together over what independence predicts. */

/**
 * Lift = P(A and B) / (P(A) P(B)) = both · total / (a · b). 1 means as often as
 * chance, above 1 more often. Undefined (null) when either tag never occurs.
 */
export function lift(both: number, a: number, b: number, total: number): number | null {
  if (a <= 0 || b <= 0 || total <= 0) return null;
  return (both * total) / (a * b);
}
