/**
 * Matches the publisher a page names ("Calderdale Safeguarding Children
 * Board", "CYSCB", a web address like walsallsp.co.uk) to an English
 * partnership area in data/reference/england-partnership-regions.json.
 */
import regions from '../../../data/reference/england-partnership-regions.json';

const AREAS = Object.keys((regions as { regions: Record<string, string> }).regions).sort((a, b) => b.length - a.length);
const compact = (s: string) => s.toLowerCase().replace(/&/g, 'and').replace(/[^a-z]/g, '');

/** The longest area name contained in `name` as whole words, or null. */
const areaCache = new Map<string, string | null>();

export function areaInName(name: string | null): string | null {
  if (!name) return null;
  if (areaCache.has(name)) return areaCache.get(name)!;
  const area = findArea(name);
  if (areaCache.size < 5000) areaCache.set(name, area);
  return area;
}

function findArea(name: string): string | null {
  const padded = ` ${name.toLowerCase().replace(/[^a-z&]+/g, ' ')} `;
  return AREAS.find((a) => padded.includes(` ${a.toLowerCase().replace(/[^a-z&]+/g, ' ')} `)) ?? null;
}

/** The area a web address's host names ("walsallsp.co.uk" → Walsall), or null. */
export function areaInAddress(address: string | null): string | null {
  const host = address ? /^(?:[a-z]+:\/\/)?([^/\s]+)/i.exec(address)?.[1] : null;
  if (!host) return null;
  const label = compact(host.replace(/^www\./, '').replace(/\.(?:gov|org|co|ac|nhs)?\.?uk$|\.(?:org|com|net)$/i, ''));
  const whole = AREAS.find((a) => compact(a).length >= 4 && label.includes(compact(a)));
  if (whole) return whole;
  // "cheshirewestscp" names "Cheshire West and Chester" by its first two words.
  const byStart = AREAS.filter((a) => a.split(' ').length >= 3 && label.startsWith(compact(a.split(' ').slice(0, 2).join(' '))));
  return byStart.length === 1 ? byStart[0]! : null;
}
