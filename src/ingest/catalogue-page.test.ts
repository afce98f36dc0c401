import { describe, expect, it } from 'vitest';
import { parseCataloguePage } from './catalogue-page.ts';
import { defaultMatcher } from './test-themes.ts';

const CATALOGUE_FIXTURE = `Case review catalogue — results 1 to 3

2024 - Northshire - Child X
Child X, aged 9 months, was admitted to hospital with a head injury. Agencies knew of domestic abuse at home.
Learning includes: the voice of the child; information sharing between health visitors and GPs; domestic abuse; the weather on the day.
Recommendations include: training on safer sleep; a multi-agency audit.

2023 – Southby Safeguarding Children Partnership – Baby Y (Rapid review)
Baby Y died suddenly while co-sleeping with a parent who had used alcohol.
Learning includes: safer sleeping advice, substance misuse and professional curiosity.

2022 - Eastwick - Sibling Group Z
Three children were neglected over many years.
`;

describe('parseCataloguePage', () => {
  const result = parseCataloguePage(CATALOGUE_FIXTURE, defaultMatcher());

  it('finds each entry as a review', () => {
    expect(result.entries).toBe(3);
    expect(result.reviews.map((r) => [r.partnership_id, r.case_name, r.year, r.review_type])).toEqual([
      ['northshire', 'Child X', 2024, 'child-safeguarding-practice-review'],
      ['southby', 'Baby Y', 2023, 'rapid-review'],
      ['eastwick', 'Sibling Group Z', 2022, 'child-safeguarding-practice-review'],
    ]);
    expect(result.reviews[0]!.summary).toMatch(/^Child X, aged 9 months/);
    expect(result.reviews[0]!.recommendations).toBe('training on safer sleep; a multi-agency audit.');
  });

  it('maps listed learning to manual accepted theme tags', () => {
    const themes = (id: string) => result.tags.filter((t) => t.entity_id === id).map((t) => t.theme_id).sort();
    expect(themes(result.reviews[0]!.id)).toEqual(['domestic-abuse', 'information-sharing', 'voice-of-the-child']);
    expect(themes(result.reviews[1]!.id)).toEqual(['professional-curiosity', 'substance-misuse', 'sudi-safer-sleep']);
    expect(result.tags.every((t) => t.source === 'manual' && t.accepted)).toBe(true);
  });

  it('reports unmatched phrases and entries without learning', () => {
    expect(result.unmatched).toEqual([{ entry: 'Northshire – Child X', phrase: 'the weather on the day' }]);
    expect(result.problems.map((p) => p.message)).toEqual(['line 12 (Eastwick – Sibling Group Z): no "Learning includes:" line, so no themes']);
  });

  it('says what an entry must look like when it finds none', () => {
    expect(parseCataloguePage('just some text', defaultMatcher()).problems[0]!.message).toMatch(/2024 - Somewhere - Child X/);
  });
});
