/** The default taxonomy and lexicon as a theme matcher, for tests. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createThemeMatcher, type MatcherLexicon, type MatcherTheme } from './theme-matcher.ts';

const root = resolve(import.meta.dirname, '../..');

/** A matcher over data/taxonomy.json and data/themes/lexicon.json. */
export function defaultMatcher() {
  const taxonomy = JSON.parse(readFileSync(resolve(root, 'data/taxonomy.json'), 'utf8')) as { themes: MatcherTheme[] };
  const lexicon = JSON.parse(readFileSync(resolve(root, 'data/themes/lexicon.json'), 'utf8')) as MatcherLexicon;
  return createThemeMatcher(taxonomy.themes, lexicon);
}
