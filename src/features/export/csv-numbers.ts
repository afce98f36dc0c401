/**
 * How each kind of number is written in an exported CSV, for a reader opening
 * it in a spreadsheet: a share as a percentage to one decimal (33.3, not
 * 0.3333333333333333), percentage points to one decimal, a p-value to three
 * significant figures, counts as whole numbers. The header says the unit.
 */
import type { NumberKind, TableColumn } from '../../charts/ChartTable.tsx';
import { NumberText } from '../../lib/csv.ts';

const UNIT: Partial<Record<NumberKind, string>> = { share: ' (%)', points: ' (percentage points)' };

/** The column's header in the CSV: its label (never blank) with the unit its numbers are written in. */
export function csvHeader(column: Pick<TableColumn<never>, 'key' | 'label' | 'kind'>): string {
  const label = column.label.replace(/\s+/g, ' ').trim() || column.key;
  const unit = column.kind ? UNIT[column.kind] ?? '' : '';
  return unit && !label.includes(unit.trim()) ? `${label}${unit}` : label;
}

/** Rounds to `digits` significant figures and writes it without exponent noise: 0.1999999999999997 → "0.200". */
export function significant(value: number, digits = 3): string {
  if (value === 0) return '0';
  const text = value.toPrecision(digits);
  return text.includes('e') ? Number(text).toString() : text;
}

/** One number as the CSV writes it for its kind; null and non-finite values stay empty. */
export function csvNumber(value: unknown, kind: NumberKind | undefined): unknown {
  if (typeof value !== 'number' || !Number.isFinite(value)) return value ?? null;
  switch (kind) {
    case 'share': return new NumberText((value * 100).toFixed(1));
    case 'points': return new NumberText(value.toFixed(1));
    case 'p': return new NumberText(significant(value));
    case 'ratio': return new NumberText(value.toFixed(2));
    case 'count': case 'base': return Math.round(value);
    default: return Number.isInteger(value) ? value : Number(value.toFixed(3));
  }
}
