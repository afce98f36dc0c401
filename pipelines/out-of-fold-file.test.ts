import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_PATH, OUT_OF_FOLD_PATH } from './lib/training-data.ts';

describe('the shipped out-of-fold file', () => {
  it('holds exactly the out-of-fold tags of the shipped model (npm run train writes both)', () => {
    const model = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as { outOfFold?: unknown };
    const alone = JSON.parse(readFileSync(OUT_OF_FOLD_PATH, 'utf8')) as { outOfFold?: unknown };
    expect(model.outOfFold).toBeTruthy();
    expect(alone).toEqual({ outOfFold: model.outOfFold });
  });
});
