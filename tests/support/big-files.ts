/**
 * Big generated inputs for the stress tests: a review CSV of about 48 MB
 * (112,844 rows) made from a fixed word pool with a seeded generator, so every
 * run drops the same bytes.
 */
const PARTNERSHIPS = Array.from({ length: 150 }, (_, i) => `Testshire ${i + 1} Safeguarding Children Partnership`);
const TYPES = ['CSPR', 'Serious case review', 'Rapid review'];
const WORDS = (
  'neglect domestic abuse information sharing professional curiosity safer sleep exploitation county lines mental health ' +
  'parental substance misuse school attendance escalation voice of the child health visitor police social care ' +
  'assessment planning threshold disguised compliance bruising non-mobile baby missing from home online harm ' +
  'self-harm housing poverty fathers hidden men supervision record keeping strategy meeting child protection plan'
).split(' ');

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Rows of a review CSV; `rows` data lines after the header. */
export function bigReviewsCsv(rows = 112_844): Buffer {
  const rand = seeded(20);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const lines = ['Ref,Safeguarding Partnership,Case,Type of review,Year,Summary,Learning themes'];
  for (let i = 1; i <= rows; i++) {
    const summary = `${sentence(22)}. ${sentence(20)}.`;
    lines.push(`BIG-${i},${pick(PARTNERSHIPS)},Child ${i},${pick(TYPES)},${2012 + Math.floor(rand() * 13)},"${summary}",${pick(WORDS)}`);
  }
  return Buffer.from(lines.join('\n') + '\n');
}
