import { describe, expect, it } from 'vitest';
import { partnershipAreaName, partnershipId, partnershipKind, partnershipRecord, slugify } from './partnership-name.ts';

describe('partnershipAreaName', () => {
  it.each([
    ['Suffolk Safeguarding Partnership', 'Suffolk'],
    ['Rotherham Safeguarding Children Partnership', 'Rotherham'],
    ['City of York Safeguarding Children Board', 'City of York'],
    ['Reading (Berkshire West Safeguarding Children Partnership)', 'Berkshire West'],
    ['Bury Integrated Safeguarding Partnership', 'Bury'],
    ['Peterborough Safeguarding Children Board', 'Cambridgeshire and Peterborough'],
    ['Pan Bedfordshire Safeguarding Children Boards', 'Pan-Bedfordshire'],
    ['Bedfordshire Safeguarding Children Partnership', 'Pan-Bedfordshire'],
    ['Sutton Local Safeguarding Children Partnership', 'Sutton'],
    ['Unknown (7-minute briefing slide)', 'Partnership not known'],
    ['HSCB', 'Partnership not known'],
    ['Torbay Council (Torbay Safeguarding Children Partnership area)', 'Torbay'],
    ["Cheshire East Safeguarding Children's Partnership", 'Cheshire East'],
    ['Pan-Lancashire Safeguarding Children Partnerships', 'Pan-Lancashire'],
    ["Hertfordshire Children's Services", 'Hertfordshire'],
    ['Warwickshire Safeguarding', 'Warwickshire'],
    ['Northamptonshire', 'Northamptonshire'],
  ])('%s → %s', (raw, area) => {
    expect(partnershipAreaName(raw)).toBe(area);
  });

  it.each([
    ['Bedford Borough', 'partnership'],
    ['Pan Bedfordshire Safeguarding Children Boards', 'joint'],
    ['Sussex Child Protection and Safeguarding Procedures (Sussex partnerships)', 'joint'],
    ['NSPCC', 'source'],
    ['Research in Practice', 'source'],
    ['Department for Education (University of Bristol research brief)', 'source'],
    ["King's College London", 'source'],
    ['Child Safeguarding Practice Review Panel (national)', 'source'],
    ['Unknown', 'not-known'],
    ['A New Place Safeguarding Children Partnership', 'partnership'],
    // Publishers the bundled data once counted among England's statutory partnerships (138 where there are 127).
    ['Care Quality Commission', 'source'],
    ['Healthcare Safety Investigation Branch', 'source'],
    ['Ofsted, CQC, HMICFRS and HMI Probation', 'source'],
    ['Adfam', 'source'],
    ['Croydon and Lambeth Safeguarding Children Partnerships', 'joint'],
    // Named for a review by one of the two Teesside partnerships, without saying which.
    ['Teesside', 'joint'],
    ['Not named in the source', 'not-known'],
    ['Derby and Derbyshire Safeguarding Children Partnership', 'partnership'],
  ])('%s is a %s', (raw, kind) => {
    expect(partnershipKind(raw)).toBe(kind);
  });

  it('gives one id to different spellings of one area', () => {
    expect(partnershipId('Newcastle upon Tyne Safeguarding Children Partnership')).toBe(partnershipId('Newcastle'));
    expect(partnershipId('Durham Safeguarding Children Partnership')).toBe('county-durham');
    expect(partnershipId('Bury Integrated Safeguarding Partnership')).toBe(partnershipId('Bury'));
    expect(partnershipRecord('Bury Integrated Safeguarding Partnership')).toEqual({ id: 'bury', name: 'Bury', region: null, kind: 'partnership' });
    expect(partnershipId('Suffolk Safeguarding Partnership')).toBe(partnershipId('Suffolk'));
    expect(slugify('City & Hackney')).toBe('city-and-hackney');
  });
});
