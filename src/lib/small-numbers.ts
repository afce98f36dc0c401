/**
 * Small-number protection for exported tables: counts below a threshold become
 * "fewer than N" (a count of one to four can identify a child in a small
 * area), a share whose own count was hidden is hidden too (else the count
 * could be worked back from share × base), and shares on a small base are
 * flagged. Pure: rows in, rows out; the columns say which cells are counts
 * and which are shares of what.
 */

export interface SmallNumberPolicy {
  /** False only when the user has switched protection off. */
  enabled: boolean;
  /** Counts from 1 to threshold − 1 are hidden. */
  threshold: number;
  /** Shares on fewer reviews than this are flagged. */
  minShareBase: number;
}

export const DEFAULT_SMALL_NUMBERS: SmallNumberPolicy = { enabled: true, threshold: 5, minShareBase: 10 };

/** How a column takes part: a count, or a share of `count` out of `base` (both column keys). */
export type SuppressionRole = { kind: 'count' } | { kind: 'share'; count: string; base: string };

export interface SuppressionColumn {
  key: string;
  label: string;
  suppression?: SuppressionRole;
}

export interface SuppressedTable {
  columns: string[];
  rows: unknown[][];
  /** Count cells hidden. */
  hiddenCounts: number;
  /** Rows with a share on a small base. */
  smallBaseRows: number;
}

/** The text that stands in for a hidden count. */
export const fewerThan = (threshold: number) => `fewer than ${threshold}`;

/** Label of the column added when some share rests on a small base. */
export const SMALL_BASE_COLUMN = 'Small base';

/** True when `n` is a count the policy hides. */
export function isSmallCount(n: unknown, policy: SmallNumberPolicy): boolean {
  return policy.enabled && typeof n === 'number' && n > 0 && n < policy.threshold;
}

/** True when a share on `base` reviews is to be flagged. */
export function isSmallBase(base: unknown, policy: SmallNumberPolicy): boolean {
  return policy.enabled && typeof base === 'number' && base < policy.minShareBase;
}

/** True when the policy hides at least one count in these rows (without building the protected cells). */
export function hidesACount<Row>(columns: readonly Pick<SuppressionColumn, 'key' | 'suppression'>[], rows: readonly Row[], policy: SmallNumberPolicy): boolean {
  const counts = columns.filter((c) => c.suppression?.kind === 'count');
  return rows.some((row) => counts.some((c) => isSmallCount((row as Record<string, unknown>)[c.key], policy)));
}

/**
 * Applies the policy to rows already reduced to cell values (`cell(row, column)`
 * gives what the export would write). With the policy off the rows pass through.
 */
export function suppressRows<Row>(
  columns: readonly SuppressionColumn[],
  rows: readonly Row[],
  cell: (row: Row, column: SuppressionColumn) => unknown,
  policy: SmallNumberPolicy,
): SuppressedTable {
  const raw = (row: Row, key: string) => (row as Record<string, unknown>)[key];
  const shares = columns.filter((c) => c.suppression?.kind === 'share');
  let hiddenCounts = 0;
  let smallBaseRows = 0;
  const out = rows.map((row) => {
    let smallBase = false;
    const cells = columns.map((c) => {
      const role = c.suppression;
      if (role?.kind === 'count' && isSmallCount(raw(row, c.key), policy)) {
        hiddenCounts++;
        return fewerThan(policy.threshold);
      }
      if (role?.kind === 'share') {
        if (isSmallCount(raw(row, role.count), policy) || isSmallCount(raw(row, role.base), policy)) return 'hidden (small count)';
        if (isSmallBase(raw(row, role.base), policy)) smallBase = true;
      }
      return cell(row, c);
    });
    if (smallBase) smallBaseRows++;
    return shares.length && policy.enabled ? [...cells, smallBase ? `share on fewer than ${policy.minShareBase} reviews` : ''] : cells;
  });
  const labels = columns.map((c) => c.label);
  return { columns: shares.length && policy.enabled ? [...labels, SMALL_BASE_COLUMN] : labels, rows: out, hiddenCounts, smallBaseRows };
}

/** One sentence for an export's notes: what protection did, or that it was switched off. */
export function suppressionNote(t: Pick<SuppressedTable, 'hiddenCounts' | 'smallBaseRows'>, policy: SmallNumberPolicy): string {
  if (!policy.enabled) return 'Small-number protection was switched off for this export: every count is shown as counted.';
  const parts = [`Small-number protection applied: counts from 1 to ${policy.threshold - 1} are shown as "${fewerThan(policy.threshold)}" (${t.hiddenCounts} hidden here)`];
  parts.push(`shares on fewer than ${policy.minShareBase} reviews are marked (${t.smallBaseRows} here)`);
  return parts.join('; ') + '.';
}
