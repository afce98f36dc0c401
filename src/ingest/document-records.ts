/**
 * An imported document's text → one `documents` row and its `passages`, and a
 * guess of which review or briefing a file belongs to, from its name.
 */
import { splitPassages } from '../classify/index.ts';
import { slugify } from '../schema/partnership-name.ts';
import type { Document, Passage } from '../schema/records.ts';

export interface LinkCandidate {
  entity_type: 'review' | 'briefing';
  id: string;
  name: string;
  partnership: string;
}

/** Passage length for imported documents; the tagger reads passages of about this size. */
export const IMPORT_PASSAGE_CHARS = 2000;

const NOISE = new Set(['final', 'report', 'published', 'version', 'redacted', 'overview', 'executive', 'summary', 'cspr', 'scr', 'lcspr', 'review', 'the', 'of', 'and', 'pdf', 'docx']);

function containsRun(hay: readonly string[], needle: readonly string[]): boolean {
  for (let i = 0; i + needle.length <= hay.length; i++) if (needle.every((w, j) => hay[i + j] === w)) return true;
  return false;
}

const words = (s: string) => slugify(s).split('-').filter(Boolean);

/** The file name without extension, tidied into a title ("Child_K-CSPR final.pdf" → "Child K CSPR final"). */
export function titleFromFileName(fileName: string): string {
  return fileName.replace(/\.[a-z0-9]+$/i, '').replace(/[_]+/g, ' ').replace(/\s*-\s*/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The candidate whose name appears in the file name, preferring one whose
 * partnership is named too; null when no name fits (the user then chooses).
 */
export function suggestLink(fileName: string, candidates: readonly LinkCandidate[]): LinkCandidate | null {
  const fileWords = words(titleFromFileName(fileName));
  const has = new Set(fileWords);
  let best: { c: LinkCandidate; score: number } | null = null;
  for (const c of candidates) {
    const nameWords = words(c.name).filter((w) => !NOISE.has(w));
    if (!nameWords.length) continue;
    const hit = nameWords.filter((w) => has.has(w)).length;
    // Short names ("Child K", "Simon") must appear whole and in order ("Child A" is not in "A review of Child K");
    // long titles may match most of their words.
    if (nameWords.length <= 3 ? !containsRun(fileWords, nameWords) : hit < Math.ceil(nameWords.length * 0.7)) continue;
    const place = words(c.partnership).filter((w) => has.has(w)).length;
    const score = hit * 2 + place + (c.entity_type === 'review' ? 0.5 : 0);
    if (!best || score > best.score) best = { c, score };
  }
  return best?.c ?? null;
}

/** A stable document id: the same file attached to the same record again replaces the old copy. */
export const documentId = (entityId: string, fileName: string) => `${entityId}--${slugify(fileName) || 'document'}`;

/** The document row and its passages for text attached to a review or briefing. */
export function documentRecords(entity: { entity_type: 'review' | 'briefing'; id: string }, fileName: string, mediaType: string, text: string): { document: Document; passages: Passage[] } {
  const id = documentId(entity.id, fileName);
  const passages = splitPassages(text, IMPORT_PASSAGE_CHARS).map((p) => ({
    id: `${id}--p${p.seq}`, document_id: id, entity_type: entity.entity_type, entity_id: entity.id, seq: p.seq, text: p.text,
  }));
  return {
    document: { id, entity_type: entity.entity_type, entity_id: entity.id, file_name: fileName, media_type: mediaType, char_count: text.length },
    passages,
  };
}
