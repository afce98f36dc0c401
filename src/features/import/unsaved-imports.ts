/**
 * Imports not yet saved in this browser, noted in localStorage until their
 * save finishes. The data itself lives only in the open tab until then, so an
 * entry left by an earlier visit means that import was lost when the page
 * closed: the Import page says so and names it.
 */

export interface UnsavedImport {
  id: string;
  label: string;
  at: string;
  /** The page load that made it; entries from another one are from an earlier visit. */
  visit: string;
}

const KEY = 'learning-themes.unsaved-imports';
const VISIT = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

function read(): UnsavedImport[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? (list as UnsavedImport[]) : [];
  } catch {
    return []; // unreadable note: nothing to report
  }
}

function write(list: readonly UnsavedImport[]): void {
  try {
    if (list.length) localStorage.setItem(KEY, JSON.stringify(list));
    else localStorage.removeItem(KEY);
  } catch {
    // localStorage full or blocked: the note is a courtesy, the import itself goes on
  }
}

/** Notes an import as committed but not saved; returns its id for markSaved. */
export function markUnsaved(label: string): string {
  const entry = { id: `${VISIT}-${Math.random().toString(36).slice(2, 8)}`, label, at: new Date().toISOString(), visit: VISIT };
  write([...read(), entry]);
  return entry.id;
}

export function markSaved(id: string): void {
  write(read().filter((e) => e.id !== id));
}

/** Imports of this visit still waiting for their save (used to warn before the page closes). */
export function pendingThisVisit(): UnsavedImport[] {
  return read().filter((e) => e.visit === VISIT);
}

/**
 * Imports an earlier visit noted but never saved. One made before the
 * workspace's last save (`savedAt`) was saved after all and is forgotten.
 */
export function lostImports(savedAt: string | null): UnsavedImport[] {
  const earlier = read().filter((e) => e.visit !== VISIT);
  const saved = earlier.filter((e) => savedAt !== null && e.at <= savedAt);
  if (saved.length) write(read().filter((e) => !saved.includes(e)));
  return earlier.filter((e) => !saved.includes(e));
}

/** Forgets the reports of lost imports once the user has read them. */
export function dismissLost(): void {
  write(read().filter((e) => e.visit === VISIT));
}
