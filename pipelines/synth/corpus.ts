/**
 * Generates a synthetic corpus row by row into a sink, so any scale streams
 * through bounded memory: partnerships named like England's, reviews of
 * realistic types over 2010–2026, 7-minute briefings that often follow a
 * review, passages, model tags with scores, some manual corrections, and
 * evidence sentences.
 */
import type { Briefing, BriefingKind, Partnership, Review, ReviewType, TagSource } from '../../src/schema/records.ts';
import type { TableName, TableRows } from '../../src/schema/tables.ts';
import type { CorpusScale } from './presets.ts';
import { deriveSeed, seededRandom, type Random } from './random.ts';
import { documentText, paragraph } from './document-text.ts';
import { sampleThemes, type ThemeStats } from './theme-sampler.ts';

export interface RowSink {
  add<N extends TableName>(name: N, row: TableRows[N]): void;
}

export interface CorpusOptions {
  scale: CorpusScale;
  seed: number;
  stats: ThemeStats;
  partnerships: Partnership[];
}

const YEARS = Array.from({ length: 17 }, (_, i) => 2010 + i);
/** Publications per year climb after the 2018 reforms; 2026 is a part year. */
const YEAR_WEIGHTS = [4, 4, 5, 5, 6, 6, 7, 7, 7, 6, 8, 9, 10, 10, 10, 9, 4];
const CASE_PREFIXES = ['Child', 'Baby', 'Family', 'Sibling group', 'Young person', 'Child and family'];
const BRIEFING_KINDS: Array<[BriefingKind, number]> = [['7-minute-briefing', 70], ['lessons-learned-briefing', 20], ['statement', 5], ['other', 5]];
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** Serious case reviews until the 2018 reforms took effect, practice reviews after, and a minority of other kinds throughout. */
function reviewType(year: number | null, rng: Random): ReviewType {
  const r = rng.next();
  if (r < 0.05) return 'rapid-review';
  if (r < 0.13) return 'learning-review';
  if (r < 0.16) return 'thematic-review';
  if (r < 0.165) return 'national-review';
  if (r < 0.175) return 'other';
  if (year === null) return 'other';
  if (year <= 2018) return 'serious-case-review';
  if (year <= 2020) return rng.chance(year === 2019 ? 0.7 : 0.3) ? 'serious-case-review' : 'child-safeguarding-practice-review';
  return 'child-safeguarding-practice-review';
}

function publication(rng: Random): { year: number | null; published: string | null; published_on: string | null } {
  if (rng.chance(0.02)) return { year: null, published: null, published_on: null };
  const year = YEARS[rng.weighted(YEAR_WEIGHTS)]!;
  const month = String(rng.int(1, 12)).padStart(2, '0');
  const day = String(rng.int(1, 28)).padStart(2, '0');
  const precision = rng.next();
  if (precision < 0.05) return { year, published: `${year}`, published_on: `${year}-01-01` };
  if (precision < 0.15) return { year, published: `${year}-${month}`, published_on: `${year}-${month}-01` };
  return { year, published: `${year}-${month}-${day}`, published_on: `${year}-${month}-${day}` };
}

/** Per-document passage counts around the preset's mean, so sizes vary as real reports do. */
function passageCount(mean: number, rng: Random): number {
  return Math.max(1, Math.round(mean * (0.4 + 1.2 * rng.next())));
}

/** Writes one document, its passages, model tags and evidence, plus occasional manual corrections. */
function writeDocument(sink: RowSink, entity: { type: 'review' | 'briefing'; id: string }, themes: string[], passages: number, rng: Random, ids: readonly string[]): void {
  const text = documentText(themes, passages, rng);
  const documentId = `d-${entity.id}`;
  sink.add('documents', {
    id: documentId, entity_type: entity.type, entity_id: entity.id, file_name: `${entity.id}.${entity.type === 'review' ? 'pdf' : 'docx'}`,
    media_type: entity.type === 'review' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', char_count: text.chars,
  });
  text.passages.forEach((t, seq) => sink.add('passages', { id: `${documentId}-${seq}`, document_id: documentId, entity_type: entity.type, entity_id: entity.id, seq, text: t }));
  const tag = (theme_id: string, score: number, source: TagSource, accepted = true) =>
    sink.add('theme_tags', { entity_type: entity.type, entity_id: entity.id, theme_id, score: round4(score), source, accepted });
  themes.forEach((theme, i) => {
    tag(theme, 0.99 - i * 0.08 - rng.next() * 0.15, 'model');
    (text.evidence.get(theme) ?? []).forEach((e, rank) =>
      sink.add('tag_evidence', { entity_type: entity.type, entity_id: entity.id, theme_id: theme, rank, start_offset: e.start, end_offset: e.end, sentence: e.sentence, weight: round4(1 - rank * 0.2 - rng.next() * 0.1) }));
  });
  // A near-threshold extra tag on some documents: what a model gets wrong and users correct.
  if (rng.chance(0.3)) {
    const extra = rng.pick(ids);
    if (!themes.includes(extra)) {
      tag(extra, 0.5 + rng.next() * 0.1, 'model');
      if (rng.chance(0.15)) tag(extra, 1, 'manual', false);
    }
  }
  if (rng.chance(0.04)) tag(rng.pick(ids), 1, 'manual', true);
}

/** Streams a whole corpus into `sink`; the same options give the same rows in the same order. */
export function generateCorpus(sink: RowSink, options: CorpusOptions): { reviews: Review[]; briefings: Briefing[] } {
  const { scale, seed, stats, partnerships } = options;
  const rng = seededRandom(deriveSeed(seed, 'corpus'));
  const sizeRng = seededRandom(deriveSeed(seed, 'partnership-size'));
  // Areas differ a lot in population and so in reviews: a skewed weight per partnership.
  const weights = partnerships.map(() => Math.exp(sizeRng.next() * 2.2));
  const reviewPassages = (0.6 * scale.passages) / Math.max(1, scale.reviews);
  const briefingPassages = (0.4 * scale.passages) / Math.max(1, scale.briefings);
  const byPartnership = new Map<string, Array<{ id: string; year: number | null; themes: string[]; case_name: string }>>();
  const light: { reviews: Review[]; briefings: Briefing[] } = { reviews: [], briefings: [] };

  for (let i = 0; i < scale.reviews; i++) {
    const p = partnerships[rng.weighted(weights)]!;
    const pub = publication(rng);
    const themes = sampleThemes(stats, rng, pub.year);
    const id = `syn-r${String(i + 1).padStart(6, '0')}`;
    const case_name = `${rng.pick(CASE_PREFIXES)} ${String.fromCharCode(65 + rng.int(0, 25))}${rng.chance(0.5) ? rng.int(1, 99) : ''}`;
    const review: Review = {
      id, partnership_id: p.id, case_name, review_type: reviewType(pub.year, rng), ...pub,
      summary: paragraph(themes, rng, 1), findings: paragraph(themes, rng, 4),
      recommendations: 'The partnership should seek assurance that the learning from this review has changed practice.',
      source_url: null, origin: 'synthetic',
    };
    sink.add('reviews', review);
    light.reviews.push({ ...review, summary: null, findings: null, recommendations: null });
    writeDocument(sink, { type: 'review', id }, themes, passageCount(reviewPassages, rng), rng, stats.ids);
    const list = byPartnership.get(p.id) ?? [];
    list.push({ id, year: pub.year, themes, case_name });
    byPartnership.set(p.id, list);
  }

  for (let i = 0; i < scale.briefings; i++) {
    const p = partnerships[rng.weighted(weights)]!;
    const candidates = byPartnership.get(p.id);
    const review = candidates && rng.chance(0.6) ? rng.pick(candidates) : null;
    const pub = review?.year ? { ...publication(rng), year: Math.min(2026, review.year + rng.int(0, 1)) } : publication(rng);
    if (review?.year) pub.published = pub.published_on = `${pub.year}-${String(rng.int(1, 12)).padStart(2, '0')}-01`;
    const themes = review ? review.themes.slice(0, rng.int(2, 3)) : sampleThemes(stats, rng, pub.year, rng.int(2, 3));
    const kind = BRIEFING_KINDS[rng.weighted(BRIEFING_KINDS.map(([, w]) => w))]![0];
    const id = `syn-b${String(i + 1).padStart(6, '0')}`;
    const title = kind === '7-minute-briefing' ? `7-minute briefing: ${review ? review.case_name : themes[0]!.replace(/-/g, ' ')}` : `Learning from ${review ? review.case_name : 'local reviews'}`;
    const briefing: Briefing = {
      id, partnership_id: p.id, title, briefing_kind: kind, review_id: review?.id ?? null, ...pub,
      text: paragraph(themes, rng, 3), source_url: null, origin: 'synthetic',
    };
    sink.add('briefings', briefing);
    light.briefings.push({ ...briefing, text: null });
    writeDocument(sink, { type: 'briefing', id }, themes, passageCount(briefingPassages, rng), rng, stats.ids);
  }
  return light;
}
