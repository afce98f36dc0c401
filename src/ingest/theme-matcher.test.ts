import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createThemeMatcher, splitList, type MatcherLexicon, type MatcherTheme } from './theme-matcher.ts';

const root = resolve(import.meta.dirname, '../..');
const taxonomy = JSON.parse(readFileSync(resolve(root, 'data/taxonomy.json'), 'utf8')) as { themes: MatcherTheme[] };
const lexicon = JSON.parse(readFileSync(resolve(root, 'data/themes/lexicon.json'), 'utf8')) as MatcherLexicon;
const matcher = createThemeMatcher(taxonomy.themes, lexicon);

describe('theme matcher', () => {
  it.each([
    ['professional curiosity', 'professional-curiosity'],
    ['Voice of the child', 'voice-of-the-child'],
    ['the importance of hearing the voice of the child', 'voice-of-the-child'],
    ['information sharing between health and school', 'information-sharing'],
    ['recognising the impact of domestic abuse on children', 'domestic-abuse'],
    ['safer sleeping advice', 'sudi-safer-sleep'],
    ['disguised compliance', 'professional-curiosity'],
    ['neglect', 'neglect'],
    ['exploitation', 'exploitation'],
    ['escalation', 'escalation-challenge'],
    ['child criminal exploitation and county lines', 'exploitation'],
    ['the role of fathers', 'fathers-and-men'],
    ['parental mental health', 'parental-mental-health'],
  ])('maps "%s" to %s', (phrase, id) => {
    expect(matcher.match(phrase)?.themeId).toBe(id);
  });

  it('accepts theme ids as they are', () => {
    expect(matcher.match('online-harm')?.themeId).toBe('online-harm');
  });

  it('reports phrases it cannot place', () => {
    expect(matcher.match('the weather on the day')).toBeNull();
    expect(matcher.match('')).toBeNull();
  });
});

describe('splitList', () => {
  it('splits on semicolons, commas, pipes and a final "and"', () => {
    expect(splitList('neglect; domestic abuse, voice of the child and escalation.')).toEqual(['neglect', 'domestic abuse', 'voice of the child', 'escalation']);
    expect(splitList('[neglect, online-harm]')).toEqual(['neglect', 'online-harm']);
    expect(splitList('a | b')).toEqual(['a', 'b']);
  });
});
