/**
 * A tiny documented dataset for the dashboard query tests.
 *
 * Partnerships: a (North), b (South). Tagged reviews (effective themes):
 *   r1 a 2020 neglect, domestic-abuse
 *   r2 a 2021 neglect
 *   r3 b 2021 domestic-abuse (the model also said neglect; an expert rejected it)
 *   r4 b 2022 neglect, domestic-abuse
 *   r5 b  —   neglect (undated)
 * Untagged: r6 a 2022 ("The dog barked at home."). Briefing k1 a 2022 neglect, "Home alone".
 * Theme online-harm is never tagged.
 */
import { createNodeRunner } from '../db/node-runner.ts';
import { CREATE_SCHEMA_SQL } from './schema-sql.ts';
import { REFRESH_DERIVED_SQL } from './derived.ts';

const review = (id: string, p: string, year: number | null, summary: string) =>
  `('${id}', '${p}', 'Case ${id}', 'serious-case-review', ${year ? `'${year}'` : 'NULL'}, ${year ? `'${year}-01-01'` : 'NULL'}, ${year ?? 'NULL'}, '${summary}', NULL, NULL, 'https://example.org/${id}', 'test')`;

const tag = (type: string, id: string, theme: string, score: number, source: string, accepted: boolean) =>
  `('${type}', '${id}', '${theme}', ${score}, '${source}', ${accepted})`;

export const FIXTURE_SQL = `
INSERT INTO partnerships (id, name, region) VALUES ('a', 'Alpha', 'North'), ('b', 'Beta', 'South');
INSERT INTO theme_groups VALUES ('g', 'Group');
INSERT INTO themes VALUES ('neglect', 'g', 'Neglect', '', false), ('domestic-abuse', 'g', 'Domestic abuse', '', false),
  ('online-harm', 'g', 'Online harm', '', false), ('old', 'g', 'Retired', '', true);
INSERT INTO reviews VALUES ${[
  review('r1', 'a', 2020, 'Neglect and domestic abuse.'), review('r2', 'a', 2021, 'Neglect of a baby.'),
  review('r3', 'b', 2021, 'Violence at home.'), review('r4', 'b', 2022, 'Both themes here.'),
  review('r5', 'b', null, 'Undated neglect.'), review('r6', 'a', 2022, 'The dog barked at home.'),
].join(', ')};
INSERT INTO briefings VALUES ('k1', 'a', 'Home alone', '7-minute-briefing', 'r2', '2022', '2022-01-01', 2022, 'Leaving a baby home alone.', NULL, 'test');
INSERT INTO theme_tags VALUES ${[
  tag('review', 'r1', 'neglect', 1, 'manual', true), tag('review', 'r1', 'domestic-abuse', 0.8, 'model', true),
  tag('review', 'r2', 'neglect', 0.9, 'model', true), tag('review', 'r3', 'domestic-abuse', 0.6, 'model', true),
  tag('review', 'r3', 'neglect', 0.7, 'model', true), tag('review', 'r3', 'neglect', 1, 'manual', false),
  tag('review', 'r4', 'neglect', 1, 'manual', true), tag('review', 'r4', 'domestic-abuse', 1, 'manual', true),
  tag('review', 'r5', 'neglect', 0.5, 'model', true), tag('briefing', 'k1', 'neglect', 0.9, 'model', true),
].join(', ')};
INSERT INTO tag_evidence VALUES ('review', 'r2', 'neglect', 1, 0, 18, 'Neglect of a baby.', 0.9);
`;

/** A Node DuckDB-WASM runner holding the fixture. */
export async function openFixture() {
  const db = await createNodeRunner();
  await db.exec(CREATE_SCHEMA_SQL);
  await db.exec(FIXTURE_SQL);
  await db.exec(REFRESH_DERIVED_SQL);
  return db;
}
