/**
 * Briefing link lines as pages list them under a review or on their own:
 * "7 Minute Briefing - Child Neglect", "Professional Curiosity - 7-minute
 * Briefing", "Abusive Head Trauma - 7 minute learning", "Jack - Lessons
 * Learned Briefing", "Jack Child Safeguarding Practice Review - WSP Statement".
 */
import type { BriefingKind } from '../../schema/records.ts';

export interface BriefingLine {
  title: string;
  briefing_kind: BriefingKind;
  /** The text the title was cleaned from (one topic's share of the line). */
  raw: string;
}

const SEVEN_MINUTE = /\b(?:7|seven)[\s-]*min(?:ute)?s?[\s-]+(?:briefing|learning|brief)\b/gi;
const LESSONS_LEARNED = /\blessons?[\s-]+learn(?:ed|t)(?:[\s-]+briefing)?\b|\blearning[\s-]+brief(?:ing)?\b/i;
const STATEMENT = /\bstatement$/i;

/** Link lines are short labels, not sentences; longer lines are page prose. */
const MAX_WORDS_PER_TOPIC = 16;
const SEPARATORS = /^[\s\-–—:|,]+|[\s\-–—:|,]+$/g;

// Link labels often carry the file type or size, e.g. "(PDF, 210KB)".
const FILE_NOTE = /\((?:pdf|docx?|pptx?|[\d.]+\s*[km]b)\b[^)]*\)/gi;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const clean = (s: string) => s.replace(SEPARATORS, '').replace(/\s+/g, ' ').trim();

/** Text between 7-minute markers: the topics, whether markers lead or trail them. */
function sevenMinuteTopics(line: string): BriefingLine[] {
  const markers = [...line.matchAll(SEVEN_MINUTE)];
  const leading = markers[0]?.index === 0;
  const pieces: string[] = [];
  markers.forEach((marker, i) => {
    const start = marker.index + marker[0].length;
    if (leading) {
      pieces.push(line.slice(marker.index, markers[i + 1]?.index ?? line.length));
    } else {
      const previousEnd = i === 0 ? 0 : markers[i - 1]!.index + markers[i - 1]![0].length;
      pieces.push(line.slice(previousEnd, start));
    }
  });
  if (!leading) {
    // Text after the last trailing marker belongs to no topic; keep it rather than drop it.
    const last = markers.at(-1)!;
    const tail = clean(line.slice(last.index + last[0].length));
    if (tail) pieces[pieces.length - 1] += ` ${tail}`;
  }
  return pieces.map((raw) => ({
    title: clean(raw.replace(SEVEN_MINUTE, '')),
    briefing_kind: '7-minute-briefing' as const,
    raw: raw.trim(),
  }));
}

/**
 * The briefings a link line lists (one line may hold several 7-minute topics),
 * or an empty array when the line is not a briefing link.
 */
export function parseBriefingLine(line: string): BriefingLine[] {
  const text = line.replace(FILE_NOTE, ' ').replace(/\s+/g, ' ').trim();
  if (!text || /[.:;?!]$/.test(text)) return [];
  const sevenMinuteCount = [...text.matchAll(SEVEN_MINUTE)].length;
  if (sevenMinuteCount > 0) {
    if (words(text) > MAX_WORDS_PER_TOPIC * sevenMinuteCount) return [];
    // "What is a Seven Minute Brief": a marker that ends the line without a separator is part of the title.
    const only = sevenMinuteCount === 1 ? [...text.matchAll(SEVEN_MINUTE)][0]! : null;
    if (only && only.index > 0 && only.index + only[0].length === text.length && !/[-–—:|,]\s*$/.test(text.slice(0, only.index))) {
      return [{ title: clean(text), briefing_kind: '7-minute-briefing', raw: text }];
    }
    return sevenMinuteTopics(text).filter((b) => b.title !== '');
  }
  if (words(text) > MAX_WORDS_PER_TOPIC) return [];
  if (LESSONS_LEARNED.test(text)) return [{ title: clean(text), briefing_kind: 'lessons-learned-briefing', raw: text }];
  if (STATEMENT.test(text)) return [{ title: clean(text), briefing_kind: 'statement', raw: text }];
  return [];
}
