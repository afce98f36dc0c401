/** Counted nouns in words: "1 review", "2 reviews", "1 entry", "3 entries". */

const COUNT = new Intl.NumberFormat('en-GB');

/** The plural of a noun as this app uses them (regular -s, -y → -ies after a consonant). */
export function pluralOf(noun: string): string {
  return /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
}

/** `n` and the noun, singular for exactly one: plural(1, 'tagged review') → "1 tagged review". */
export function plural(n: number, noun: string, many = pluralOf(noun)): string {
  return `${COUNT.format(n)} ${n === 1 ? noun : many}`;
}
