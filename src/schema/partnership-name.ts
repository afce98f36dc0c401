/**
 * Partnership names arrive in many forms ("Reading (Berkshire West Safeguarding
 * Children Partnership)", "Torbay Council", "Suffolk Safeguarding Partnership",
 * "Bury Integrated Safeguarding Partnership"). We key partnerships by the
 * statutory area alone so the same area from different sources, under its
 * current or a former board name, lands on one row; and we keep apart names
 * that are not one statutory area at all (joint procedures, national bodies,
 * authors, "Unknown"). The alias table lives in
 * data/reference/partnership-aliases.json so the dataset build, imports and the
 * app all apply the same mapping.
 */
import reference from '../../data/reference/partnership-aliases.json';
import type { Partnership, PartnershipKind } from './records.ts';

/** The name every unnamed partnership is shown under. */
export const NOT_KNOWN_NAME = 'Partnership not known';

const ORGANISATION_SUFFIXES = [
  /\bintegrated\s+safeguarding\s+partnership\b.*$/i,
  /\blocal\s+safeguarding\s+children(?:'s)?\s+(?:partnerships?|boards?)\b.*$/i,
  /\bsafeguarding\s+children(?:'s)?\s+(?:partnerships?|boards?|procedures|consortium)\b.*$/i,
  /\bsafeguarding\s+(?:partnerships?|boards?|adults\s+boards?)\b.*$/i,
  /\bchild\s+protection\s+and\s+safeguarding\s+procedures\b.*$/i,
  /\bchildren\s+and\s+families\s+partnership\b.*$/i,
  /\b(?:county|city|borough|metropolitan\s+borough)?\s*council\b.*$/i,
  /\bchildren(?:'s)?\s+(?:services|social\s+care|first)\b.*$/i,
  /\bsafeguarding$/i,
  /\b(?:lscb|scp|lscp|wscb|wsp|sp)$/i,
];

/** A parenthesis naming the partnership whose area the organisation belongs to, e.g. "(Berkshire West Safeguarding Children Partnership)". */
const AREA_IN_PARENTHESES = /\(([^)]*\bsafeguarding\s+(?:children(?:'s)?\s+)?partnership)(?:\s+area)?\)/i;

const lower = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const ALIASES = new Map(Object.entries(reference.aliases as Record<string, string>).map(([k, v]) => [lower(k), v]));
const JOINT = new Map(Object.keys(reference.joint as Record<string, string>).map((k) => [lower(k), k]));
const SOURCES = new Map(Object.keys(reference.sources as Record<string, string>).map((k) => [lower(k), k]));
const SOURCE_PATTERNS = (reference.sourcePatterns as string[]).map((p) => new RegExp(p, 'i'));
const NOT_KNOWN = new Set((reference.notKnown as string[]).map(lower));

/** Strips organisation words from a name, leaving the area ("Suffolk" for "Suffolk Safeguarding Partnership"). */
function strippedName(raw: string): string {
  const named = raw.match(AREA_IN_PARENTHESES)?.[1];
  let name = (named ?? raw).replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  for (const suffix of ORGANISATION_SUFFIXES) {
    const stripped = name.replace(suffix, '').replace(/[\s,–-]+$/, '').trim();
    if (stripped.length >= 2) name = stripped;
  }
  return name.replace(/^(?:the)\s+/i, '');
}

/** What a publisher name stands for: a statutory partnership, several partnerships' joint arrangement, another source, or no known partnership. */
export function partnershipKind(raw: string): PartnershipKind {
  const name = partnershipAreaName(raw);
  if (name === NOT_KNOWN_NAME) return 'not-known';
  if (JOINT.has(lower(name))) return 'joint';
  if (SOURCES.has(lower(name)) || SOURCE_PATTERNS.some((p) => p.test(raw))) return 'source';
  return 'partnership';
}

/** What the alias table says a source is ("inspectorate", "national charity", "university"), or null. */
const SOURCE_DESCRIPTIONS = new Map(Object.entries(reference.sources as Record<string, string>).map(([k, v]) => [lower(k), v]));
const NATIONAL_DESCRIPTION = /\bnational\b|\binspectorates?\b|\bregulator\b|\bgovernment\b|\binquiry\b/i;

/**
 * Whether a publisher is a national body (the national review panel, a government department, an
 * inspectorate or regulator, a national inquiry or charity): its name is marked "(national …)", or the
 * alias table describes it so. A statutory partnership, a joint arrangement or an unnamed publisher never is.
 */
export function isNationalPublisher(raw: string): boolean {
  if (partnershipKind(raw) !== 'source') return false;
  if (/\(\s*national\b/i.test(raw)) return true;
  return NATIONAL_DESCRIPTION.test(SOURCE_DESCRIPTIONS.get(lower(partnershipAreaName(raw))) ?? '');
}

/** The statutory area (or source) a name stands for, e.g. "Suffolk" for "Suffolk Safeguarding Partnership", "Bury" for "Bury Integrated Safeguarding Partnership". */
export function partnershipAreaName(raw: string): string {
  const stripped = strippedName(raw);
  // A name the stripping emptied, or one that names no area ("Unknown (7-minute briefing slide…)").
  if (!stripped || NOT_KNOWN.has(lower(stripped)) || NOT_KNOWN.has(lower(raw.replace(/\([^)]*\)/g, ' ')))) return NOT_KNOWN_NAME;
  const alias = ALIASES.get(lower(stripped)) ?? ALIASES.get(lower(raw.replace(/\([^)]*\)/g, ' ')));
  return alias ?? stripped;
}

/** A stable id for a partnership: the slug of its area name. */
export function partnershipId(raw: string): string {
  return slugify(partnershipAreaName(raw));
}

/** The partnership row a publisher name stands for (region filled later from the reference list). */
export function partnershipRecord(raw: string): Partnership {
  return { id: partnershipId(raw), name: partnershipAreaName(raw), region: null, kind: partnershipKind(raw) };
}

/** Lower-case ASCII slug: letters and digits joined by single hyphens. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
