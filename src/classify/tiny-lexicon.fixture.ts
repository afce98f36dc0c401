// A tiny taxonomy, lexicon and example set for engine tests (not a test file itself).
export const TINY_TAXONOMY = {
  themes: [
    { id: 'neglect', label: 'Neglect', group: 'harm' },
    { id: 'domestic-abuse', label: 'Domestic abuse', group: 'family' },
    { id: 'education-school', label: 'Education and school', group: 'context' },
  ],
};

export const TINY_LEXICON = {
  negation: { window: 5, immediate: ['no', 'not'], before: ['no concerns'], after: ['ruled out'], breaks: ['but'] },
  themes: {
    neglect: { negatable: true, strong: ['neglect', 'poor hygiene', 'head lice'], phrases: ['hungry', 'dirty'] },
    'domestic-abuse': { negatable: true, strong: ['domestic abuse', 'domestic violence', 'coercive control'], phrases: ['police call-outs'] },
    'education-school': { strong: ['school', 'teacher', 'exclusion'], phrases: ['attendance'] },
  },
};

const rows: Array<[string, string[]]> = [
  ['The children arrived at school hungry and dirty, with head lice.', ['neglect', 'education-school']],
  ['Home conditions were squalid and the baby had poor hygiene.', ['neglect']],
  ['Neglect was long-standing and cumulative.', ['neglect']],
  ['There were repeated police call-outs for domestic violence.', ['domestic-abuse']],
  ['The mother experienced coercive control from her partner.', ['domestic-abuse']],
  ['Domestic abuse was not recognised as harm to the children.', ['domestic-abuse']],
  ['The teacher noticed falling attendance before the exclusion.', ['education-school']],
  ['School staff did not refer their concerns.', ['education-school']],
  ['The school saw the child every day and noticed he was hungry.', ['education-school', 'neglect']],
  ['Police attended a domestic incident; the children were not at school.', ['domestic-abuse', 'education-school']],
  ['Poor hygiene and hunger were signs of neglect.', ['neglect']],
  ['Violence between the parents was frequent.', ['domestic-abuse']],
];

export const TINY_EXAMPLES = rows.map(([text, gold]) => ({ text, gold }));
