/**
 * The planner's SQL on a tiny fixture in the real DuckDB-WASM engine.
 *
 * Partnership alpha, reviews (year → themes):
 *   r1 2019 {x, y}   r2 2020 {} (model tagged x, rejected by hand: untagged, so not counted)
 *   r3 2022 {x, y}   r4 2023 {x, y}   r5 2024 {x, y, z}   r6 undated {x}
 * Partnership beta: b1 2023 {z}, b2 2024 {}.
 * Briefings (alpha): y in 2023 and 2024, y undated but written on r5 (so 2024),
 * x only in a partnership statement (not a briefing), z in 2015 and undated.
 * So in 2022–2024 x and y recur equally; only y has recent briefings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRunner } from '../db/node-runner.ts';
import { rankThemes, DEFAULT_WEIGHTS, type ThemeCoverage } from '../planner/score.ts';
import { groupEvidence, type ThemeEvidenceRow } from '../planner/material.ts';
import { NO_FILTERS, type Filters } from '../filters/filters.ts';
import { REFRESH_DERIVED_SQL } from './derived.ts';
import { CREATE_SCHEMA_SQL } from './schema-sql.ts';
import {
  localVsRestSql, plannerYearsSql, themeBriefingsSql, themeCoverageSql, themeEvidenceSql,
  type LocalVsRestRow, type PlannerYearsRow, type ThemeBriefingRow,
} from './planner.ts';

const FIXTURE = `
INSERT INTO partnerships (id, name, region) VALUES ('alpha', 'Alpha', 'North'), ('beta', 'Beta', 'South');
INSERT INTO theme_groups VALUES ('g', 'Group');
INSERT INTO themes VALUES ('x', 'g', 'Theme X', '', false), ('y', 'g', 'Theme Y', '', false),
  ('z', 'g', 'Theme Z', '', false), ('old', 'g', 'Retired', '', true);
INSERT INTO reviews (id, partnership_id, case_name, review_type, published, published_on, year, summary, origin) VALUES
  ('r1', 'alpha', 'One', 'serious-case-review', '2019', '2019-01-01', 2019, 'S1.', 'test'),
  ('r2', 'alpha', 'Two', 'serious-case-review', '2020', '2020-01-01', 2020, 'S2.', 'test'),
  ('r3', 'alpha', 'Three', 'child-safeguarding-practice-review', '2022-03', '2022-03-01', 2022, 'S3.', 'test'),
  ('r4', 'alpha', 'Four', 'child-safeguarding-practice-review', '2023', '2023-01-01', 2023, 'Four was known to school. Dr. Lee saw him twice. A third sentence.', 'test'),
  ('r5', 'alpha', 'Five', 'rapid-review', '2024-06', '2024-06-01', 2024, 'S5.', 'test'),
  ('r6', 'alpha', 'Six', 'rapid-review', NULL, NULL, NULL, 'S6.', 'test'),
  ('b1', 'beta', 'Bee one', 'rapid-review', '2023', '2023-01-01', 2023, 'B1.', 'test'),
  ('b2', 'beta', 'Bee two', 'rapid-review', '2024', '2024-01-01', 2024, 'B2.', 'test');
INSERT INTO briefings (id, partnership_id, title, briefing_kind, review_id, published, published_on, year, origin) VALUES
  ('br1', 'alpha', 'Y one', '7-minute-briefing', NULL, '2023-05', '2023-05-01', 2023, 'test'),
  ('br2', 'alpha', 'Y two', '7-minute-briefing', NULL, '2024-02', '2024-02-01', 2024, 'test'),
  ('br3', 'alpha', 'Y on Five', 'lessons-learned-briefing', 'r5', NULL, NULL, NULL, 'test'),
  ('st1', 'alpha', 'Statement on X', 'statement', NULL, '2024', '2024-01-01', 2024, 'test'),
  ('bz1', 'alpha', 'Z old', '7-minute-briefing', NULL, '2015', '2015-01-01', 2015, 'test'),
  ('bz2', 'alpha', 'Z undated', '7-minute-briefing', NULL, NULL, NULL, NULL, 'test');
INSERT INTO documents VALUES ('d5', 'review', 'r5', 'five.txt', 'text/plain', 100);
INSERT INTO passages VALUES ('p5', 'd5', 'review', 'r5', 0, 'Passage text.');
INSERT INTO theme_tags VALUES
  ('review', 'r1', 'x', 1, 'manual', true), ('review', 'r1', 'y', 1, 'manual', true),
  ('review', 'r2', 'x', 0.7, 'model', true), ('review', 'r2', 'x', 1, 'manual', false),
  ('review', 'r3', 'x', 0.9, 'model', true), ('review', 'r3', 'y', 1, 'manual', true),
  ('review', 'r4', 'x', 1, 'manual', true), ('review', 'r4', 'y', 1, 'manual', true),
  ('passage', 'p5', 'x', 0.8, 'model', true), ('review', 'r5', 'y', 1, 'manual', true), ('review', 'r5', 'z', 1, 'manual', true),
  ('review', 'r6', 'x', 1, 'manual', true), ('review', 'b1', 'z', 1, 'manual', true),
  ('briefing', 'br1', 'y', 1, 'manual', true), ('briefing', 'br2', 'y', 0.6, 'model', true),
  ('briefing', 'br3', 'y', 0.6, 'model', true), ('briefing', 'st1', 'x', 0.9, 'model', true),
  ('briefing', 'bz1', 'z', 1, 'manual', true), ('briefing', 'bz2', 'z', 1, 'manual', true);
INSERT INTO tag_evidence VALUES
  ('review', 'r3', 'x', 0, 0, 10, 'Strongest X sentence.', 5.0),
  ('review', 'r3', 'x', 1, 11, 20, 'Second X sentence.', 3.0),
  ('review', 'r3', 'x', 2, 21, 30, 'Weak X sentence.', 1.0),
  ('passage', 'p5', 'x', 0, 0, 13, 'Passage X sentence.', 4.0),
  ('review', 'r3', 'y', 0, 0, 10, 'A Y sentence.', 9.0);
`;

const alpha: Filters = { ...NO_FILTERS, partnerships: ['alpha'] };
const window = { from: 2022, to: 2024 };

describe('planner SQL', () => {
  let db: Awaited<ReturnType<typeof createNodeRunner>>;
  let coverage: Map<string, ThemeCoverage>;

  beforeAll(async () => {
    db = await createNodeRunner();
    await db.exec(CREATE_SCHEMA_SQL);
    await db.exec(FIXTURE);
    await db.exec(REFRESH_DERIVED_SQL);
    const rows = await db.query<ThemeCoverage>(themeCoverageSql(alpha, window));
    coverage = new Map(rows.map((r) => [r.theme_id, r]));
  }, 60_000); // engine start-up is slow on a busy machine
  afterAll(() => db.close());

  it('reads the year span of the scope, counting undated reviews apart', async () => {
    const [row] = await db.query<PlannerYearsRow>(plannerYearsSql(alpha));
    expect(row).toEqual({ latest_year: 2024, first_year: 2019, reviews: 6, untagged_reviews: 1, undated_reviews: 1, briefings: 5, untagged_briefings: 0, partnerships: 2 });
  });

  it('counts tagged reviews in and before the window, honouring manual rejections and passage tags', () => {
    expect(coverage.get('x')).toMatchObject({ window_total: 3, window_reviews: 3, before_total: 1, before_reviews: 1 });
    expect(coverage.get('z')).toMatchObject({ window_reviews: 1, before_reviews: 0 });
    expect(coverage.has('old')).toBe(false);
  });

  it('counts briefings: statements never, undated ones on a review at the review’s date', () => {
    expect(coverage.get('x')).toMatchObject({ briefings: 0, briefings_recent: 0, latest_briefing_year: null });
    expect(coverage.get('y')).toMatchObject({ briefings: 3, briefings_recent: 3, briefings_undated: 0, latest_briefing_year: 2024, latest_briefing: '2024-06' });
    expect(coverage.get('z')).toMatchObject({ briefings: 2, briefings_recent: 0, briefings_undated: 1, latest_briefing_year: 2015 });
  });

  it('ranks X (recurring, no briefing) above Y (recurring as often, three recent briefings)', () => {
    const { ranked } = rankThemes([...coverage.values()], DEFAULT_WEIGHTS, { setApartBriefed: false });
    const order = ranked.map((r) => r.theme_id);
    expect(order.indexOf('x')).toBeLessThan(order.indexOf('y'));
    expect(ranked.find((r) => r.theme_id === 'x')!.window_reviews).toBe(ranked.find((r) => r.theme_id === 'y')!.window_reviews);
  });

  it('widens the scope to every partnership when none is chosen', async () => {
    const rows = await db.query<ThemeCoverage>(themeCoverageSql(NO_FILTERS, window));
    expect(rows.find((r) => r.theme_id === 'z')).toMatchObject({ window_total: 4, window_reviews: 2 });
  });

  it('gives the strongest evidence per review, passage evidence for its review, and summaries for manual tags', async () => {
    const rows = await db.query<ThemeEvidenceRow>(themeEvidenceSql(alpha, window, 'x'));
    const material = groupEvidence(rows);
    expect(material.map((m) => [m.review_id, m.kind, m.sentences])).toEqual([
      ['r3', 'evidence', ['Strongest X sentence.', 'Second X sentence.']],
      ['r5', 'evidence', ['Passage X sentence.']],
      ['r4', 'summary', ['Four was known to school.', 'Dr. Lee saw him twice.']],
    ]);
    expect(rows[0]!.reviews_with_theme).toBe(3);
  });

  it('lists the briefings on a theme newest first, marking dates taken from the review', async () => {
    const rows = await db.query<ThemeBriefingRow>(themeBriefingsSql(alpha, 'y'));
    expect(rows.map((r) => [r.id, r.published, r.dated_by_review])).toEqual([
      ['br3', '2024-06', true], ['br2', '2024-02', false], ['br1', '2023-05', false],
    ]);
  });

  it('compares one partnership with the rest in the same window', async () => {
    const rows = await db.query<LocalVsRestRow>(localVsRestSql(alpha, 'alpha', window));
    expect(rows.find((r) => r.theme_id === 'z')).toEqual({ theme_id: 'z', label: 'Theme Z', local_k: 1, local_n: 3, rest_k: 1, rest_n: 1 });
  });
});
