/**
 * A seeded sentence grammar: per theme, templates with slots filled from small
 * word lists, plus neutral sentences about the review itself. The tagger has
 * to find the theme sentences among the neutral ones, as in a real report.
 * This file is long because it is mostly text.
 */
import type { Random } from './random.ts';

const SLOTS: Record<string, readonly string[]> = {
  child: ['the baby', 'the child', 'the toddler', 'the young person', 'the teenager', 'the infant', 'the older sibling', 'the girl', 'the boy'],
  parent: ['the mother', 'the father', "the mother's partner", 'the main carer', 'both parents', 'the grandmother', 'the stepfather'],
  agency: ["children's social care", 'the health visiting service', 'the police', 'the school', 'the GP practice', 'the hospital', 'the early help team', 'the housing provider', 'the youth justice service', 'CAMHS', 'adult mental health services', 'the drug and alcohol service', 'the midwifery service', 'the nursery'],
  pro: ['practitioners', 'professionals', 'the allocated social worker', 'health visitors', 'teachers', 'the lead professional', 'frontline staff', 'the school nurse', 'managers'],
  when: ['over several months', 'in the weeks before the incident', 'during the period under review', 'across two years', 'after the family moved into the area', 'in the months before the baby was born', 'during the first lockdown', 'while the case was open to early help'],
  outcome: ['the risk was underestimated', 'the plan drifted', 'important concerns were missed', 'the picture stayed incomplete', 'opportunities to act were lost', 'the child remained at risk'],
};

const THEME_TEMPLATES: Record<string, readonly string[]> = {
  'professional-curiosity': [
    '{pro} accepted explanations from {parent} without testing them, and {outcome}.',
    'There was little professional curiosity about who else was living in the household {when}.',
    'Reassuring accounts were taken at face value and disguised compliance was not recognised by {pro}.',
  ],
  'voice-of-the-child': [
    '{child} was rarely seen alone, so their own account of daily life was never heard.',
    "The lived experience of {child} was missing from assessments; records described the parents' views instead.",
    'When {child} did speak about being frightened at home, {pro} did not act on what was said.',
  ],
  'history-in-assessment': [
    'Previous concerns about older siblings were not brought into the assessment {when}.',
    'No chronology was compiled, so the pattern of earlier referrals was not visible to {pro}.',
    'Records held by another local authority about the family history were never requested.',
  ],
  'risk-assessment': [
    'The assessment focused on the presenting incident and did not weigh cumulative risk.',
    'Plans lacked clear outcomes and {outcome} because risk was not reassessed when circumstances changed.',
    'Assessments of need and risk were not updated after new information emerged {when}.',
  ],
  'information-sharing': [
    '{agency} held information that was not shared with {agency}, and {outcome}.',
    'Information sharing between agencies was partial, and each held only a fragment of the picture.',
    'Concerns reported to {agency} were not passed on because staff were unsure whether consent was needed.',
  ],
  'multi-agency-working': [
    'Strategy discussions did not include all the agencies involved with the family {when}.',
    'Multi-agency meetings were cancelled or poorly attended, and no agency took the lead.',
    'Partners worked in parallel rather than together, with no shared plan for {child}.',
  ],
  'escalation-challenge': [
    '{pro} disagreed with the decision to close the case but did not use the escalation policy.',
    'Professional challenge was not raised when referrals from {agency} were turned down.',
    'Concerns about drift were not escalated to senior managers {when}.',
  ],
  'early-help-thresholds': [
    'Referrals were judged not to meet the threshold for statutory intervention and were stepped down to early help.',
    'The family declined early help and the case was closed without a review of the risks.',
    'Different understandings of thresholds between {agency} and the front door led to repeated referrals.',
  ],
  'child-protection-procedures': [
    'A child protection conference was not convened despite repeated concerns {when}.',
    'Section 47 enquiries were closed before the medical assessment had been completed.',
    'The child protection plan was ended while the core group still had unresolved concerns.',
  ],
  'supervision-workforce': [
    'High caseloads and staff turnover meant {child} had four different social workers {when}.',
    'Supervision was infrequent and did not challenge the direction of the work.',
    'Agency staff and vacancies in {agency} left gaps that managers did not cover.',
  ],
  'engagement-non-attendance': [
    'Missed health appointments were not followed up and were not seen as a sign of risk.',
    '{parent} did not engage with services and cancelled home visits at short notice {when}.',
    'Was not brought episodes at clinics were recorded but never shared with the health visitor.',
  ],
  'parental-capacity-to-change': [
    'Assessments did not test whether {parent} could sustain the changes they promised.',
    'Short periods of improvement were taken as evidence of lasting change by {pro}.',
    'No timescale was set for the family to demonstrate change before the plan was reviewed.',
  ],
  'fathers-and-men': [
    'The father and other men in the household were invisible to services {when}.',
    "Little was known about the mother's new partner, who was never assessed.",
    'Services engaged only with the mother and did not involve the father in planning.',
  ],
  'domestic-abuse': [
    'Police were called to domestic abuse incidents at the home several times {when}.',
    'The impact of domestic abuse on {child} was not recognised by {pro}.',
    'A MARAC referral was made but the coercive and controlling behaviour was not understood.',
  ],
  'parental-mental-health': [
    '{parent} had a long history of depression and anxiety that affected their capacity to parent.',
    'Adult mental health services did not consider the children when {parent} was discharged.',
    'Postnatal depression was identified but the support offered was not taken up.',
  ],
  'substance-misuse': [
    '{parent} misused alcohol and cannabis, and this was not reflected in the plan.',
    'Drug use in the household was known to {agency} but its effect on parenting was not assessed.',
    'Relapse into substance misuse was not picked up because testing had stopped {when}.',
  ],
  'culture-identity-language': [
    'An interpreter was not used, so {parent} could not fully understand what was being asked.',
    'The family’s culture, faith and identity were not explored in the assessment.',
    'Assumptions about the family’s background shaped decisions without being checked.',
  ],
  neglect: [
    'Home conditions were poor and {child} was often hungry and unkempt {when}.',
    'Chronic neglect was normalised and the cumulative harm was not recognised by {pro}.',
    'Health needs, including dental decay and missed immunisations, pointed to long-standing neglect.',
  ],
  'non-accidental-injury': [
    'Bruising on a non-mobile baby was not referred for a child protection medical.',
    '{child} suffered serious injuries, including fractures, that were not accidental.',
    'An earlier injury was accepted as accidental without a full explanation from {parent}.',
  ],
  'sudi-safer-sleep': [
    'The baby died while co-sleeping with {parent} after alcohol had been used.',
    'Safer sleep advice was given at birth but not revisited when circumstances changed.',
    'The sudden unexpected death of the infant occurred on a sofa during the night.',
  ],
  'child-sexual-abuse': [
    '{child} disclosed sexual abuse by a family member, but the disclosure was not acted on promptly.',
    'Signs of sexual abuse, including sexualised behaviour, were not explored by {pro}.',
    'A registered sex offender had contact with the children without services knowing.',
  ],
  exploitation: [
    '{child} was criminally exploited through county lines and was found carrying drugs.',
    'Indicators of child sexual exploitation were seen but the contextual risks outside the home were not addressed.',
    'Older men were grooming the young person, and exploitation screening was not completed.',
  ],
  'online-harm': [
    '{child} was contacted online by an adult who groomed them through social media.',
    'Harmful online content about self-harm was found on the young person’s phone.',
    'Sharing of indecent images online was treated as a school matter rather than a safeguarding concern.',
  ],
  'suicide-self-harm': [
    '{child} self-harmed repeatedly {when} and was waiting for a CAMHS appointment.',
    'The young person died by suicide after telling a friend they felt hopeless.',
    'Risk of self-harm was assessed in the emergency department but follow-up did not happen.',
  ],
  'disabled-children': [
    '{child} had complex health needs and a learning disability, which masked signs of neglect.',
    'Services focused on the disability and did not see safeguarding concerns behind it.',
    'The child was non-verbal, and {pro} did not find other ways to understand their experience.',
  ],
  'education-school': [
    '{child} was removed from the school roll to be electively home educated {when}.',
    'Poor school attendance and exclusions were not linked to the concerns at home.',
    'The school had noticed changes in behaviour but did not know about the wider picture.',
  ],
  'missing-children': [
    '{child} went missing from home repeatedly and return home interviews were not completed.',
    'Missing episodes were recorded by the police but not shared with the school.',
    'The pattern of going missing overnight was not linked to risks of exploitation.',
  ],
  'looked-after-children': [
    '{child} was in care and moved placement several times {when}.',
    'A care leaver lost support at eighteen, just as their needs increased.',
    'Placement instability meant the child in care had no trusted adult to turn to.',
  ],
  'home-safety-supervision': [
    '{child} was left unsupervised near an open window and fell.',
    'Home safety advice about stair gates and hot drinks had not been followed.',
    'A young child drowned in the bath after being left alone for a few minutes.',
  ],
  'adolescents-transition': [
    'As a teenager approaching adulthood, {child} fell between children’s and adult services.',
    'Transition planning for the young person started too late to secure adult support.',
    'Adolescent risk was seen as a lifestyle choice rather than a safeguarding concern.',
  ],
  'covid-19': [
    'During the pandemic, home visits were replaced by phone calls and {child} was not seen.',
    'Covid-19 restrictions reduced face-to-face contact and masked the deterioration at home.',
    'Lockdown meant the school, usually a safe place, was closed to {child}.',
  ],
};

const NEUTRAL = [
  'The review was commissioned by the partnership following a rapid review.',
  'This section sets out the chronology of key events {when}.',
  'Practitioners from {agency} contributed to a learning event held as part of the review.',
  'The family agreed to contribute and their views are reflected throughout this report.',
  'The terms of reference covered the involvement of agencies {when}.',
  'The reviewer met with staff from {agency} to understand the context of their work.',
  'Recommendations are addressed to the partnership and its member agencies.',
  'The review used a systems approach to understand why things happened as they did.',
  'An action plan will be monitored by the partnership’s learning and improvement subgroup.',
  'Some good practice was identified, including the persistence of {pro}.',
  'The names used in this report have been changed to protect the family’s privacy.',
  'This briefing summarises the key learning for {pro} across the partnership.',
];

function fill(template: string, rng: Random): string {
  const s = template.replace(/\{(\w+)\}/g, (_, slot: string) => rng.pick(SLOTS[slot] ?? [slot]));
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One sentence that speaks to `themeId`. */
export function themeSentence(themeId: string, rng: Random): string {
  const templates = THEME_TEMPLATES[themeId];
  if (!templates) throw new Error(`No sentence templates for theme "${themeId}"`);
  return fill(rng.pick(templates), rng);
}

/** One sentence about the review process, carrying no theme. */
export function neutralSentence(rng: Random): string {
  return fill(rng.pick(NEUTRAL), rng);
}

/** Theme ids that have templates (must cover the taxonomy). */
export const TEMPLATE_THEMES = Object.keys(THEME_TEMPLATES);
