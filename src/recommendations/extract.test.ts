import { describe, expect, it } from 'vitest';
import { extractRecommendations } from './extract.ts';
import { guessAddressee } from './addressee.ts';

const REPORT = `Child Safeguarding Practice Review: Child Rowan

Summary
Rowan was six months old when he was admitted with a head injury. Practitioners should have asked about the father.

Recommendations
1. The partnership should commission multi-agency training on bruising in non-mobile babies.
2. Health visitors must ask about every adult in the household at each contact, and record
   what they are told.
• The Department for Education should consider a national register of children who are not in school.

Conclusion
This review found good practice too.`;

describe('extractRecommendations', () => {
  it('reads numbered and bulleted items under a Recommendations heading, joining wrapped lines, and stops at the next heading', () => {
    const found = extractRecommendations(REPORT);
    expect(found.map((r) => r.text.replace(/\s+/g, ' '))).toEqual([
      'The partnership should commission multi-agency training on bruising in non-mobile babies.',
      'Health visitors must ask about every adult in the household at each contact, and record what they are told.',
      'The Department for Education should consider a national register of children who are not in school.',
    ]);
    expect(found.every((r) => r.via === 'section' && REPORT.slice(r.start, r.end) === r.text)).toBe(true);
  });

  it('leaves out criticism of past practice ("should have")', () => {
    expect(extractRecommendations('Practitioners should have asked about the father. The GP should have referred.')).toEqual([]);
  });

  it('splits "Recommendations include" lists on semicolons, and on commas only before a new item', () => {
    const text = 'The review made nine recommendations, including research into perpetrators\' profiles, motivations and cultural influences, better support for victims giving evidence, and recognising that exploitation of boys and men may be missed.';
    expect(extractRecommendations(text).map((r) => r.text)).toEqual([
      "research into perpetrators' profiles, motivations and cultural influences",
      'better support for victims giving evidence',
      'recognising that exploitation of boys and men may be missed',
    ]);
    expect(extractRecommendations('Recommendations include: a safer sleep campaign for new parents; a revised neglect toolkit; and audit of supervision records.').map((r) => r.text))
      .toEqual(['a safer sleep campaign for new parents', 'a revised neglect toolkit', 'audit of supervision records']);
  });

  it('finds sentences that ask someone to act, but not narrative that mentions a recommendation', () => {
    const text = 'Agencies must ensure that fathers are seen. Only two days before, professionals had recommended that the case be stepped down. The review recommended that safer sleep advice be repeated. Later sections consider practitioners\' skills and which agency should lead the work.';
    expect(extractRecommendations(text).map((r) => r.text)).toEqual([
      'Agencies must ensure that fathers are seen.',
      'The review recommended that safer sleep advice be repeated.',
    ]);
  });

  it('treats every item of a catalogue "Recommendations" field as a recommendation', () => {
    expect(extractRecommendations('Develop a pathway for unseen babies; review the escalation policy across agencies', { allRecommendations: true }).map((r) => r.text))
      .toEqual(['Develop a pathway for unseen babies', 'review the escalation policy across agencies']);
  });
});

describe('guessAddressee', () => {
  it('reads the partnership, a named agency or government from the subject, and nothing when the text does not say', () => {
    expect(guessAddressee('The partnership should commission training.')).toEqual({ addressee: 'partnership', agency: null });
    expect(guessAddressee('Health visitors must ask about every adult.')).toEqual({ addressee: 'agency', agency: 'Health visiting' });
    expect(guessAddressee('That NHS England requires GP practices to use IRIS.')).toEqual({ addressee: 'government', agency: null });
    expect(guessAddressee('Police officers should escalate concerns.')).toEqual({ addressee: 'agency', agency: 'Police' });
    expect(guessAddressee('Better preparation of core group members.')).toEqual({ addressee: null, agency: null });
  });
});

describe('catalogue entries', () => {
  it('reads the Recommendations field the catalogue reader stores, short items included', () => {
    expect(extractRecommendations('training on safer sleep; a multi-agency audit.', { allRecommendations: true }).map((r) => r.text))
      .toEqual(['training on safer sleep', 'a multi-agency audit.']);
  });
});
