/**
 * The user's small-number protection setting, kept in this browser
 * (localStorage) so every export on every page uses the same one.
 */
import { useSyncExternalStore } from 'react';
import { DEFAULT_SMALL_NUMBERS, type SmallNumberPolicy } from '../../lib/small-numbers.ts';

const KEY = 'learning-themes:small-numbers';
const listeners = new Set<() => void>();
let cached: SmallNumberPolicy | null = null;

/** The stored setting; the default (on, threshold 5) when none is stored or it cannot be read. */
export function readSmallNumberPolicy(): SmallNumberPolicy {
  if (cached) return cached;
  try {
    const stored = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null') as Partial<SmallNumberPolicy> | null;
    const threshold = Number.isInteger(stored?.threshold) && stored!.threshold! >= 2 ? stored!.threshold! : DEFAULT_SMALL_NUMBERS.threshold;
    cached = { ...DEFAULT_SMALL_NUMBERS, enabled: stored?.enabled !== false, threshold };
  } catch {
    // An unreadable setting falls back to protection on: the safe side.
    cached = DEFAULT_SMALL_NUMBERS;
  }
  return cached;
}

/** Stores a new setting and tells every subscriber. */
export function writeSmallNumberPolicy(policy: SmallNumberPolicy): void {
  cached = policy;
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify({ enabled: policy.enabled, threshold: policy.threshold }));
  } catch {
    // Storage full or blocked: the setting still holds for this session.
  }
  for (const l of listeners) l();
}

/** The current setting, re-rendering when it changes. */
export function useSmallNumberPolicy(): SmallNumberPolicy {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, readSmallNumberPolicy);
}
