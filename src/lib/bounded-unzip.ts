/**
 * Unzipping untrusted files (workspace archives, .xlsx, .docx) with a bound on
 * how much they may expand: a few hundred kilobytes of zip can inflate to
 * gigabytes and freeze or crash the tab. Two checks: the sizes the zip's
 * directory declares (free, before inflating anything), then the bytes
 * actually inflated, counted while streaming, since a crafted file can lie
 * about its sizes.
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate';

export interface UnzipLimits {
  /** Most bytes all entries may inflate to, together. */
  maxBytes: number;
  /** Most entries the zip may hold. */
  maxEntries?: number;
}

const MB = 1024 * 1024;
const SLICE = 8 * 1024;

/** The zip inflates past its limit; `message` says so in the user's terms. */
export class ExpansionLimitError extends Error {
  constructor(readonly limitBytes: number, readonly entry: string, readonly declared: boolean) {
    super(`the file expands to more than ${Math.round(limitBytes / MB)} MB`);
    this.name = 'ExpansionLimitError';
  }
}

/** The sizes the zip's central directory declares, refused past the limits without inflating anything. */
export function checkDeclaredSizes(bytes: Uint8Array, limits: UnzipLimits): number {
  let total = 0;
  let entries = 0;
  let over: string | null = null;
  unzipSync(bytes, {
    filter: (file) => {
      entries += 1;
      total += file.originalSize;
      if (over === null && total > limits.maxBytes) over = file.name;
      return false; // list only: nothing is inflated
    },
  });
  if (over !== null) throw new ExpansionLimitError(limits.maxBytes, over, true);
  if (limits.maxEntries !== undefined && entries > limits.maxEntries) {
    throw new Error(`the file holds ${entries} parts, more than the ${limits.maxEntries} allowed`);
  }
  return total;
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) (out.set(c, at), (at += c.length));
  return out;
}

/** Inflated bytes between yields in the async form: some tens of milliseconds of work. */
const BYTES_BETWEEN_YIELDS = 16 * 1024 * 1024;

/**
 * The streaming unzip as a generator: it yields after each slice that
 * inflated past BYTES_BETWEEN_YIELDS, so the async form can give the page a
 * turn; the sync form simply runs it through. Returns the kept entries.
 */
function* unzipSteps(bytes: Uint8Array, limits: UnzipLimits, keep: (name: string) => boolean): Generator<void, Record<string, Uint8Array>> {
  checkDeclaredSizes(bytes, limits);
  const out: Record<string, Uint8Array> = {};
  let total = 0;
  let sinceYield = 0;
  let over: string | null = null;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    const kept = keep(file.name);
    const chunks: Uint8Array[] = [];
    let length = 0;
    file.ondata = (err, chunk, final) => {
      if (err) return void (failure ??= err);
      if (over !== null) return;
      total += chunk.length;
      sinceYield += chunk.length;
      if (total > limits.maxBytes) return void (over = file.name);
      if (kept) (chunks.push(chunk), (length += chunk.length));
      if (final && kept) out[file.name] = concat(chunks, length);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  // Pushed in slices so inflating stops soon after the limit is passed (8 KB of deflate inflates to at most ~8 MB).
  for (let at = 0; at < bytes.length && over === null && failure === null; at += SLICE) {
    unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
    if (sinceYield >= BYTES_BETWEEN_YIELDS) (sinceYield = 0, yield);
  }
  if (over !== null) throw new ExpansionLimitError(limits.maxBytes, over, false);
  if (failure) throw failure;
  return out;
}

/**
 * Unzips `bytes`, keeping the entries `keep` accepts, and stops with
 * ExpansionLimitError as soon as the inflated total passes `maxBytes`.
 * Other damage throws fflate's error.
 */
export function unzipBounded(bytes: Uint8Array, limits: UnzipLimits, keep: (name: string) => boolean = () => true): Record<string, Uint8Array> {
  const steps = unzipSteps(bytes, limits, keep);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** unzipBounded that lets `pause` run every few megabytes inflated, so the page stays responsive. */
export async function unzipBoundedAsync(
  bytes: Uint8Array, limits: UnzipLimits, pause: () => Promise<void>, keep: (name: string) => boolean = () => true,
): Promise<Record<string, Uint8Array>> {
  const steps = unzipSteps(bytes, limits, keep);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** Inflates and discards, to check a zip another library will open (read-excel-file, mammoth); yields to the page as it goes. */
export async function checkZipExpansion(bytes: Uint8Array, limits: UnzipLimits, pause: () => Promise<void> = async () => undefined): Promise<void> {
  await unzipBoundedAsync(bytes, limits, pause, () => false);
}
