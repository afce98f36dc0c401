/** Sorts dropped files: metadata files queue for mapping, documents are read at once, the rest get a message. */
import { useCallback, useRef, useState } from 'react';
import { IMPORT_PASSAGE_CHARS, suggestLink, titleFromFileName, type LinkCandidate } from '../../ingest/document-records.ts';
import { fileKind, isDocumentKind, isMetadataKind, type MetadataKind } from '../../ingest/file-kinds.ts';
import { splitPassages } from '../../classify/index.ts';
import { documentHeading } from '../../ingest/document-heading.ts';
import type { DocEntry } from './DocumentRow.tsx';
import { readDocument } from './run-import.ts';

export interface QueuedMetadata {
  key: string;
  file: File;
  kind: MetadataKind;
}

let nextKey = 0;

/** File intake state: the metadata queue, documents, and messages for refused files. */
export function useFileIntake(candidates: () => Promise<LinkCandidate[]>) {
  const [metadata, setMetadata] = useState<QueuedMetadata[]>([]);
  const [docs, setDocs] = useState<DocEntry[]>([]);
  const [refused, setRefused] = useState<string[]>([]);
  const candidatesRef = useRef(candidates);
  candidatesRef.current = candidates;

  const patchDoc = useCallback((key: string, patch: Partial<DocEntry>) => setDocs((ds) => ds.map((d) => (d.key === key ? { ...d, ...patch } : d))), []);

  const readOne = useCallback(async (entry: DocEntry) => {
    try {
      const { text, notes } = await readDocument(entry.file, entry.kind);
      const suggested = suggestLink(entry.file.name, await candidatesRef.current());
      patchDoc(entry.key, {
        status: 'ready', text, passages: splitPassages(text, IMPORT_PASSAGE_CHARS).length, message: notes.join(' '),
        newCase: documentHeading(text) ?? entry.newCase,
        choice: suggested ? `${suggested.entity_type}:${suggested.id}` : '',
      });
    } catch (err) {
      patchDoc(entry.key, { status: 'failed', message: (err as Error).message });
    }
  }, [patchDoc]);

  const addFiles = useCallback((files: File[]) => {
    const problems: string[] = [];
    const newDocs: DocEntry[] = [];
    const newMeta: QueuedMetadata[] = [];
    for (const file of files) {
      const k = fileKind(file.name, file.size);
      if ('problem' in k) problems.push(k.problem);
      else if (isMetadataKind(k.kind)) newMeta.push({ key: `m${++nextKey}`, file, kind: k.kind });
      else if (isDocumentKind(k.kind)) {
        newDocs.push({ key: `d${++nextKey}`, file, kind: k.kind, status: 'reading', choice: '', newPartnership: '', newCase: titleFromFileName(file.name), newType: '', newPublished: '' });
      }
    }
    if (problems.length) setRefused((r) => [...r, ...problems]);
    if (newMeta.length) setMetadata((m) => [...m, ...newMeta]);
    if (newDocs.length) {
      setDocs((ds) => [...ds, ...newDocs]);
      // One at a time: PDF parsing is heavy, and progress reads better file by file.
      void newDocs.reduce((p, d) => p.then(() => readOne(d)), Promise.resolve());
    }
  }, [readOne]);

  const dropMetadata = useCallback((key: string) => setMetadata((m) => m.filter((x) => x.key !== key)), []);
  const removeDocs = useCallback((keys: string[]) => setDocs((ds) => ds.filter((d) => !keys.includes(d.key))), []);

  const clearRefused = useCallback(() => setRefused([]), []);

  return { metadata, docs, refused, addFiles, dropMetadata, patchDoc, removeDocs, clearRefused };
}
