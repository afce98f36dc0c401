/**
 * A file's bytes read a few megabytes at a time. `Blob.arrayBuffer()` on a
 * 48 MB file copies all of it into the page in one native task on the main
 * thread (a fifth of a second with none of our script on the stack, so no
 * timing of ours names it); each slice is read in its own task, so the page
 * gets a turn between them.
 */

/** Bytes per read: a few milliseconds of copying even on a busy machine. */
export const READ_SLICE_BYTES = 4 << 20;

/** All of `blob`'s bytes, read `sliceBytes` at a time; `signal` stops it between slices. */
export async function readBlobInSlices(blob: Blob, options: { signal?: AbortSignal; sliceBytes?: number } = {}): Promise<Uint8Array> {
  const sliceBytes = options.sliceBytes ?? READ_SLICE_BYTES;
  if (blob.size <= sliceBytes) return new Uint8Array(await blob.arrayBuffer());
  const out = new Uint8Array(blob.size);
  let filled = 0;
  while (filled < blob.size) {
    options.signal?.throwIfAborted();
    const part = new Uint8Array(await blob.slice(filled, filled + sliceBytes).arrayBuffer());
    // A file that shrank while being read ends early rather than leaving zeros at its end.
    if (!part.length) return out.subarray(0, filled);
    out.set(part, filled);
    filled += part.length;
  }
  return out;
}
