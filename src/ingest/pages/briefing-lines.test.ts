import { describe, expect, it } from 'vitest';
import { parseBriefingLine } from './briefing-lines.ts';

const titles = (line: string) => parseBriefingLine(line).map((b) => [b.title, b.briefing_kind]);

describe('parseBriefingLine', () => {
  it('cleans the topic from a leading 7-minute marker', () => {
    expect(titles('7 Minute Briefing - Bruising in Babies')).toEqual([['Bruising in Babies', '7-minute-briefing']]);
    expect(titles('7-Minute Briefing – Home Schooling')).toEqual([['Home Schooling', '7-minute-briefing']]);
  });

  it('cleans the topic from a trailing marker, in its several spellings', () => {
    expect(titles('Safe Sleep - 7-minute Briefing')).toEqual([['Safe Sleep', '7-minute-briefing']]);
    expect(titles('Online Harm - 7 minute learning')).toEqual([['Online Harm', '7-minute-briefing']]);
    expect(titles('Water Safety - seven minute briefing (PDF, 120KB)')).toEqual([['Water Safety', '7-minute-briefing']]);
  });

  it('splits one line holding two topics into two briefings', () => {
    expect(titles('Dog Bites - 7 minute learning Young Carers - 7 minute learning')).toEqual([
      ['Dog Bites', '7-minute-briefing'],
      ['Young Carers', '7-minute-briefing'],
    ]);
    expect(titles('7 Minute Briefing - Dog Bites 7 Minute Briefing - Young Carers').map(([t]) => t)).toEqual([
      'Dog Bites',
      'Young Carers',
    ]);
  });

  it('keeps the raw link text for each topic', () => {
    expect(parseBriefingLine('7 Minute Briefing - Bruising in Babies')[0]?.raw).toBe('7 Minute Briefing - Bruising in Babies');
  });

  it('recognises lessons-learned briefings and statements', () => {
    expect(titles('Child Z - Lessons Learned Briefing')).toEqual([['Child Z - Lessons Learned Briefing', 'lessons-learned-briefing']]);
    expect(titles('Child Z Serious Case Review - XSP Statement')).toEqual([['Child Z Serious Case Review - XSP Statement', 'statement']]);
  });

  it('ignores report links and prose that merely mentions briefings', () => {
    expect(parseBriefingLine('Child Z Serious Case Review - Report')).toEqual([]);
    expect(
      parseBriefingLine(
        'The subgroup writes 7 minute briefings and lessons learned briefings for each review, which practitioners can use in team meetings and supervision sessions.',
      ),
    ).toEqual([]);
    expect(parseBriefingLine('Below you will find our statement:')).toEqual([]);
  });
});
