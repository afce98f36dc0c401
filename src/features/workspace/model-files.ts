/**
 * The workspace's model file: the retrained tagger in use and, after a retrain, the one it
 * replaced (kept so the user can go back until the next retrain replaces it). Stored as one
 * JSON file: a plain theme model when there is no previous one (as older workspaces saved
 * it), else a small wrapper holding both.
 */
const BUNDLE_FORMAT = 'learning-themes/retrained-models';

export interface ModelFiles {
  /** The retrained model in use (JSON bytes); null = the bundled model. */
  current: Uint8Array | null;
  /** The model before the last retrain (JSON bytes); null = the bundled model or none kept. */
  previous: Uint8Array | null;
  /** A previous model is kept (the bundled one when `previous` is null). */
  hasPrevious: boolean;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The bytes to save for these models (null when there is nothing to keep). */
export function packModels(m: ModelFiles): Uint8Array | null {
  if (!m.hasPrevious) return m.current;
  const parse = (b: Uint8Array | null) => (b ? (JSON.parse(decoder.decode(b)) as unknown) : null);
  return encoder.encode(JSON.stringify({ format: BUNDLE_FORMAT, current: parse(m.current), previous: parse(m.previous) }));
}

/** Reads saved bytes: a wrapper with both models, or a plain model (no previous one kept). */
export function unpackModels(bytes: Uint8Array | null): ModelFiles {
  if (!bytes) return { current: null, previous: null, hasPrevious: false };
  const json = JSON.parse(decoder.decode(bytes)) as { format?: unknown; current?: unknown; previous?: unknown };
  if (json.format !== BUNDLE_FORMAT) return { current: bytes, previous: null, hasPrevious: false };
  const enc = (v: unknown) => (v ? encoder.encode(JSON.stringify(v)) : null);
  return { current: enc(json.current), previous: enc(json.previous), hasPrevious: true };
}
