import { describe, expect, it } from 'vitest';
import { SEQUENTIAL_COLOURS } from '../palette.ts';
import { cellColour, labelColour, pieceFor, sequentialColour } from './heatmap-colour.ts';

describe('heatmap colours', () => {
  it('runs through the sequential colours from min to max, clamped outside', () => {
    expect(sequentialColour(0, 0, 1)).toBe(SEQUENTIAL_COLOURS[0]);
    expect(sequentialColour(0.5, 0, 1)).toBe(SEQUENTIAL_COLOURS[2]);
    expect(sequentialColour(1, 0, 1)).toBe(SEQUENTIAL_COLOURS.at(-1));
    expect(sequentialColour(7, 0, 1)).toBe(SEQUENTIAL_COLOURS.at(-1));
    expect(sequentialColour(-1, 0, 1)).toBe(SEQUENTIAL_COLOURS[0]);
    // Halfway between the first two stops (#f7fbff and #c6dbef).
    expect(sequentialColour(0.125, 0, 1)).toBe('#dfebf7');
    // A scale of one value: the light end, not a division by zero.
    expect(sequentialColour(3, 3, 3)).toBe(SEQUENTIAL_COLOURS[0]);
  });

  it('puts a value in the band its label names: from min (inclusive) to max (exclusive)', () => {
    const bands = [{ max: 0.8, label: 'below', color: '#a' }, { min: 0.8, max: 1.25, label: 'chance', color: '#b' }, { min: 2, label: 'far above', color: '#c' }];
    expect(pieceFor(0.79, bands)?.label).toBe('below');
    expect(pieceFor(0.8, bands)?.label).toBe('chance');
    expect(pieceFor(2, bands)?.label).toBe('far above');
    expect(pieceFor(1.5, bands)).toBeUndefined();
    expect(cellColour({ min: 0, max: 3, pieces: bands }, 1.5)).toBe('transparent');
    expect(cellColour({ min: 0, max: 3, pieces: bands }, 2.5)).toBe('#c');
  });

  it('labels every fill of the scale at WCAG AA contrast for small text (4.5:1)', () => {
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x! + 0.05) / (y! + 0.05); };
    const fills = [...Array.from({ length: 101 }, (_, i) => sequentialColour(i / 100, 0, 1)), '#f5c48a', '#f2f2f2', '#8cbfe0', '#1f5f9e'];
    const worst = Math.min(...fills.map((f) => contrast(f, labelColour(f))));
    expect(worst).toBeGreaterThanOrEqual(4.5);
    expect(labelColour('#08306b')).toBe('#ffffff');
    expect(labelColour('#f7fbff')).toBe('#000000');
  });
});
