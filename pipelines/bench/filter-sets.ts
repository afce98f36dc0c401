/**
 * Varied, realistic filter changes for the benchmark: a year range, a region,
 * a few partnerships, a review type, a theme or two, combinations, and
 * clearing them all. Seeded, so every run asks the same questions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { NO_FILTERS, type Filters } from '../../src/filters/filters.ts';
import type { ReviewType } from '../../src/schema/records.ts';
import { seededRandom } from '../synth/random.ts';

const TYPES: ReviewType[] = ['serious-case-review', 'child-safeguarding-practice-review', 'rapid-review', 'learning-review', 'thematic-review'];

function column(dir: string, table: string, name: string): Array<string | null> {
  const t = tableFromIPC(readFileSync(join(dir, `${table}.arrows`)));
  return (t.getChild(name)?.toArray() ?? []) as Array<string | null>;
}

/** `count` filter sets drawn from the partnerships, regions and themes present in the dataset folder. */
export function filterSets(datasetDir: string, count: number, seed: number): Filters[] {
  const rng = seededRandom(seed);
  const partnerships = column(datasetDir, 'partnerships', 'id').filter((x): x is string => !!x);
  const regions = [...new Set(column(datasetDir, 'partnerships', 'region').filter((x): x is string => !!x))].sort();
  const themes = column(datasetDir, 'themes', 'id').filter((x): x is string => !!x);
  const years = (): Pick<Filters, 'yearFrom' | 'yearTo'> => {
    const from = rng.int(2010, 2024);
    return { yearFrom: from, yearTo: rng.int(from, 2026) };
  };
  const kinds: Array<() => Partial<Filters>> = [
    years,
    () => ({ regions: [rng.pick(regions)] }),
    () => ({ partnerships: [...new Set([rng.pick(partnerships), rng.pick(partnerships), rng.pick(partnerships)])].slice(0, rng.int(1, 3)) }),
    () => ({ types: [rng.pick(TYPES)] }),
    () => ({ themes: [rng.pick(themes)] }),
    () => ({ themes: [...new Set([rng.pick(themes), rng.pick(themes)])] }),
    () => ({ ...years(), regions: [rng.pick(regions)] }),
    () => ({ ...years(), themes: [rng.pick(themes)], types: [rng.pick(TYPES)] }),
  ];
  const sets: Filters[] = [];
  for (let i = 0; i < count; i++) {
    // Every eighth change clears the filters: users go back to the whole picture often.
    sets.push(i % 8 === 7 ? { ...NO_FILTERS } : { ...NO_FILTERS, ...rng.pick(kinds)() });
  }
  return sets;
}

/** Words a user might search for, for the separate text-search figure. */
export const SEARCH_TERMS = ['interpreter', 'lockdown', 'chronology', 'stair gates', 'county lines', 'bath'];
