/**
 * The publishing partnership as the page itself names it: a full name
 * ("Warwickshire Safeguarding", "Rotherham Local Safeguarding Children Board"),
 * else an abbreviation expanded from a place the page mentions ("CYSCB" and
 * "York" → "City of York Safeguarding Children Board"), else the bare
 * abbreviation ("HSCB").
 */

import { areaInName } from './partnership-area.ts';

// Place words stop before "Local"/"Safeguarding" so the place never swallows the organisation.
const PLACE_WORD = "(?!(?:Local|Safeguarding)\\b)[A-Z][A-Za-z'’-]+";
const FULL_NAME = new RegExp(
  `\\b((?:City of |Borough of )?${PLACE_WORD}(?: ${PLACE_WORD}){0,3}) (Local )?Safeguarding` +
    "((?: Children(?:'s|’s)?)?(?: and Adults)?(?: (?:Board|Partnership)\\b)?)",
  'g',
);

/** Capitalised words that start sentences or name national bodies, never a local area. */
const NOT_A_PLACE = new Set(
  (
    'a an and at by for from in of on our the this these to with within across under ' +
    'child children adult adults contextual practice review reviews panel national local serious ' +
    'multi-agency integrated england wales scotland uk working together partners education department ' +
    'government nspcc case cases learning'
  ).split(' '),
);

const ABBREVIATION = /\b([A-Z]{1,4})(SCB|SCP|SP)\b(?!s)/g;
const ABBREVIATION_SUFFIX: Record<string, string> = {
  SCB: 'Safeguarding Children Board',
  SCP: 'Safeguarding Children Partnership',
  SP: 'Safeguarding Partnership',
};

/** Strips leading sentence words ("In Rotherham" → "Rotherham"); null when nothing place-like remains. */
function placeOf(words: string): string | null {
  const parts = words.split(' ');
  while (parts.length && NOT_A_PLACE.has(parts[0]!.toLowerCase())) parts.shift();
  if (parts.length === 0 || parts.some((p) => NOT_A_PLACE.has(p.toLowerCase()))) return null;
  return parts.join(' ');
}

/** Full partnership names on the page, in order of first mention, with how often each occurs. */
function fullNames(text: string): Map<string, { place: string; count: number }> {
  const names = new Map<string, { place: string; count: number }>();
  for (const m of text.matchAll(FULL_NAME)) {
    const place = placeOf(m[1]!);
    // "Making Safeguarding Personal" is a topic, not a publisher: a bare "<word> Safeguarding"
    // followed by another capitalised word, or made of a gerund, counts only for a known area.
    const bare = !m[2] && !(m[3] ?? '').trim();
    const titleGoesOn = /^ [A-Z]/.test(text.slice(m.index + m[0].length));
    if (!place || (bare && (titleGoesOn || /ing$/.test(place)) && !areaInName(place))) continue;
    const name = `${place} ${m[2] ?? ''}Safeguarding${m[3] ?? ''}`.replace(/\s+/g, ' ').trim();
    const entry = names.get(name) ?? { place, count: 0 };
    entry.count += 1;
    names.set(name, entry);
  }
  return names;
}

/**
 * The page's own name for its publisher: the place mentioned most, in its most
 * frequent spelling (ties go to the shorter, which is how the body names itself).
 */
function mostMentionedName(text: string): string | null {
  const names = fullNames(text);
  const byPlace = new Map<string, number>();
  for (const { place, count } of names.values()) byPlace.set(place, (byPlace.get(place) ?? 0) + count);
  let best: { name: string; placeCount: number; count: number } | null = null;
  for (const [name, { place, count }] of names) {
    const placeCount = byPlace.get(place)!;
    const better =
      !best ||
      placeCount > best.placeCount ||
      (placeCount === best.placeCount && (count > best.count || (count === best.count && name.length < best.name.length)));
    if (better) best = { name, placeCount, count };
  }
  return best?.name ?? null;
}

/**
 * Local safeguarding children boards became safeguarding partnerships in 2019;
 * a page that names an old board but calls its current publisher "the
 * Safeguarding Partnership" is the partnership's page.
 */
function asCurrentPartnership(name: string, text: string): string {
  const boardName = /^(.*?) (?:Local )?Safeguarding Children Board$/.exec(name);
  const callsItselfPartnership = /\bthe (?:Local )?Safeguarding (?:Children )?Partnership\b/.test(text);
  return boardName && callsItselfPartnership ? `${boardName[1]} Safeguarding Children Partnership` : name;
}

/** Places the page mentions after "in", "within", "across": candidates for an abbreviation's letters. */
function mentionedPlaces(text: string): string[] {
  const places = new Set<string>();
  for (const m of text.matchAll(/\b(?:in|within|across|throughout)\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b/g)) {
    const place = placeOf(m[1]!);
    if (place) places.add(place);
  }
  return [...places];
}

/** "CYSCB" + "York" → "City of York Safeguarding Children Board"; the bare abbreviation if no place fits. */
function expandAbbreviation(letters: string, suffix: string, places: string[]): string {
  const expanded = ABBREVIATION_SUFFIX[suffix]!;
  for (const place of places) {
    const initials = place
      .split(' ')
      .map((w) => w[0])
      .join('');
    if (letters === initials) return `${place} ${expanded}`;
    if (letters === `C${initials}`) return `City of ${place} ${expanded}`;
  }
  return letters + suffix;
}

/** The most mentioned partnership abbreviation, expanded where the page allows. */
function abbreviatedName(text: string): string | null {
  const counts = new Map<string, { letters: string; suffix: string; count: number }>();
  for (const m of text.matchAll(ABBREVIATION)) {
    // "LSCB" alone is the generic "Local Safeguarding Children Board".
    if (m[1] === 'L') continue;
    const key = m[1]! + m[2]!;
    const entry = counts.get(key) ?? { letters: m[1]!, suffix: m[2]!, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const best = [...counts.values()].sort((a, b) => b.count - a.count)[0];
  return best ? expandAbbreviation(best.letters, best.suffix, mentionedPlaces(text)) : null;
}

/** The partnership a page belongs to, as the page names it, or null when it gives no name. */
export function derivePartnership(fullText: string): string | null {
  // The publisher names itself near the top; a huge page's tail adds time, not evidence.
  const text = fullText.length > 400_000 ? fullText.slice(0, 400_000) : fullText;
  const full = mostMentionedName(text);
  if (full) return asCurrentPartnership(full, text);
  return abbreviatedName(text);
}
