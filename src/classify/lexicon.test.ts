import { describe, expect, it } from 'vitest';
import { compileLexicon, gateWords, leadWords, matchLexicon } from './lexicon.ts';
import { parseLexicon, parseTaxonomy } from './lexicon-data.ts';
import { tokenize } from './tokens.ts';

const taxonomy = parseTaxonomy({
  themes: [
    { id: 'neglect', label: 'Neglect' },
    { id: 'professional-curiosity', label: 'Professional curiosity' },
    { id: 'home-safety-supervision', label: 'Home safety and supervision' },
  ],
});
const lexicon = compileLexicon(
  parseLexicon({
    negation: { window: 5, immediate: ['no', 'not'], before: ['no concerns', 'no evidence'], after: ['ruled out'], breaks: ['but'] },
    themes: {
      neglect: { negatable: true, strong: ['neglect', 'home conditions'] },
      'professional-curiosity': { negatable: false, strong: ['curiosity'] },
      'home-safety-supervision': { negatable: true, strong: ['accidental injury'], patterns: ['\\bleft (?:alone|unsupervised)'] },
    },
  }),
  taxonomy,
);

function themesIn(text: string): string[] {
  const hits = matchLexicon(lexicon, tokenize(text), text);
  return [...new Set(hits.map((h) => taxonomy[h.theme]!.id))].sort();
}

describe('lexicon negation', () => {
  it('does not count a denied harm as evidence', () => {
    expect(themesIn('There were no concerns about neglect.')).toEqual([]);
    expect(themesIn('No evidence of poor home conditions was found.')).toEqual([]);
    expect(themesIn('Neglect was ruled out by the paediatrician.')).toEqual([]);
    expect(themesIn('This was not neglect.')).toEqual([]);
  });

  it('counts a lack of good practice as evidence of that theme', () => {
    expect(themesIn('The review found a lack of professional curiosity.')).toEqual(['professional-curiosity']);
    expect(themesIn('There was an absence of professional curiosity.')).toEqual(['professional-curiosity']);
    expect(themesIn('Practitioners showed insufficient curiosity.')).toEqual(['professional-curiosity']);
    expect(themesIn('There was no curiosity about the injuries.')).toEqual(['professional-curiosity']);
  });

  it('scopes negation to a short window in the same clause', () => {
    expect(themesIn('There were no concerns at first, but later the neglect was obvious.')).toEqual(['neglect']);
    expect(themesIn('No concerns were raised by the school. Neglect was then found at home.')).toEqual(['neglect']);
    expect(themesIn('Professionals did not recognise the neglect.')).toEqual(['neglect']);
  });

  it('does not read "non-accidental injury" as an accidental injury', () => {
    expect(themesIn('The doctor suspected a non-accidental injury.')).toEqual([]);
    expect(themesIn('It was an accidental injury.')).toEqual(['home-safety-supervision']);
  });

  it('matches regex patterns and the theme label', () => {
    expect(themesIn('The children were left alone overnight.')).toEqual(['home-safety-supervision']);
    expect(themesIn('Home safety was discussed.')).toEqual(['home-safety-supervision']);
  });
});

describe('gateWords', () => {
  it('keeps content words and drops suffix fragments and escapes', () => {
    expect(gateWords('\\baccept(?:ed|ing)? the (?:mother|father)[’\']?s explanation')).toEqual(['accept', 'mother', 'father', 'explanation']);
  });
});

describe('leadWords', () => {
  it('names the words every match starts with, or none when a match may start elsewhere', () => {
    expect(leadWords("\\b(?:mother|mum)[’']?s (?:new )?partner")).toEqual(['mother', 'mum']);
    expect(leadWords('\\bstepp?(?:ed|ing)? down')).toEqual(['step']);
    expect(leadWords('(?<=\\b(?:at|in) )\\bschool\\b')).toEqual(['school']);
    expect(leadWords('\\b(?:13|14|15), was')).toEqual(['13', '14', '15']);
    expect(leadWords('\\b(?:a|at) risk')).toEqual([]);
    expect(leadWords('\\b(?:left )?alone')).toEqual([]);
    expect(leadWords('\\b\\d{1,2}[- ]week')).toEqual([]);
  });
});

describe('anchored patterns', () => {
  const themes = parseTaxonomy({ themes: [{ id: 'education-school', label: 'Education' }, { id: 'fathers-and-men', label: 'Fathers' }] });
  const lex = compileLexicon(
    parseLexicon({
      themes: {
        'education-school': { patterns: ['(?<=\\b(?:at|to) (?:primary |the )?)\\bschool\\b'] },
        'fathers-and-men': { patterns: ["\\b(?:mother|mum)[’']?s (?:new )?partner"] },
      },
    }),
    themes,
  );
  const spans = (text: string): string[] => matchLexicon(lex, tokenize(text), text).filter((h) => h.weight === 1).map((h) => text.slice(h.start, h.end));

  it('finds every non-overlapping match a global regex would, in text order', () => {
    expect(spans("Mum's new partner and the MOTHER'S PARTNER both went to the school; at school he was quiet.")).toEqual([
      'school',
      'school',
      "Mum's new partner",
      "MOTHER'S PARTNER",
    ]);
    expect(spans('The schooling was good; his mother partnered with the school nurse.')).toEqual([]);
  });
});
