import { describe, expect, it } from 'vitest';
import { codebookToTaxonomyJson, parseTaxonomyJson } from './json.ts';
import { planCodebookImport } from './merge.ts';
import type { Codebook } from './types.ts';

const current: Codebook = {
  groups: [{ id: 'practice', label: 'Practice' }, { id: 'harm', label: 'Harm' }],
  themes: [
    { id: 'neglect', group_id: 'harm', label: 'Neglect', description: 'Unmet needs', retired: false },
    { id: 'curiosity', group_id: 'practice', label: 'Professional curiosity', description: '', retired: false },
    { id: 'escalation', group_id: 'practice', label: 'Escalation', description: '', retired: false },
  ],
};

describe('taxonomy JSON', () => {
  it('round-trips a theme set in the data/taxonomy.json shape', () => {
    const parsed = parseTaxonomyJson(codebookToTaxonomyJson(current));
    expect(parsed.errors).toEqual([]);
    expect({ groups: parsed.groups, themes: parsed.themes }).toEqual(current);
  });

  it('explains what is wrong with a bad file', () => {
    expect(parseTaxonomyJson('{oops').errors[0]).toMatch(/not valid JSON/);
    expect(parseTaxonomyJson('[1,2]').errors[0]).toMatch(/"themes" list/);
    expect(parseTaxonomyJson('{"version": 9, "themes": []}').errors[0]).toMatch(/version 9/);
    expect(parseTaxonomyJson('{"themes":[{"id":"a","label":"A"},{"id":"a","label":"B"}]}').errors).toEqual(['Theme id "a" appears twice.']);
  });
});

describe('codebook import plan', () => {
  it('keeps ids, renames by id, matches by name, adds new themes and lists missing ones', () => {
    const incoming = parseTaxonomyJson(JSON.stringify({
      groups: [{ id: 'practice', label: 'How professionals worked' }, { id: 'new', label: 'Online' }],
      themes: [
        { id: 'curiosity', group: 'practice', label: 'Curiosity' },
        { id: 'something-else', group: 'harm', label: 'NEGLECT', description: 'Unmet needs' },
        { id: 'online-harm', group: 'new', label: 'Online harm' },
      ],
    }));
    const plan = planCodebookImport(current, incoming);
    expect(plan.renamed).toEqual([{ id: 'curiosity', from: 'Professional curiosity', to: 'Curiosity' }, { id: 'neglect', from: 'Neglect', to: 'NEGLECT' }]);
    expect(plan.added.map((t) => [t.id, t.group_id])).toEqual([['online-harm', 'new']]);
    expect(plan.missing.map((t) => t.id)).toEqual(['escalation']);
    expect(plan.result.themes.find((t) => t.id === 'neglect')!.label).toBe('NEGLECT');
    expect(plan.result.groups.map((g) => g.label)).toEqual(['How professionals worked', 'Harm', 'Online']);
    expect(plan.result.themes.find((t) => t.id === 'escalation')!.retired).toBe(false);
    expect(planCodebookImport(current, incoming, { retireMissing: true }).result.themes.find((t) => t.id === 'escalation')!.retired).toBe(true);
  });

  it('never reuses an existing id for a new theme', () => {
    const incoming = parseTaxonomyJson(JSON.stringify({ themes: [{ id: 'neglect', label: 'Neglect' }, { id: 'neglect-x', label: 'Other' }] }));
    const plan = planCodebookImport({ ...current, themes: [...current.themes, { id: 'neglect-x', group_id: 'harm', label: 'X', description: '', retired: false }] }, incoming);
    expect(plan.added).toEqual([]);
    expect(plan.renamed).toEqual([{ id: 'neglect-x', from: 'X', to: 'Other' }]);
  });
});
