import { describe, expect, it } from 'vitest';
import { EngineGate } from './gated-runner.ts';
import type { WriteRunner } from './runner.ts';

const inner = (calls: string[]): WriteRunner => ({
  query: async <Row>(sql: string) => { calls.push(sql); return [] as Row[]; },
  exec: async (sql) => void calls.push(sql),
  insertArrow: async () => undefined, queryArrowIPC: async () => new Uint8Array(), queryArrowStream: async () => 0,
  registerFile: async () => undefined, dropFile: async () => undefined, insertJSONFile: async () => undefined,
  createFromArrow: async () => undefined, transaction: async (s) => void calls.push(...s),
});
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('EngineGate', () => {
  it('holds every call until opened, then lets them through in order', async () => {
    const calls: string[] = [];
    const gate = new EngineGate(inner(calls));
    const a = gate.runner.query('SELECT 1');
    const b = gate.runner.exec('SELECT 2');
    await tick();
    expect(calls).toEqual([]);
    gate.open();
    await Promise.all([a, b]);
    expect(calls).toEqual(['SELECT 1', 'SELECT 2']);
    await gate.runner.query('SELECT 3');
    expect(calls.at(-1)).toBe('SELECT 3');
  });

  it('ends held calls with the load error, and holds again after close', async () => {
    const calls: string[] = [];
    const gate = new EngineGate(inner(calls));
    const held = gate.runner.query('SELECT 1');
    gate.fail(new Error('Could not load reviews.arrows'));
    await expect(held).rejects.toThrow('Could not load reviews.arrows');
    gate.close();
    const next = gate.runner.query('SELECT 2');
    await tick();
    expect(calls).toEqual([]);
    gate.open();
    await next;
    expect(calls).toEqual(['SELECT 2']);
  });
});
