/**
 * The UK nation a review comes from. National catalogues list reviews from
 * all four nations, each with its own review type; a page's own words or the
 * publisher's area usually say which.
 */
import regions from '../../../data/reference/england-partnership-regions.json';

export type Nation = 'England' | 'Wales' | 'Scotland' | 'Northern Ireland';

const ENGLAND_AREAS = new Set(Object.keys((regions as { regions: Record<string, string> }).regions).map((a) => a.toLowerCase()));

// Partnership areas outside England that national catalogues name.
const WALES = /\b(?:wales|welsh|cardiff|vale of glamorgan|cwm taf|western bay|gwent|powys|swansea|newport|wrexham|conwy|gwynedd|anglesey|ceredigion|pembrokeshire|carmarthenshire|bridgend|rhondda|merthyr|caerphilly|blaenau gwent|torfaen|monmouthshire|flintshire|denbighshire|neath port talbot)\b/i;
const SCOTLAND = /\b(?:scotland|scottish|glasgow|edinburgh|aberdeen(?:shire)?|dundee|fife|highland|moray|angus|perth and kinross|stirling|falkirk|lothian|lanarkshire|ayrshire|renfrewshire|dunbartonshire|inverclyde|argyll|borders|dumfries|galloway|clackmannanshire|orkney|shetland|eilean siar|western isles)\b/i;
const NORTHERN_IRELAND = /\b(?:northern ireland|belfast|safeguarding board for northern ireland|sbni)\b/i;

/** The nation a partnership name or entry text points to, or null when it does not say. */
export function nationOf(partnership: string | null, text = ''): Nation | null {
  const name = partnership?.trim() ?? '';
  if (NORTHERN_IRELAND.test(name) || /\bcase management review\b/i.test(text)) return 'Northern Ireland';
  if (SCOTLAND.test(name) || /\bsignificant case review\b|\binitial case review\b|\blearning review \(scotland\)/i.test(text)) return 'Scotland';
  if (WALES.test(name) || /\bchild practice review\b|\bwelsh\b/i.test(text)) return 'Wales';
  if (name && ENGLAND_AREAS.has(name.toLowerCase())) return 'England';
  if (/\bengland\b|\bserious case review\b|\bchild safeguarding practice review\b/i.test(text)) return 'England';
  return null;
}
