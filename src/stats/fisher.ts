/**
 * Fisher's exact test on a 2×2 table. Chosen over the two-proportion z-test
 * because theme counts per partnership or per year are often below 5, where the
 * normal approximation misleads.
 */

/** log(n!) by summing logs; exact enough and fast for the counts we see (< 1e6). */
const logFactorialCache: number[] = [0];
function logFactorial(n: number): number {
  for (let i = logFactorialCache.length; i <= n; i++) logFactorialCache[i] = logFactorialCache[i - 1]! + Math.log(i);
  return logFactorialCache[n]!;
}

/** Probability of the table [[a, b], [c, d]] given its margins (hypergeometric). */
function tableProbability(a: number, b: number, c: number, d: number): number {
  return Math.exp(
    logFactorial(a + b) + logFactorial(c + d) + logFactorial(a + c) + logFactorial(b + d) -
      logFactorial(a + b + c + d) - logFactorial(a) - logFactorial(b) - logFactorial(c) - logFactorial(d),
  );
}

/**
 * One-sided p-value that group 1 (a of a+b) has a higher proportion than
 * group 2 (c of c+d): the chance of a table at least as extreme with the same margins.
 */
export function fisherGreater(a: number, b: number, c: number, d: number): number {
  const row1 = a + b;
  const col1 = a + c;
  const n = a + b + c + d;
  const max = Math.min(row1, col1);
  let p = 0;
  for (let x = a; x <= max; x++) {
    const y = col1 - x;
    if (row1 - x < 0 || y < 0 || n - row1 - y < 0) continue;
    p += tableProbability(x, row1 - x, y, n - row1 - y);
  }
  return Math.min(1, p);
}

/** Two-sided p-value: the sum over tables no more likely than the observed one. */
export function fisherTwoSided(a: number, b: number, c: number, d: number): number {
  const row1 = a + b;
  const col1 = a + c;
  const n = a + b + c + d;
  const observed = tableProbability(a, b, c, d);
  let p = 0;
  for (let x = Math.max(0, col1 - (n - row1)); x <= Math.min(row1, col1); x++) {
    const q = tableProbability(x, row1 - x, col1 - x, n - row1 - col1 + x);
    // Relative tolerance, as R's fisher.test, so ties by rounding count as "as extreme".
    if (q <= observed * (1 + 1e-7)) p += q;
  }
  return Math.min(1, p);
}
