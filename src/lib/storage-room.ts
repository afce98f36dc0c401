/**
 * Whether the browser's storage quota leaves room to save an import, checked
 * before it runs (navigator.storage.estimate). The saved workspace holds the
 * text plus its theme tags and evidence sentences: about three times the
 * file's own size, a deliberate overestimate.
 */

export const SAVED_BYTES_PER_FILE_BYTE = 3;

const mb = (bytes: number) => `${Math.max(0, bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0)} MB`;

/** A warning when `incomingBytes` may not fit in what is left of the quota; null when it fits or the browser does not say. */
export function roomWarning(estimate: { usage?: number; quota?: number } | null, incomingBytes: number, fileName: string): string | null {
  if (!estimate?.quota) return null;
  const left = estimate.quota - (estimate.usage ?? 0);
  const need = incomingBytes * SAVED_BYTES_PER_FILE_BYTE;
  if (need <= left) return null;
  return `This browser lets this site keep only about ${mb(left)} more, and saving ${fileName} with its theme tags needs about ${mb(need)}. ` +
    'It will be imported into this tab, but it may not be saved: free disk space or delete an earlier import first, or export your workspace right after importing.';
}

/** The browser's estimate, or null where it gives none. */
export async function storageEstimate(): Promise<{ usage?: number; quota?: number } | null> {
  return (await globalThis.navigator?.storage?.estimate?.().catch(() => null)) ?? null;
}
