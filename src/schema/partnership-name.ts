/**
 * Partnership names arrive in many forms ("Reading (Berkshire West Safeguarding
 * Children Partnership)", "Torbay Council", "Suffolk Safeguarding Partnership").
 * We key partnerships by the area name alone so the same area from different
 * sources lands on one row.
 */

const ORGANISATION_SUFFIXES = [
  /\bsafeguarding\s+children(?:'s)?\s+(?:partnerships?|boards?|procedures|consortium)\b.*$/i,
  /\bsafeguarding\s+(?:partnerships?|boards?|adults\s+boards?)\b.*$/i,
  /\bintegrated\s+safeguarding\s+partnership\b.*$/i,
  /\bchild\s+protection\s+and\s+safeguarding\s+procedures\b.*$/i,
  /\bchildren\s+and\s+families\s+partnership\b.*$/i,
  /\b(?:county|city|borough|metropolitan\s+borough)?\s*council\b.*$/i,
  /\bchildren(?:'s)?\s+(?:services|social\s+care|first)\b.*$/i,
  /\bsafeguarding$/i,
  /\bsafeguarding$/i,
  /\b(?:lscb|scp|lscp|wscb|wsp|sp)$/i,
];

/** The area name of a partnership, e.g. "Suffolk" for "Suffolk Safeguarding Partnership". */
export function partnershipAreaName(raw: string): string {
  let name = raw.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  for (const suffix of ORGANISATION_SUFFIXES) {
    const stripped = name.replace(suffix, '').replace(/[\s,–-]+$/, '').trim();
    if (stripped.length >= 2) name = stripped;
  }
  return name.replace(/^(?:the)\s+/i, '');
}

/** A stable id for a partnership: the slug of its area name. */
export function partnershipId(raw: string): string {
  return slugify(partnershipAreaName(raw));
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
