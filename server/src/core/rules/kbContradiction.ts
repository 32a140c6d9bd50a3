/**
 * Statements the knowledge base contradicts on the article's date: CIS membership claims
 * ("X and Y are the associate states", "Its full members are …", "X is a member of the CIS")
 * and founding years ("The CIS was formed in 1991").
 */
import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { CisStatusPeriod } from '../kb/types';
import { joinsList } from '../analysis/lists';
import { isWhitespace } from '../text/chars';
import { matchBefore, upperBound } from '../text/search';
import { TriggeredPattern, type TriggerScan } from '../text/triggers';
import type { EntityMention, Span } from '../types';
import type { Rule, RuleContext, RuleFinding } from './types';

type ClaimedStatus = 'member' | 'full-member' | 'associate' | 'any';

// The phrases below are ASCII and case-insensitive without the u flag: with it, i folds by Unicode rules
// (ſ and K match s and k), which made the unanchored LIST_AFTER_STATUS search about six times slower.
const STATUS_AFTER_LIST = /^\s*(?:is|are|was|were|remains?)\s+(?:(?:the|an?|its|all)\s+)?(full(?:-fledged)?\s+|associate(?:d)?\s+|founding\s+)?(?:member(?:s|\s+states?|\s+countries)?|states?|participants?)\b/i;
const ASSOCIATE_AFTER_LIST = /^\s*(?:is|are|was|were)\s+(?:the\s+|an?\s+)?associate(?:d)?\s+(?:members?|states?)\b/i;
/** Appositives: "Moldova and Ukraine, both members of the CIS," / "Georgia, a CIS member state,". */
const APPOSITIVE_STATUS = /^\s*,\s*(?:(?:both|all|each|also)\s+)?(?:(?:the|an?)\s+)?(full(?:-fledged)?\s+|associate(?:d)?\s+|founding\s+)?(?:CIS\s+)?members?(?:\s+(?:states?|countries))?\b/i;
const PARTICIPATES_AS = /^\s*participates?\s+as\s+(?:an?\s+)?(associate|full)\s+member\b/i;
const LIST_AFTER_STATUS = /\b(?:its|the)\s+(full\s+|associate\s+)?members\s+(?:are|were|include)\s*:?\s*$|\bconsists?\s+of\s*$/i;
/** What text before a list must end with for LIST_AFTER_STATUS to match; tested first because it is cheap. */
const LIST_ENDING = /(?:are|were|include|of)\s*:?\s*$/i;
/** The status phrases above are short: only this much text beside a list is searched (anchored regexes scan every position). */
const PHRASE_WINDOW = 80;
/**
 * Every status phrase above names the status with one of these words, inside the sentence, so a sentence
 * without one cannot claim a status and its country lists are not examined. Keep in step with the phrases.
 */
const STATUS_WORDS = ['member', 'members', 'state', 'states', 'participant', 'participants', 'participate', 'participates', 'associate', 'associated', 'consist', 'consists'];
const STATUS_WORD = TriggeredPattern.words(STATUS_WORDS, true);
const CIS_NAME = TriggeredPattern.words(['CIS', 'Commonwealth'], false);
/** A CIS mention within this many characters before a sentence puts the sentence in a CIS context. */
const CIS_CONTEXT = 600;
// Verb first, so the engine skips ahead on it; "was"/"were" before it is checked backwards.
const FOUNDED = new TriggeredPattern(/\b(?:formed|founded|established|created)\s+in\s+(\d{4})\b/u, ['formed', 'founded', 'established', 'created']);
const FOUNDED_AUXILIARY = /\b(?:was|were)\s+$/u;
const AUXILIARY_WINDOW = 10;

/** Said after the date when the article gives none: the finding may be true of its real date. */
const ASSUMED = ' (assumed: the article’s date is unknown; set it to check on its real date)';

export const kbContradiction: Rule = {
  code: 'kb-contradiction',
  description: 'A stated fact (CIS membership, founding date) contradicts the knowledge base for the article’s date.',
  defaultSeverity: 'warning',
  examples: [
    { text: 'Ukraine and Turkmenistan are the associate states of the CIS.', expect: 1 },
    { text: 'Turkmenistan participates as an associate member of the CIS.', expect: 0 },
    { text: 'Moldova and Ukraine, both members of the CIS, signed it in 2023.', expect: 1 },
    { text: 'Today the CIS consists of Armenia, Azerbaijan and Georgia.', expect: 1 },
    { text: 'The CIS was formed in 1995.', expect: 1 },
    { text: 'The CIS was formed in 1991.', expect: 0 },
  ],
  check(ctx) {
    // Plain arrays, not nested generators: this runs for every sentence of every article.
    const findings: RuleFinding[] = [];
    // One sweep: sentences and entities are both in text order.
    const countries: EntityMention[] = [];
    for (const e of ctx.entities) if (e.kind === 'country' && e.via !== 'demonym' && e.id) countries.push(e);
    const cisMentions = countries.length ? findCisMentions(ctx.triggers) : [];
    const statusWords = countries.length ? STATUS_WORD.starts(ctx.triggers) : [];
    let next = 0;
    let nextStatusWord = 0;
    let nextCis = 0;
    for (const sentence of ctx.sentences) {
      while (nextStatusWord < statusWords.length && statusWords[nextStatusWord] < sentence.start) nextStatusWord++;
      if (nextStatusWord >= statusWords.length || statusWords[nextStatusWord] >= sentence.end) continue;
      while (next < countries.length && countries[next].start < sentence.start) next++;
      let end = next; // countries[next, end) are the sentence's
      while (end < countries.length && countries[end].end <= sentence.end) end++;
      if (end === next) continue;
      // The first CIS mention close enough before the sentence (or in it); sentences come in order.
      while (nextCis < cisMentions.length && cisMentions[nextCis] < sentence.start - CIS_CONTEXT) nextCis++;
      if (nextCis >= cisMentions.length || cisMentions[nextCis] >= sentence.end) continue;
      for (const list of countryLists(ctx.text, countries, next, end)) checkList(ctx, list, sentence, findings);
    }
    checkFounding(ctx, findings);
    return findings;
  },
};

/** Runs of country names joined by commas and "and", among countries[from, to). */
function countryLists(text: string, countries: readonly EntityMention[], from: number, to: number): EntityMention[][] {
  const lists: EntityMention[][] = [];
  let current: EntityMention[] = [];
  for (let i = from; i < to; i++) {
    const c = countries[i];
    const prev = current[current.length - 1];
    if (prev && joinsList(text, prev.end, c.start)) current.push(c);
    else {
      if (current.length) lists.push(current);
      current = [c];
    }
  }
  if (current.length) lists.push(current);
  return lists;
}

function checkList(ctx: RuleContext, list: EntityMention[], sentence: Span, into: RuleFinding[]): void {
  const first = list[0];
  const last = list[list.length - 1];
  const afterEnd = Math.min(sentence.end, last.end + PHRASE_WINDOW);
  const after = canStartStatusPhrase(ctx.text, last.end, afterEnd) ? ctx.text.slice(last.end, afterEnd) : undefined;
  const statusAfter = after === undefined ? null : ASSOCIATE_AFTER_LIST.exec(after) ?? STATUS_AFTER_LIST.exec(after) ?? APPOSITIVE_STATUS.exec(after);
  const participates = after === undefined ? null : PARTICIPATES_AS.exec(after);
  const beforeStart = Math.max(sentence.start, first.start - PHRASE_WINDOW);
  const mayListAfter = LIST_ENDING.test(ctx.text.slice(Math.max(beforeStart, first.start - 12), first.start));
  const listAfter = mayListAfter ? LIST_AFTER_STATUS.exec(ctx.text.slice(beforeStart, first.start)) : null;
  let claimed: ClaimedStatus | undefined;
  let phraseEnd = last.end;
  if (participates) {
    claimed = /associate/i.test(participates[1]) ? 'associate' : 'full-member';
    phraseEnd = last.end + participates[0].length;
  } else if (statusAfter) {
    claimed = /associate/i.test(statusAfter[0]) ? 'associate' : /full|founding/i.test(statusAfter[0]) ? 'full-member' : /member/i.test(statusAfter[0]) ? 'member' : undefined;
    phraseEnd = last.end + statusAfter[0].length;
  } else if (listAfter) {
    claimed = /associate/i.test(listAfter[0]) ? 'associate' : /full/i.test(listAfter[0]) ? 'full-member' : /members/i.test(listAfter[0]) ? 'member' : 'any';
  }
  if (!claimed) return;
  const span = { start: listAfter ? beforeStart + listAfter.index : first.start, end: phraseEnd };
  for (const country of list) {
    const actual = ctx.kb.cisStatusAt(country.id!, ctx.date);
    if (contradicts(claimed, actual)) {
      into.push({
        ...span,
        message: `${country.name} is described as ${describeClaim(claimed)} of the CIS, but on ${ctx.date}${ctx.dateKnown ? '' : ASSUMED} the knowledge base has it as ${describeStatus(actual)}.`,
        related: [{ start: country.start, end: country.end, message: `${country.name}: ${actual?.note ?? describeStatus(actual)}` }],
        data: { entity: country.id, claimed, actual: actual?.status ?? null },
        assumesDate: true,
      });
    }
  }
}

/**
 * Cheap test before the status regexes: every phrase they match after a list begins, past white space, with
 * a comma (appositive) or with is/are/was/were/remains/participates. Most lists are followed by neither.
 */
function canStartStatusPhrase(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isWhitespace(text.charCodeAt(i))) i++;
  if (i >= to) return false;
  const code = text.charCodeAt(i);
  const lower = code | 32;
  return code === 44 || lower === 105 || lower === 97 || lower === 119 || lower === 114 || lower === 112; // , i a w r p
}

/** Start offsets of every "CIS" / "Commonwealth", in text order. */
function findCisMentions(triggers: TriggerScan): number[] {
  return CIS_NAME.starts(triggers);
}

function contradicts(claimed: ClaimedStatus, actual: CisStatusPeriod | undefined): boolean {
  if (!actual) return false; // the KB does not know: say nothing rather than guess
  const isMember = actual.status === 'member' || actual.status === 'founding-member';
  switch (claimed) {
    case 'associate':
      return actual.status !== 'associate';
    case 'full-member':
    case 'member':
      return !isMember;
    case 'any':
      return actual.status === 'withdrawn' || actual.status === 'non-member';
  }
}

function describeClaim(claimed: ClaimedStatus): string {
  return claimed === 'associate' ? 'an associate state' : claimed === 'any' ? 'a participant' : 'a member';
}

const STATUS_LABELS: Record<CisStatusPeriod['status'], string> = {
  'founding-member': 'a founding member',
  member: 'a member',
  associate: 'an associate state',
  participant: 'a participant that never ratified the Charter',
  withdrawn: 'no longer taking part (withdrawn)',
  'non-member': 'never a member',
};

function describeStatus(actual: CisStatusPeriod | undefined): string {
  if (!actual) return 'unknown';
  return `${STATUS_LABELS[actual.status]}${actual.start ? ` since ${actual.start}` : ''}`;
}

function checkFounding(ctx: RuleContext, into: RuleFinding[]): void {
  for (const m of FOUNDED.matches(ctx.triggers)) {
    const auxiliary = matchBefore(ctx.text, m.index, FOUNDED_AUXILIARY, AUXILIARY_WINDOW);
    if (!auxiliary) continue;
    const subject = lastOrganizationBefore(ctx.entities, auxiliary.start, ctx.kb);
    const founded = subject && ctx.kb.get(subject.id!)?.founded;
    if (!subject || !founded || founded.slice(0, 4) === m[1]) continue;
    into.push({
      start: subject.start,
      end: m.index + m[0].length,
      message: `${subject.name} is said to have been formed in ${m[1]}, but the knowledge base dates it to ${founded}.`,
      data: { entity: subject.id, claimed: m[1], actual: founded },
    });
  }
}

function lastOrganizationBefore(entities: readonly EntityMention[], offset: number, kb: KnowledgeBase): EntityMention | undefined {
  for (let i = upperBound(entities, offset) - 1; i >= 0; i--) {
    const e = entities[i];
    if (e.end > offset) continue;
    if (offset - e.end > 40) return undefined;
    if (e.kind === 'organization' && e.id && kb.get(e.id)?.founded) return e;
  }
  return undefined;
}
