import { useEffect, useState } from 'react';

/**
 * Whether `key` has stayed the same for `ms`: work that only a later action needs (an export's extra
 * query) waits for it, so clicking through filters does not run that work for every passing state.
 */
export function useStillFor(key: string, ms: number): boolean {
  const [still, setStill] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setStill(key), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return still === key;
}
