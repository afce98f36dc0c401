/** Number formats shared by the dashboard's titles, tooltips and tables. */

/** 0.583 → "58%". */
export const pct = (share: number): string => `${Math.round(share * 100)}%`;

/** 0.0583 → "5.8%" (one decimal, for small shares and interval bounds). */
export const pct1 = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** Signed percentage points: 12.3 → "+12 pts". */
export const points = (pp: number): string => `${pp > 0 ? '+' : pp < 0 ? '−' : '±'}${Math.abs(Math.round(pp))} pts`;

// One formatter for every count: toLocaleString builds a new Intl.NumberFormat on each call, which cost
// ~20 ms per redraw of the partnership heatmap (930 counts).
const COUNT = new Intl.NumberFormat('en-GB');

/** 12345 → "12,345". */
export const count = (n: number): string => COUNT.format(n);

/** "3 of 12". */
export const ofTotal = (k: number, n: number): string => `${COUNT.format(k)} of ${COUNT.format(n)}`;

