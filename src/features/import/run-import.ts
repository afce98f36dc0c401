/**
 * The import steps the page runs, free of React: read a file, plan and commit
 * records, attach documents. Each commit is one change through the write path
 * (src/workspace/write.ts); the caller then tags the new text.
 */
import type { QueryRunner, WriteRunner } from '../../queries/runner.ts';
import { yieldToPage } from '../../ingest/validate/csv-shape.ts';
import { readBlobInSlices } from '../../lib/read-blob.ts';
import { eachStep, runStepsInSlices } from '../../ingest/work-steps.ts';
import { documentRecords } from '../../ingest/document-records.ts';
import { isMetadataKind, signatureProblem, type DocumentKind, type MetadataKind } from '../../ingest/file-kinds.ts';
import { planImport, type ImportPlan } from '../../ingest/import-plan.ts';
import { reviewLinker } from '../../ingest/review-links.ts';
import type { ImportRecords } from '../../ingest/metadata-records.ts';
import type { RawTable } from '../../ingest/raw-table.ts';
import { FileProblem, readMetadataFile } from '../../ingest/read-metadata.ts';
import { createThemeMatcher, type MatcherLexicon, type ThemeMatcher } from '../../ingest/theme-matcher.ts';
import { importThemesSql, loadExisting, type ImportThemeRow } from '../../queries/import.ts';
import { storeDocuments, storeRecords } from '../../workspace/changes.ts';
import type { WriteChange } from '../../workspace/write.ts';
import { briefingText, reviewText, type Document, type Partnership, type Passage, type Review } from '../../schema/records.ts';
import { documentText, MEDIA_TYPES } from './readers/document-text.ts';

/** Text for the tagger, with where its tags go. */
export interface TagJob {
  entity_type: 'review' | 'briefing' | 'passage';
  entity_id: string;
  text: string;
  /** The file (or record) it came from, for progress by file. */
  source: string;
}

/** Reads a dropped metadata file into rows of text. */
export async function readMetadata(db: WriteRunner, file: File, kind: MetadataKind): Promise<RawTable> {
  const bytes = await readBlobInSlices(file);
  const bad = signatureProblem(file.name, kind, bytes);
  if (bad) throw new FileProblem(bad);
  const readers = {
    parquetToIPC: async (b: Uint8Array) => (await import('./readers/parquet.ts')).parquetToIPC(b),
    xlsxToGrid: async (b: Uint8Array) => (await import('./readers/xlsx.ts')).xlsxToGrid(b),
  };
  if (!isMetadataKind(kind)) throw new FileProblem(`${file.name} is not a metadata file.`);
  return readMetadataFile(db, file.name, kind, bytes, readers);
}

/** Reads a dropped document's text. */
export async function readDocument(file: File, kind: DocumentKind, signal?: AbortSignal) {
  const bytes = await readBlobInSlices(file, { signal });
  const bad = signatureProblem(file.name, kind, bytes);
  if (bad) throw new FileProblem(bad);
  return documentText(kind, bytes, file.name, signal);
}

export interface ThemeContext {
  matcher: ThemeMatcher;
  labels: Map<string, string>;
}

/** A theme matcher over the workspace's themes and the tagger's lexicon, with the theme labels. */
export async function loadThemeContext(db: QueryRunner): Promise<ThemeContext> {
  const [themes, lexicon] = await Promise.all([
    db.query<ImportThemeRow>(importThemesSql, { label: 'import.themes' }),
    import('../../../data/themes/lexicon.json').then((m) => m.default as unknown as MatcherLexicon),
  ]);
  return { matcher: createThemeMatcher(themes, lexicon), labels: new Map(themes.map((t) => [t.id, t.label])) };
}

/** Finds a stored review by id, or by partnership + case name when only one review carries it (review-links.ts). */
export function reviewLookup(reviews: readonly Review[]) {
  return reviewLinker(reviews);
}

/** Plans `records` against the workspace (for the preview), without writing. */
export async function planRecords(db: QueryRunner, records: ImportRecords): Promise<ImportPlan> {
  return planImport(records, await loadExisting(db));
}

/** Writes a planned import in one transaction; returns the texts to tag. */
export async function commitPlan(change: WriteChange, plan: ImportPlan, source: string): Promise<TagJob[]> {
  await change(storeRecords({ partnerships: plan.partnerships, reviews: plan.reviews, briefings: plan.briefings, theme_tags: plan.tags }));
  // Built in slices: joining the texts of 100,000 reviews is a few hundred milliseconds of work.
  const jobs: TagJob[] = [];
  const add = (entity_type: 'review' | 'briefing', entity_id: string, text: string) => {
    if (text.trim() !== '') jobs.push({ entity_type, entity_id, text, source });
  };
  await runStepsInSlices((function* () {
    yield* eachStep(plan.reviews, (r) => add('review', r.id, reviewText(r)));
    yield* eachStep(plan.briefings, (b) => add('briefing', b.id, briefingText(b)));
  })(), { pause: yieldToPage });
  return jobs;
}

export interface ReadyDocument {
  fileName: string;
  kind: DocumentKind;
  text: string;
  /** An existing record, or a new review to create for it. */
  /** A new review may bring a partnership not yet known (typed by the user). */
  target: { entity_type: 'review' | 'briefing'; id: string } | { newReview: Review; newPartnership?: Partnership };
}

/** Stores documents and their passages (replacing earlier copies of the same file); returns passages to tag. */
export async function commitDocuments(change: WriteChange, docs: readonly ReadyDocument[]): Promise<TagJob[]> {
  const documents: Document[] = [];
  const passages: Passage[] = [];
  const reviews: Review[] = [];
  const partnerships: Partnership[] = [];
  const jobs: TagJob[] = [];
  for (const d of docs) {
    const entity = 'newReview' in d.target ? { entity_type: 'review' as const, id: d.target.newReview.id } : d.target;
    if ('newReview' in d.target) reviews.push(d.target.newReview);
    if ('newReview' in d.target) {
      const { newReview, newPartnership } = d.target;
      if (newPartnership && !partnerships.some((p) => p.id === newReview.partnership_id)) partnerships.push(newPartnership);
    }
    const rec = documentRecords(entity, d.fileName, MEDIA_TYPES[d.kind], d.text);
    documents.push(rec.document);
    passages.push(...rec.passages);
    jobs.push(...rec.passages.map((p) => ({ entity_type: 'passage' as const, entity_id: p.id, text: p.text, source: d.fileName })));
  }
  await change(storeDocuments({ partnerships, reviews, documents, passages }));
  return jobs;
}
