/**
 * Lexical features of a recommendation for the kind model: stemmed content
 * words, stemmed word pairs (bigrams, stop words kept so "must ensure" and
 * "national guidance" survive), and a few cues about who is asked. Strings, so
 * the model file stays readable and does not depend on interned ids.
 */
import { stem } from '../classify/tokens.ts';
import { guessAddressee } from './addressee.ts';

const STOP = new Set(['the', 'a', 'an', 'of', 'and', 'to', 'in', 'for', 'on', 'with', 'by', 'is', 'are', 'be', 'that', 'this', 'their', 'its', 'as', 'at', 'or', 'from', 'it', 'they', 'there', 'was', 'were']);

/** Words (stemmed) that name each kind; a hit adds the feature `cue:<kind>`. */
const CUES: Record<string, string[]> = {
  training: ['train', 'awar', 'campaign', 'brief', 'learn', 'educ', 'session', 'workshop', 'e-learn', 'confid', 'understand', 'recognis', 'messag', 'film', 'conferenc', 'event', 'teach', 'knowledg', 'skill'],
  procedure: ['guidanc', 'protocol', 'procedur', 'polici', 'pathwai', 'tool', 'toolkit', 'form', 'checklist', 'templat', 'strategi', 'process', 'flowchart', 'leaflet', 'flag', 'refer', 'escal', 'share', 'inform'],
  practice: ['supervis', 'audit', 'oversight', 'assur', 'standard', 'manag', 'record', 'assess', 'qualiti', 'review', 'monitor', 'challeng', 'curios', 'consist', 'practic', 'visit', 'seen', 'speak'],
  system: ['commiss', 'fund', 'resourc', 'capac', 'staf', 'recruit', 'workforc', 'system', 'servic', 'team', 'unit', 'structur', 'data', 'databas', 'it', 'provis', 'case', 'caseload', 'integr', 'co-loc', 'hub'],
  national: ['govern', 'legisl', 'law', 'nation', 'statutori', 'parliament', 'ofst', 'inspect', 'regul', 'minist', 'secretari', 'depart', 'dfe', 'offenc', 'definit', 'regist', 'power', 'england'],
  other: ['research', 'evalu', 'famili', 'parent', 'involv', 'voic', 'celebr', 'publish'],
};
const CUE_LIST = Object.entries(CUES).flatMap(([kind, stems]) => stems.map((cue) => ({ cue, kind })));

/** Kinds whose cue words begin this stem ("train" → training, "commission" → system). */
function cueKinds(st: string): string[] {
  return CUE_LIST.filter(({ cue }) => (cue.length <= 3 ? st === cue : st.startsWith(cue))).map((c) => c.kind);
}

/** Lower-case words of the text (letters and digits; apostrophes dropped). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().replace(/['’]/g, '').match(/[a-z0-9]+/g) ?? [];
}

/** The feature strings of one recommendation (each once). */
export function kindFeatures(text: string): string[] {
  const ws = wordsOf(text);
  const stems = ws.map((w) => (w.length > 2 ? stem(w) : w));
  const out = new Set<string>();
  for (let i = 0; i < ws.length; i++) {
    if (!STOP.has(ws[i]!) && ws[i]!.length > 1) out.add(`w:${stems[i]}`);
    if (i + 1 < ws.length) out.add(`b:${stems[i]}_${stems[i + 1]}`);
  }
  for (const st of stems) for (const kind of cueKinds(st)) out.add(`cue:${kind}`);
  const who = guessAddressee(text);
  out.add(`who:${who.addressee ?? 'none'}`);
  return [...out];
}
