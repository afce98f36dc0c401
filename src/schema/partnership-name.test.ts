import { describe, expect, it } from 'vitest';
import { partnershipAreaName, partnershipId, slugify } from './partnership-name.ts';

describe('partnershipAreaName', () => {
  it.each([
    ['Suffolk Safeguarding Partnership', 'Suffolk'],
    ['Rotherham Safeguarding Children Partnership', 'Rotherham'],
    ['City of York Safeguarding Children Board', 'City of York'],
    ['Reading (Berkshire West Safeguarding Children Partnership)', 'Reading'],
    ['Torbay Council (Torbay Safeguarding Children Partnership area)', 'Torbay'],
    ["Cheshire East Safeguarding Children's Partnership", 'Cheshire East'],
    ['Pan-Lancashire Safeguarding Children Partnerships', 'Pan-Lancashire'],
    ["Hertfordshire Children's Services", 'Hertfordshire'],
    ['Warwickshire Safeguarding', 'Warwickshire'],
    ['Northamptonshire', 'Northamptonshire'],
  ])('%s → %s', (raw, area) => {
    expect(partnershipAreaName(raw)).toBe(area);
  });

  it('gives one id to different spellings of one area', () => {
    expect(partnershipId('Suffolk Safeguarding Partnership')).toBe(partnershipId('Suffolk'));
    expect(slugify('City & Hackney')).toBe('city-and-hackney');
  });
});
