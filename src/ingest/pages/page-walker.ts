/**
 * Walks a page's lines once, keeping the context a reader keeps: the section
 * it is in (briefings, reviews, national material), the review whose entry it
 * is reading, a date header or table header above, and whether the lines
 * below a label ("Key Learning Themes:") are details of the entry above.
 * Longer than most modules because the rules share that state; each rule is a
 * small method, tried in order.
 */
import type { BriefingKind } from '../../schema/records.ts';
import { datedHeading, typedHeading, undertakenSentence, type ReviewAnchor } from './anchors.ts';
import { parseBriefingLine } from './briefing-lines.ts';
import { publicationDateLine, publishedDateInProse, splitTrailingDate } from './dates.ts';
import { catalogueHeading, dateHeader, documentLine, isBriefingDocument, proseBriefing, proseReview, reviewEntry } from './entries.ts';
import { caseKey, childName, cleanLabel, headingSection, isLabelLine, isNavigation, isTitleLike, type Section } from './line-shapes.ts';
import { introducesFindings, isPageLevelHeading, listItemText, publishedLine } from './page-lines.ts';
import { findReviewType } from './review-types.ts';
import { splitCells, tableHeader, tableRow, type TableHeader } from './tables.ts';

export interface DraftReview {
  anchor: ReviewAnchor;
  findings: string[];
  line: number;
  lines: number[];
  /** Set for catalogue entries, which each name their own partnership. */
  partnership?: string;
  /** Entry text seen so far (for a catalogue entry's nation). */
  text: string;
}

export interface DraftBriefing {
  kind: 'briefing';
  title: string;
  briefing_kind: BriefingKind;
  published: string | null;
  raw: string;
  line: number;
  reviewDraft: DraftReview | null;
  /** Case name of a review the briefing names without the page listing the review itself. */
  reviewName?: string;
}

export type WalkItem = { kind: 'review'; draft: DraftReview } | DraftBriefing;

/** What a briefing list offers besides briefings: "7 Minute Briefing Action Plan", a template or guide. */
const TEMPLATE_TITLE = /^(?:action plan|template|proforma|guidance|guide|feedback|evaluation)(?:\s+(?:template|form|proforma))?$/i;

function wordCount(line: string): number {
  let n = 1;
  for (let i = line.indexOf(' '); i >= 0 && n < 8; i = line.indexOf(' ', i + 1)) n++;
  return n;
}
const RECORD_WORDS = /publish|review|brief|undertaken|minute|statement|\b(?:19|20)\d{2}\b|\bchild\b|\bbaby\b/i;

/** Section names every site uses; in a briefing list they head parts of the page, they are not topics. */
const GENERIC_HEADING =
  /^(?:questions|introduction|background|purpose|overview|summary|about(?: us)?|contacts?|resources|useful links|related (?:links|pages|content)|downloads|documents|more information|further information|how to use (?:them|these|this)|what to do|why it matters|delivery|timing|information and further discussion|in this section|on this page)$/i;

const BULLET_MARK = /^\s*([•●▪◦■□➢►·*]|[-–—](?=\s)|\d{1,2}[.)]|[a-z][.)])\s+/;
const clean = (raw: string) => (/[\u00a0\u200b\ufeff\t\r\f\v]|\s\s/.test(raw) ? raw.replace(/[\u00a0\u200b\ufeff]/g, ' ').replace(/\s+/g, ' ').trim() : raw.trim());

/** Strips what a briefing list puts around a topic: numbering left-overs, "7 Minute Briefing -", "(1)". */
function briefingTitle(text: string): string {
  return cleanLabel(text)
    .replace(/^(?:\d+\s*)?[-–]?\s*(?:(?:7|seven)[\s-]*)?minute[\s-]+brief(?:ing)?s?\s*[-–:]?\s+(?=\S)/i, '')
    .replace(/\s*\(\d{1,2}\)$/, '')
    .trim();
}

export class PageWalker {
  readonly items: WalkItem[] = [];
  private readonly lines: string[];
  private readonly raw: string[];
  private section: Section = 'neutral';
  private sevenMinuteSection = false;
  private sectionType: ReviewAnchor['type'] = null;
  private pendingDate: string | null = null;
  private current: DraftReview | null = null;
  private lastBriefing: DraftBriefing | null = null;
  private lastItemLine = -10;
  private prevWasItem = false;
  private extendedItem = false;
  private collectingFindings = false;
  private detailsMarker: string | null | undefined = undefined;
  private table: TableHeader | null = null;
  private readonly seenBriefings = new Set<string>();
  private readonly reviewsByKey = new Map<string, DraftReview[]>();

  constructor(rawLines: readonly string[]) {
    this.raw = [...rawLines];
    this.lines = rawLines.map(clean);
  }

  walk(): void {
    this.lines.forEach((line, i) => {
      if (line) this.visit(i);
    });
  }

  private nextLine(i: number): string | null {
    for (let j = i + 1; j < this.lines.length; j++) if (this.lines[j]) return this.lines[j]!;
    return null;
  }

  private visit(i: number): void {
    const before = this.items.length;
    this.extendedItem = false;
    this.visitRules(i);
    this.prevWasItem = this.items.length > before || this.extendedItem;
    // A catalogue entry's own lines (for its nation); read after the rules so the next heading is not included.
    if (this.current?.partnership !== undefined) this.current.text += ` ${this.lines[i]}`;
  }

  private visitRules(i: number): void {
    const line = this.lines[i]!;
    const n = i + 1;
    // Most of a long page is narrative; a sentence with no date, no "publish", "review" or "brief" names nothing.
    if (/[.!?]["”’')]*$/.test(line) && wordCount(line) > 6 && !RECORD_WORDS.test(line) && !BULLET_MARK.test(this.raw[i]!) && !this.table) {
      this.collectingFindings = false;
      this.detailsMarker = undefined;
      return;
    }
    if (this.tableLine(i, n)) return;
    const item = listItemText(line);
    const body = item ?? line;
    if (this.detailLine(i, item)) return;
    if (this.catalogueLine(body, n) || this.dateHeaderLine(body, n) || this.dateLine(body, n)) return;
    if (this.continuationLine(body, n)) return;
    if (isNavigation(cleanLabel(body))) return;
    if (this.briefingLinkLine(body, n) || this.entryLine(body, n)) return;
    if (isLabelLine(body) && !childName(cleanLabel(body))) return this.labelLine(i, body);
    if (item !== null && this.collectingFindings && this.current) {
      this.current.findings.push(item);
      return;
    }
    this.collectingFindings = false;
    if (this.headingLine(i, body, item !== null) || this.listedName(body, n) || this.listedBriefing(body, n)) return;
    this.proseLine(line, n);
  }

  // --- records -------------------------------------------------------------

  /** Makes the named review current, merging with one already seen under the same name. */
  private enter(anchor: ReviewAnchor, n: number, partnership?: string): DraftReview {
    this.collectingFindings = false;
    const key = `${partnership ?? ''}|${caseKey(anchor.case)}`;
    const known = this.reviewsByKey
      .get(key)
      ?.find((d) => !(d.anchor.published && anchor.published && d.anchor.published !== anchor.published));
    if (known) {
      known.anchor.type ??= anchor.type;
      known.anchor.published ??= anchor.published;
      known.lines.push(n);
      this.current = known;
      return known;
    }
    const draft: DraftReview = { anchor: { ...anchor }, findings: [], line: n, lines: [n], text: '' };
    if (partnership !== undefined) draft.partnership = partnership;
    draft.anchor.type ??= this.sectionType;
    draft.anchor.published ??= this.pendingDate;
    this.items.push({ kind: 'review', draft });
    this.reviewsByKey.set(key, [...(this.reviewsByKey.get(key) ?? []), draft]);
    this.current = draft;
    this.lastItemLine = n;
    return draft;
  }

  private addBriefing(title: string, kind: BriefingKind, raw: string, n: number, review: DraftReview | null, published: string | null = null, reviewName?: string): void {
    const key = `${caseKey(title)}|${review ? caseKey(review.anchor.case) : ''}`;
    if (!title || this.seenBriefings.has(key)) return;
    this.seenBriefings.add(key);
    const briefing: DraftBriefing = { kind: 'briefing', title, briefing_kind: kind, published, raw, line: n, reviewDraft: review };
    if (reviewName) briefing.reviewName = reviewName;
    this.items.push(briefing);
    this.lastBriefing = briefing;
    this.lastItemLine = n;
  }

  // --- rules, in the order visit() tries them --------------------------------

  /** Header and body rows of a table of documents. */
  private tableLine(i: number, n: number): boolean {
    const cells = splitCells(this.raw[i]!.replace(/[\u00a0]/g, ' '));
    if (this.table) {
      const row = tableRow(cells, this.table);
      if (row) {
        const draft = this.enter({ case: row.name, type: null, published: row.reportDate, looksLikeCase: childName(row.name) !== null }, n);
        for (const b of row.briefings) this.addBriefing(`${row.name} ${b.label.toLowerCase()}`, 'lessons-learned-briefing', this.lines[i]!, n, draft, b.published);
        return true;
      }
      this.table = null;
    }
    const header = tableHeader(cells);
    if (header) this.table = header;
    return header !== null;
  }

  /** Lines under a label ("Key Learning Themes:") describe the entry above until the list style changes. */
  private detailLine(i: number, item: string | null): boolean {
    if (this.detailsMarker === undefined) return false;
    const marker = BULLET_MARK.exec(this.raw[i]!)?.[1] ?? null;
    const startsEntry = /\((?:pdf|docx?)\b|\[\d/i.test(this.lines[i]!);
    if (item !== null && marker === this.detailsMarker && !startsEntry) return true;
    this.detailsMarker = undefined;
    return false;
  }

  private labelLine(i: number, body: string): void {
    if (this.current && introducesFindings(body) && this.lastItemLine > this.lastBriefingLine()) {
      this.collectingFindings = true;
      return;
    }
    const next = this.raw.slice(i + 1).find((l) => l.trim());
    this.detailsMarker = next ? (BULLET_MARK.exec(next)?.[1] ?? null) : undefined;
    if (this.detailsMarker === null) this.detailsMarker = undefined;
  }

  private lastBriefingLine = () => this.lastBriefing?.line ?? -1;

  private catalogueLine(body: string, n: number): boolean {
    const entry = catalogueHeading(body);
    if (!entry) return false;
    this.enter({ case: entry.case, type: entry.type, published: entry.published, looksLikeCase: true }, n, entry.partnership);
    this.section = 'reviews';
    return true;
  }

  private dateHeaderLine(body: string, n: number): boolean {
    const date = dateHeader(body);
    if (!date) return false;
    // "Published: 3 May 2021" right under an undated entry dates that entry; a labelled header dates those below it.
    if (/^published/i.test(body.trim()) && this.dateLine(body, n)) return true;
    this.pendingDate = date;
    this.current = null;
    return true;
  }

  /** "Published in October 2021 issue ...", "May 2020": the date of the entry just above. */
  private dateLine(body: string, n: number): boolean {
    const date = publicationDateLine(body) ?? publishedLine(body);
    if (!date || n - this.lastItemLine > 4) return false;
    const last = this.items.at(-1);
    if (last?.kind === 'briefing' && !last.published) last.published = date;
    else if (last?.kind === 'review' && !last.draft.anchor.published) last.draft.anchor.published = date;
    else return false;
    return true;
  }

  /** "Safeguarding Adult Review" / "into the death of Tom - March 2017": a title broken over two lines. */
  private continuationLine(body: string, n: number): boolean {
    const last = this.items.at(-1);
    if (!this.prevWasItem || last?.kind !== 'briefing' || last.line !== this.previousLine(n) || !/^[a-z]/.test(body) || body.split(/\s+/).length > 12) return false;
    // A link label that ends in its file note ("[329kb]") is complete; the next line is another link.
    if (cleanLabel(body) !== body.trim() || cleanLabel(last.raw) !== last.raw.trim()) return false;
    const dated = splitTrailingDate(`${last.title} ${body}`);
    last.title = cleanLabel(dated?.before ?? `${last.title} ${body}`);
    last.published ??= dated?.published ?? null;
    last.raw = `${last.raw} ${body}`;
    this.extendedItem = true;
    return true;
  }

  private previousLine(n: number): number {
    for (let j = n - 2; j >= 0; j--) if (this.lines[j]) return j + 1;
    return -1;
  }

  /** Links that say they are briefings ("7 Minute Briefing - Neglect", "Jack - Lessons Learned Briefing"). */
  private briefingLinkLine(body: string, n: number): boolean {
    const isTemplate = (title: string) => TEMPLATE_TITLE.test(title.replace(/\s*\(.*$/, '').trim());
    const found = parseBriefingLine(body).filter((b) => !isTemplate(b.title));
    if (found.length === 0) return /^(?:7|seven)[\s-]*min/i.test(body) && isTemplate(body.replace(/^(?:7|seven)[\s-]*min(?:ute)?s?[\s-]+brief(?:ing)?s?\s*[-–:]?\s*/i, ''));
    const named = this.reviewNamedBy(body);
    // A name several reviews on the page share links to none of them (and not to the current one either).
    const review = named.several ? null : (named.review ?? (this.section === 'briefings' && !this.current ? null : this.current));
    for (const b of found) {
      const titled = splitTrailingDate(b.title);
      this.addBriefing(titled?.before ?? b.title, b.briefing_kind, b.raw, n, review, titled?.published ?? null, named.several ?? undefined);
    }
    this.collectingFindings = false;
    return true;
  }

  /**
   * The review whose case name a briefing label starts with ("Child Fern - Lessons Learned Briefing");
   * when several reviews on the page have that name (years apart), none: `several` gives the name.
   */
  private reviewNamedBy(label: string): { review: DraftReview | null; several: string | null } {
    const words = caseKey(label).split(' ');
    for (let n = Math.min(words.length - 1, 6); n >= 1; n--) {
      const found = this.reviewsByKey.get(`|${words.slice(0, n).join(' ')}`);
      if (found?.length === 1) return { review: found[0]!, several: null };
      if (found?.length) return { review: null, several: found[0]!.anchor.case };
    }
    return { review: null, several: null };
  }

  /** Dated or typed entries and document links naming a case. */
  private entryLine(body: string, n: number): boolean {
    if (this.section === 'national') return false;
    const heading = datedHeading(body) ?? typedHeading(body);
    // In a briefing list, "Child T Serious Case Review" is the topic of a briefing about that review.
    if (heading && this.section === 'briefings' && !heading.published && heading.type !== 'action-plan') {
      this.addBriefing(cleanLabel(body), this.sevenMinuteSection ? '7-minute-briefing' : 'other', body, n, null, null, heading.case);
      return true;
    }
    if (heading) {
      this.enter(heading, n);
      return true;
    }
    const entry = reviewEntry(body) ?? documentLine(body);
    if (!entry || (this.section === 'briefings' && !entry.type && !entry.published)) return false;
    const draft = this.enter({ case: entry.case, type: entry.type, published: entry.published, looksLikeCase: entry.looksLikeCase }, n);
    if (isBriefingDocument(entry.doc)) this.addBriefing(cleanLabel(body), /\blearn/i.test(entry.doc!) ? 'lessons-learned-briefing' : 'other', body, n, draft);
    return true;
  }

  /** Section headings; inside a run of list entries a heading-like line is an entry. */
  private headingLine(i: number, body: string, isListItem: boolean): boolean {
    const section = headingSection(cleanLabel(body));
    if (!section) {
      if (isPageLevelHeading(body) && !isTitleLike(body)) this.current = null;
      return false;
    }
    if (this.section === 'briefings' && isListItem) return false;
    const next = this.nextLine(i);
    // Inside a run of entries a heading-like line is an entry, unless it names a whole list ("... case reviews") and a heading follows.
    const namesList = /\b(?:reviews|briefings|briefs|publications|resources)\b/i.test(body);
    const nextIsEntry = next !== null && (isTitleLike(next) || /^[a-z]/.test(next));
    const inRun = this.section === 'briefings' && this.prevWasItem && nextIsEntry && (!headingSection(next!) || !namesList);
    if (inRun) return false;
    this.section = section;
    this.sevenMinuteSection = section === 'briefings' && /\b(?:7|seven)[\s-]*min/i.test(body);
    this.sectionType = findReviewType(body);
    const yearHeading = /\bpublished\s+(?:in\s+)?((?:19|20)\d{2})\s*$/i.exec(body);
    this.pendingDate = yearHeading ? yearHeading[1]! : null;
    this.current = null;
    this.lastBriefing = null;
    return true;
  }

  /** A bare case name ("Child X", "Case GN13:") in a review or briefing list. */
  private listedName(body: string, n: number): boolean {
    const name = childName(cleanLabel(body));
    if (!name || this.section === 'neutral' || this.section === 'national') return false;
    if (this.section === 'briefings') this.addBriefing(name, this.sevenMinuteSection ? '7-minute-briefing' : 'other', body, n, null);
    else this.enter({ case: name, type: null, published: null, looksLikeCase: true }, n);
    return true;
  }

  /** A topic in a briefing list: a short title-like line that is not navigation. */
  private listedBriefing(body: string, n: number): boolean {
    if (this.section !== 'briefings' || /:$/.test(body)) return false;
    const label = briefingTitle(body);
    if (!isTitleLike(label) || isNavigation(label) || GENERIC_HEADING.test(label) || /^(?:published|featured|key|learning themes?)\b/i.test(label)) return false;
    const dated = splitTrailingDate(label);
    const kind: BriefingKind = this.sevenMinuteSection ? '7-minute-briefing' : 'other';
    this.addBriefing(dated?.before ?? label, kind, body, n, null, dated?.published ?? null);
    return true;
  }

  /** Sentences: "A Serious Case Review has been undertaken ... 'Sophie'", "On <date> ... published ...". */
  private proseLine(line: string, n: number): void {
    // A catalogue entry's narrative describes that one review; its sentences announce no others.
    const inEntry = this.current?.partnership !== undefined;
    const announced = inEntry ? null : (undertakenSentence(line) ?? (this.section === 'national' ? null : proseReview(line)));
    if (announced) this.enter(announced, n);
    const briefing = this.section === 'national' || inEntry ? null : proseBriefing(line);
    if (this.current && !this.current.anchor.published) {
      const date = publishedLine(line) ?? publishedDateInProse(line);
      if (date) {
        this.current.anchor.published = date;
        this.current.lines.push(n);
      }
    }
    if (briefing && this.current) this.addBriefing(briefing, /\blearn/i.test(briefing) ? 'lessons-learned-briefing' : 'other', line, n, this.current, publishedDateInProse(line));
    if (this.current && introducesFindings(line)) this.collectingFindings = true;
    else if (!announced && isPageLevelHeading(line)) this.current = null;
  }
}
