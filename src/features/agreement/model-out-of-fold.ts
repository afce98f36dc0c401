/**
 * The out-of-fold tags of the tagger in use: the one retrained in this workspace, else the
 * bundled model (same origin). The bundled model's out-of-fold tags come in a file of their own
 * (npm run train writes both), so the first screen does not fetch and parse the whole model.
 */
import type { OutOfFold, ThemeModel } from '../../classify/index.ts';

/** Reads the out-of-fold tags from a model's JSON (null for a model trained without them). */
export function outOfFoldOf(json: unknown): OutOfFold | null {
  const oof = (json as Partial<ThemeModel> | null)?.outOfFold;
  return oof && Array.isArray(oof.entries) ? oof : null;
}

/** The retrained model's out-of-fold tags when there is one, else the bundled model's. */
export async function loadOutOfFold(retrained: Uint8Array | null, signal?: AbortSignal): Promise<OutOfFold | null> {
  if (retrained) return outOfFoldOf(JSON.parse(new TextDecoder().decode(retrained)));
  const res = await fetch(`${import.meta.env.BASE_URL}model/theme-model-out-of-fold.json`, { signal });
  if (!res.ok) throw new Error(`the tagger's out-of-fold figures could not be read (HTTP ${res.status})`);
  return outOfFoldOf(await res.json());
}
