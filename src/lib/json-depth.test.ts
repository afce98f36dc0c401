import { describe, expect, it } from 'vitest';
import { jsonDepth, jsonDepthProblem } from './json-depth.ts';

describe('jsonDepth', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonDepth('[{"a": "[[[{{{", "b": [1, {"c": "\\"["}]}]')).toBe(4);
    expect(jsonDepth('42')).toBe(0);
  });

  it('refuses 100,000-deep JSON without recursion, naming the file', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(jsonDepthProblem(deep, 'deep.json')).toMatch(/^deep\.json nests its data more than 64 levels deep/);
    expect(jsonDepthProblem('[{"a": 1}]', 'ok.json')).toBeNull();
  });
});
