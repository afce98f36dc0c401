import { describe, expect, it } from 'vitest';
import { packModels, unpackModels } from './model-files.ts';

const bytes = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
const text = (b: Uint8Array | null) => (b ? new TextDecoder().decode(b) : null);

describe('workspace model file', () => {
  it('saves a lone retrained model as the plain model older workspaces hold', () => {
    const m = bytes({ format: 'learning-themes/theme-model', version: 1 });
    expect(packModels({ current: m, previous: null, hasPrevious: false })).toBe(m);
    expect(unpackModels(m)).toEqual({ current: m, previous: null, hasPrevious: false });
    expect(unpackModels(null)).toEqual({ current: null, previous: null, hasPrevious: false });
  });

  it('keeps the previous model beside the current one, including "the bundled one" as previous', () => {
    const a = bytes({ id: 'a' });
    const b = bytes({ id: 'b' });
    const both = unpackModels(packModels({ current: b, previous: a, hasPrevious: true }));
    expect([text(both.current), text(both.previous), both.hasPrevious]).toEqual(['{"id":"b"}', '{"id":"a"}', true]);
    const fromBundled = unpackModels(packModels({ current: b, previous: null, hasPrevious: true }));
    expect([text(fromBundled.current), fromBundled.previous, fromBundled.hasPrevious]).toEqual(['{"id":"b"}', null, true]);
  });
});
