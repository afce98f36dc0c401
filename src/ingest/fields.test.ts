import { describe, expect, it } from 'vitest';
import { guessKind, guessMapping, missingRequired } from './fields.ts';

describe('guessMapping', () => {
  it('maps typical review spreadsheet headers', () => {
    const m = guessMapping(['Ref', 'Safeguarding Partnership', 'Case', 'Type of review', 'Date published', 'Summary', 'Key findings', 'Recommendations', 'Link', 'Learning themes'], 'review');
    expect(m).toMatchObject({
      id: 'Ref', partnership: 'Safeguarding Partnership', case_name: 'Case', review_type: 'Type of review',
      published: 'Date published', summary: 'Summary', findings: 'Key findings', recommendations: 'Recommendations',
      source_url: 'Link', themes: 'Learning themes',
    });
  });

  it('uses each column once', () => {
    const m = guessMapping(['partnership', 'case_name', 'year'], 'review');
    expect(m).toEqual({ partnership: 'partnership', case_name: 'case_name', published: 'year' });
  });

  it('reports required fields left unmapped', () => {
    expect(missingRequired(guessMapping(['Case', 'Summary'], 'review'), 'review').map((f) => f.id)).toEqual(['partnership']);
  });
});

describe('guessKind', () => {
  it('tells reviews from briefings by their headers', () => {
    expect(guessKind(['partnership', 'case', 'summary'])).toBe('review');
    expect(guessKind(['partnership', 'title', 'text'])).toBe('briefing');
  });
});
