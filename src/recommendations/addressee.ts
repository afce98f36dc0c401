/**
 * Whom a recommendation is addressed to, when the text says: the safeguarding
 * partnership (or board), a named agency, or government and national bodies.
 * Read from the words before the first modal verb ("The police should…",
 * "That NHS England…"), else from "by the partnership"-style phrases anywhere.
 */
import type { Addressee } from './kinds.ts';

export interface AddresseeGuess {
  addressee: Addressee | null;
  /** The agency named, in a tidy form ("Police", "Health visiting"); null for a partnership or when none is named. */
  agency: string | null;
}

const PARTNERSHIP = /\b(safeguarding (children |adults )?(partnership|board)s?|(the )?partnership|lscb|lscp|scp|safeguarding partners|(the )?board|community safety partnership|multi-agency safeguarding arrangements)\b/i;
const GOVERNMENT = /\b(government|department for education|dfe|department of health|dhsc|home office|ministry of justice|secretary of state|ofsted|cqc|hmicfrs|nhs england|the panel|national panel|child safeguarding practice review panel|parliament|ministers?)\b/i;

/** Agencies by the words that name them; the first match wins, so more specific names come first. */
const AGENCIES: [RegExp, string][] = [
  [/\b(police|constabulary|officers)\b/i, 'Police'],
  [/\b(children'?s social care|social care|social workers?|children'?s services|csc)\b/i, "Children's social care"],
  [/\b(health visit(ing|ors?))\b/i, 'Health visiting'],
  [/\b(midwi(fe|ves|fery)|maternity)\b/i, 'Maternity'],
  [/\b(gps?|general practi(ce|tioners?)|primary care)\b/i, 'GP practices'],
  [/\b(camhs|mental health (trust|services?|providers?))\b/i, 'Mental health services'],
  [/\b(icbs?|integrated care boards?|ccgs?|clinical commissioning groups?)\b/i, 'Integrated care board'],
  [/\b(hospitals?|emergency departments?|a ?& ?e|acute trusts?|nhs (foundation )?trusts?)\b/i, 'Hospital trust'],
  [/\b(health (agencies|services|partners|professionals)|health)\b/i, 'Health'],
  [/\b(schools?|education (settings?|providers?|services?)|colleges?|designated safeguarding leads?)\b/i, 'Education'],
  [/\b(early help)\b/i, 'Early help'],
  [/\b(probation)\b/i, 'Probation'],
  [/\b(housing( providers?| services?)?)\b/i, 'Housing'],
  [/\b(youth (justice|offending) (service|team)s?)\b/i, 'Youth justice'],
  [/\b(ambulance)\b/i, 'Ambulance service'],
  [/\b(substance misuse|drug and alcohol) (services?|providers?)\b/i, 'Substance misuse services'],
  [/\b(local authorit(y|ies)|councils?)\b/i, 'Local authority'],
  [/\b(all agencies|agencies|partner agencies|organisations)\b/i, 'All agencies'],
];

// The addressee usually comes before the first modal ("X should…"); recommendations written as
// "That X…" or "X to…" have none, so the first 12 words stand in.
const MODAL = /\b(should|must|will|need(s)? to|to ensure|is asked to|are asked to|to (develop|review|consider|provide|ensure))\b/i;

function subjectOf(text: string): string {
  const m = MODAL.exec(text);
  if (m && m.index > 0) return text.slice(0, m.index);
  return text.split(/\s+/).slice(0, 12).join(' ');
}

/** Whom the recommendation is addressed to, or nulls when the text does not say. */
export function guessAddressee(text: string): AddresseeGuess {
  const subject = subjectOf(text.replace(/^\s*(it is recommended that|we recommend that|recommendation\s*\d*[:.)-]?|that)\s+/i, ''));
  if (GOVERNMENT.test(subject)) return { addressee: 'government', agency: null };
  if (PARTNERSHIP.test(subject) && !/\bpartnership working\b/i.test(subject)) return { addressee: 'partnership', agency: null };
  for (const [re, name] of AGENCIES) if (re.test(subject)) return { addressee: 'agency', agency: name };
  // Beyond the subject only explicit mentions count ("…reported to the partnership", "…asks government to…").
  if (/\b(government|secretary of state|department for education|home office)\b/i.test(text)) return { addressee: 'government', agency: null };
  if (/\b(safeguarding (children |adults )?(partnership|board)|safeguarding partners|lscb)\b/i.test(text)) return { addressee: 'partnership', agency: null };
  return { addressee: null, agency: null };
}
