/** Number formats shared by the dashboard's titles, tooltips and tables. */

/** 0.583 → "58%". */
export const pct = (share: number): string => `${Math.round(share * 100)}%`;

/** 0.0583 → "5.8%" (one decimal, for small shares and interval bounds). */
export const pct1 = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** Signed percentage points: 12.3 → "+12 pts". */
export const points = (pp: number): string => `${pp > 0 ? '+' : pp < 0 ? '−' : '±'}${Math.abs(Math.round(pp))} pts`;

/** "3 of 12". */
export const ofTotal = (k: number, n: number): string => `${k.toLocaleString('en-GB')} of ${n.toLocaleString('en-GB')}`;

/** ECharts renders tooltip strings as HTML; names come from imported data, so escape them. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
