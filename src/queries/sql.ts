/** Escaping for values spliced into SQL: every literal goes through here. */

/** A SQL string literal. */
export function str(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A SQL integer literal; throws on anything that is not a safe integer. */
export function int(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`Not an integer: ${value}`);
  return String(value);
}

/** A parenthesised list of string literals for `IN (...)`. */
export function strList(values: readonly string[]): string {
  return `(${values.map(str).join(', ')})`;
}

/** A LIKE/ILIKE pattern matching `text` anywhere, with LIKE's wildcards escaped. */
export function containsPattern(text: string): string {
  return str(`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) + " ESCAPE '\\'";
}

/** Joins conditions with AND; `TRUE` when there are none. */
export function and(conditions: readonly (string | null | false | undefined)[]): string {
  const kept = conditions.filter((c): c is string => typeof c === 'string' && c !== '');
  return kept.length ? kept.map((c) => `(${c})`).join(' AND ') : 'TRUE';
}

/**
 * One row of named counts: each entry counts the rows of its `FROM` clause (a
 * table or view with an optional WHERE) as an INTEGER; `values` adds other
 * scalar expressions by name.
 */
export function countsSql(counts: Readonly<Record<string, string>>, values: Readonly<Record<string, string>> = {}): string {
  const columns = [
    ...Object.entries(counts).map(([name, from]) => `(SELECT count(*) FROM ${from})::INTEGER AS ${name}`),
    ...Object.entries(values).map(([name, expr]) => `${expr} AS ${name}`),
  ];
  return `SELECT ${columns.join(',\n       ')}`;
}
