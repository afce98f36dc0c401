import { describe, expect, it } from 'vitest';
import { NATIONAL_FIGURES, baseNote, referenceFor, referenceLabel, type NationalFigure } from './national-figures.ts';
import taxonomy from '../../data/taxonomy.json';

const fig = (over: Partial<NationalFigure>): NationalFigure => ({
  theme_id: 'neglect', measure: 'Neglect present', share: 0.6, numerator: null, base: 139, base_counts: 'serious case reviews',
  base_kind: 'all-reviews', period: '2009–2011', quoted: '', source_title: 'T', source_url: 'https://example.org', ...over,
});

describe('national figures', () => {
  it('every figure names a known theme, a share in [0, 1], a base and a web source', () => {
    const ids = new Set(taxonomy.themes.map((t) => t.id));
    for (const f of NATIONAL_FIGURES) {
      expect(ids.has(f.theme_id), f.theme_id).toBe(true);
      expect(f.share).toBeGreaterThan(0);
      expect(f.share).toBeLessThanOrEqual(1);
      expect(f.base).toBeGreaterThan(0);
      expect(f.source_url).toMatch(/^https?:\/\//);
      if (f.numerator !== null) expect(Math.abs(f.numerator / f.base - f.share)).toBeLessThan(0.001);
    }
  });

  it('labels a figure with its base and period', () => {
    expect(referenceLabel(fig({}))).toBe('60% of 139 serious case reviews, 2009–2011');
    expect(referenceLabel(fig({ share: 9 / 27, numerator: 9, base: 27, base_counts: 'reviews of infant deaths' }))).toBe('33% (9 of 27) reviews of infant deaths, 2009–2011');
  });

  it('prefers a figure on all reviews over one on a subgroup', () => {
    const subset = fig({ base_kind: 'subset', share: 0.5 });
    expect(referenceFor('neglect', [subset, fig({})])!.share).toBe(0.6);
    expect(referenceFor('neglect', [subset])!.share).toBe(0.5);
    expect(referenceFor('online-harm', [subset])).toBeNull();
  });

  it('says how the base differs from ours', () => {
    expect(baseNote(fig({ base_kind: 'subset' }), { reviews: 80, firstYear: 2012, lastYear: 2024 })).toMatch(/counts only serious case reviews.*ours counts 80 tagged reviews of every type, 2012–2024/);
  });
});
