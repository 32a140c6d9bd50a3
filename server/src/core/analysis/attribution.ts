/**
 * Ties each quotation to its speaker, the way a careful reader does:
 *
 * 1. after the quote, in its sentence: “…,” Putin said / said Putin, a … / a senior official said /
 *    he added / the minister told reporters / Party of Regions lawmaker Vasyl Hrytsak was quoted as saying;
 * 2. before it: Putin said: “…” / Lukashenko warned that his forces would “…” (the subject of the reporting
 *    verb, never its object) / Reuters quoted Peskov as saying “…” (Peskov, through Reuters) / according to X;
 * 3. the next sentence: “…” The minister said so in Minsk;
 * 4. the end of the previous paragraph: Pashinyan said: ¶ “…”;
 * 5. the quote it continues (an unclosed paragraph, or an unattributed quote right after an attributed one).
 *
 * Speakers need not be in the knowledge base: any name the recognizer found, an organisation, or a
 * described source ("a senior Ukrainian official"). A pronoun whose referent is uncertain, or a description
 * ("the expert") no earlier mention explains, is kept as the words the text uses, marked uncertain.
 */
import cues from '../data/cues.json';
import type { AttributionHow, EntityMention, Quote, QuoteKind, Span, Speaker } from '../types';
import type { RawQuote } from './quoteMarks';
import { hasMoreWordsThan, isWhitespace } from '../text/chars';
import { upperBound } from '../text/search';

const alternation = (words: readonly string[]) =>
  [...words].sort((a, b) => b.length - a.length).map((v) => `[${v[0].toUpperCase()}${v[0]}]${v.slice(1).replace(/ /g, '\\s+')}`).join('|');
// Lower-case verbs, or capitalised at a sentence start ("According to"): a case-sensitive class on the
// first letter keeps the regex several times faster than the `i` flag over this many alternatives.
const VERBS = alternation(cues.speechVerbs);
const VERB_RE = new RegExp(`\\b(?:${VERBS})\\b`, 'gu');
const LEADING_VERB_RE = new RegExp(`^[\\s,]*(${VERBS})\\b`, 'u');
const REPORTING_RE = new RegExp(`\\b(?:${alternation([...cues.speechVerbs, ...cues.reportingVerbs])})\\b`, 'gu');

/** Whether `s` holds a speech or reporting verb (REPORTING_RE is global, so its position is reset before each test). */
function hasReportingVerb(s: string): boolean {
  REPORTING_RE.lastIndex = 0;
  return REPORTING_RE.test(s);
}
const QUOTING_VERBS = new Set(cues.quotingVerbs);
/** Verbs whose next noun is their object, not an inverted subject: "…, told supporters", "…, called Putin". */
const OBJECT_VERBS = new Set(cues.objectMarkers);
/** Speech verbs that take what they describe as object: "“…,” described the emotional impact as …" names no speaker after them. */
const TAKES_OBJECT_VERBS = new Set(['described', 'labeled', 'labelled', 'labels', 'dubbed', 'termed', 'branded']);
const QUOTING_AFTER_RE = new RegExp(`\\s(${cues.quotingVerbs.join('|')})\\s`, 'u');
/** A US party and state tag after a name: "R-Ky.", "D-N.Y.", "I-Vt". */
const PARTY_TAG_RE = /^[RDI]-[\p{Lu}][\p{L}.]{0,12}$/u;
/** The same tag in brackets right after a name, as part of it: "Sen. Pat Toomey (R-Pa.) refused", "Rep. Hakeem Jeffries (D-N.Y.),". */
const BRACKETED_TAG = '(?:\\s*\\([RDI](?:-[\\p{Lu}][\\p{L}.]{0,12})?\\))?';
/** Words allowed between a speaker and the verb: "Putin also said", "he has repeatedly stressed", "Sen. John Cornyn (R-Texas) told". */
const GAP_RE = new RegExp(
  `^[\\s,]*(?:\\([^()]{1,25}\\)[\\s,]+|[RDI]-[\\p{Lu}][\\p{L}.]{0,12}[\\s,]+)?(?:(?:also|then|further|later|earlier|again|once|has|had|have|was|is|were|are|will|would|did|does|started|began|kept|\\p{L}+ly|${timePhrases()})[\\s,]+){0,3}$`,
  'u',
);
/** An appositive between subject and verb: "Lukashenko, speaking to BelTA, said …", "Temur Lomaia, 60, a doctor, said". */
const APPOSITIVE_RE = new RegExp(`^${BRACKETED_TAG}\\s*,(?:[^,;“”"«»]{1,90},){1,2}\\s*(?:(?:also|then|has|had|was|is|\\p{L}+ly)\\s+){0,2}$`, 'u');
/** What may stand between a verb and the speaker it introduces: "said Foreign Ministry spokeswoman". */
const NOUN_PHRASE_GAP_RE = /^[\s\p{L}\p{N}’'.&-]*$/u;
/** A name after one of these is not the phrase's head: "the head of the mission sent by the CIS said". */
const ENDS_IN_PREPOSITION_RE = /\b(?:of|by|from|for|with|at|in|to|on|about|against|than|and)\s+(?:the\s+)?$/i;
// Patterns with no \p{…} class go without the `u` flag: with `i` and `u` together V8 folds case by Unicode rules,
// about ten times slower on the windows these read before every quote.
/** A clause that a conjunction opens after a comma: ", and Trump vowed", ", but Sanders said". */
const CONJUNCTION_LEAD_RE = /^\s*(?:and|but|while|yet|so|whereas)\s+$/i;
/** A relative or personal pronoun right before a verb (perhaps with auxiliaries): the verb's own subject. */
const UNRESOLVED_SUBJECT_BEFORE_RE = /\b(?:who|which|he|she|they|we|I|it)\s+(?:(?:also|has|had|have|was|is|were|are|would|will|\p{L}+ly)\s+){0,3}$/iu;
/** Words that open a clause between a quote and a later subject: "“…” while Sanders suggests", "“…” until Haley said". */
const CLAUSE_OPENER_RE = /\b(?:while|when|because|but|and|after|before|if|since|although|though|whereas|until|where|which|who|that|so)\b/i;
/** Chanted slogans belong to the crowd, not to whoever spoke before them: "supporters chanting “Kocharyan out!”". */
const CHANT_BEFORE_RE = new RegExp(`\\b(?:${cues.chantVerbs.join('|')})\\s*(?:[“"][^”"]{0,60}[”"]\\s*(?:,|and|or)\\s*){0,3}$`, 'i');
const CROWD = `(?:the\\s+|a\\s+)?(?:${cues.crowdNouns.join('|')})`;
const CROWD_RE = new RegExp(`\\b${CROWD}\\b`, 'gi');
const CROWD_BEFORE_RE = new RegExp(`\\b(${CROWD})(?:\\s+(?:who|were|was|and|then|also|\\p{L}+ed))*\\s*$`, 'iu');
const CROWD_AFTER_RE = new RegExp(`^(?:\\s*(?:,|and|or)?\\s*[“"][^”"]{0,60}[”"])*\\s*,?\\s*(${CROWD})\\b`, 'i');
/** Nouns that name a text, not its author: "the statement said" is no person. */
const DOCUMENT_NOUNS = new Set(cues.documentNouns);
const DOCUMENT_MENTION_RE = new RegExp(`\\b(?:${[...DOCUMENT_NOUNS].join('|')})s?\\b`, 'gi');
const ORGANIZATION_NOUNS = new Set(cues.organizationDescriptionNouns);
const DESCRIPTION_NOUNS = cues.descriptionNouns.join('|');
/** "a senior Ukrainian official", "one MP", "the ministry", "protesters": a source the text describes without naming it. */
const DESCRIPTION_RE = new RegExp(
  `^\\s*(?:(the|a|an|one|another|two|three|several|some|many|other|its|his|her|their)\\s+)?((?:[\\p{L}\\p{N}’'-]+,?\\s+){0,5}?)(${DESCRIPTION_NOUNS})(?:\\s+(?:general|minister|secretary|speaker|chairman|director|officer|of\\s+state))?(?:\\s+(?:familiar\\s+with|close\\s+to|involved\\s+in|in|at|on|from|of|with|for)\\s+(?:the\\s+)?[\\p{L}’'-]+(?:\\s+[\\p{L}’'-]+)?)?(?=[\\s,]|$)`,
  'iu',
);
const SCARE_MAX_WORDS = 4;
const AFTER_WINDOW = 220;
const BEFORE_WINDOW = 400;
const SUBJECT_THEN_VERB_RE = new RegExp(
  `^${BRACKETED_TAG}(?:\\s*,[^,]{1,90},)?\\s+(?:(?:also|then|later|again|now|once|still|had|has|have|was|is|were|will|would|could|did|does|\\p{Ll}+ly)\\s+)*(?:\\p{Ll}[\\p{L}-]*(?:ed|es|s)|is|was|had|has|${cues.irregularPastVerbs.join('|')})\\b`,
  'u',
);
/** What sets off a participle from its clause: a comma (after a closing quote mark too) or a spaced dash, perhaps with an adverb after it. */
const PARTICIPLE_SET_OFF_RE = /(?:,[”"’]?|\s[-—–])\s*(?:(?:only|also|again|even|then|\p{Ll}+ly)\s+)?$/u;
/** A headline's name before its quote: "Trump: ", "Cecile Richards: ", "Gillibrand on Hillary Releasing Her Transcripts: ". */
const HEADLINE_NAME_RE = /^\s*(\p{Lu}[\p{L}’'.-]+(?:\s+\p{Lu}[\p{L}’'.-]+){0,2})(?:\s+[Oo]n\s+[^:“”"‘’]{1,80})?:\s*$/u;
/** A name's own verb right after it, in the past: "Donald Trump attacked", "Clinton also said", "Putin threw". */
const FOLLOWED_BY_PAST_VERB_RE = new RegExp(`^\\s+(?:(?:also|then|later|again|once|\\p{Ll}+ly)\\s+)?(?:\\p{Ll}+ed|${cues.irregularPastVerbs.join('|')})\\b`, 'u');
const AGENT_BEFORE_RE = new RegExp(`\\b(${cues.agentParticiples.map((p) => p.replace(/ /g, '\\s+')).join('|')})\\s+by\\s+(?:the\\s+)?$`, 'i');
/** Words that start a clause, not a noun phrase: "“Quiet!” and continued". */
const CLAUSE_WORDS_RE = /^(?:and|or|but|so|then|as|while|when|if|because|after|before|with|to|in|on|at|of|for|from|by|which|who|that|where|also|not|is|was|are|were|be|been|has|have|had|will|would|likely)\b/i;
const NOUN_PHRASE_MAX = 90;
/** Words that make a clause of the words between a quote and its verb ("aides to Putin" is a phrase, "… 24 percent who" is not). */
const CLAUSE_WORD_INSIDE_RE = /\b(?:who|whom|which|that|but|though|although|while|when|after|before|because|if|than|compared|as)\b/i;
/** Words that never stand inside a speaker's noun phrase before its head: "At one point, a woman", "the emotional impact as". */
const INNER_FUNCTION_WORD_RE = /(?:^|\s)(?:at|in|on|to|as|by|for|from|with|after|before|during|when|while|which|who|whom|that|but|though|although|because|if|than|compared|point)(?:\s|,|$)/i;
/** After a name: "’s view", "’s own words", "’ opinion" — the sentence gives that person's view or words. */
const POSSESSIVE_VIEW_RE = /^[’']s?\s+(?:own\s+)?(view|words|opinion|estimation|assessment|telling|account)\b/;
/** Words that open a phrase naming a speaker without a name: "the commission", "it", "one district leader". */
const DETERMINER_START_RE = /^(?:the|a|an|one|another|it|they|we|this|these|those|his|her|its|their|some|several|many|most)\b/i;
/** Words that open a subordinate clause: a name right after one is that clause's subject, not the sentence's. */
const SUBORDINATOR_LEAD_RE = /^\s*(?:as|when|whenever|while|if|because|although|though|since|after|before|until|once|whereas|even\s+(?:if|as|though))\s/i;
/** A subordinator or object relative opening a clause before its subject: "as one employee told", "whom one insider described". */
const CLAUSE_LEAD_RE = /^\s*(?:as|when|whenever|while|if|because|although|though|since|after|before|until|once|whereas|whom|which|that)\s/i;
/**
 * An adverbial opening a sentence before its subject, up to three commas: a preposition, subordinator, participle
 * or time word first ("In an interview with Fox,", "Speaking at a town hall in Salem, New Hampshire,", "After
 * Clinton suffered a concussion,", "Earlier this week,").
 */
const INTRODUCTORY_PHRASE_RE = /^(?:in|on|at|after|before|during|since|with|without|for|from|following|despite|amid|as|when|while|once|if|although|though|because|earlier|later|last|this|shortly|\p{L}{3,}ing)\s[^,;:.!?]{0,100},(?:[^,;:.!?]{1,60},){0,2}/iu;
const INTRODUCTORY_MAX = 220;
/** How far back a surname opening a sentence looks for the person's full name (descriptions look 3,000 back too). */
const SURNAME_LOOKBACK = 3000;
/** Things that carry written words: the document nouns and signs. */
const WRITTEN_THINGS = new Set([...cues.documentNouns, 'sign', 'banner', 'placard', 'poster']);
/** Verbs a written thing speaks with. */
const WRITTEN_VERBS = new Set(['said', 'says', 'read', 'reads', 'stated', 'states', 'noted', 'notes', 'declared', 'declares']);
/** "a message that", "the sign — which", "the report, which": a thing named right before a relative pronoun and its verb. */
const THING_THEN_RELATIVE_RE = /\b((?:the|a|an|this|its|his|her|their)\s+(?:[\p{L}’'-]+\s+){0,2}?([\p{L}-]+))\s*(?:,|—|–)?\s*(that|which)\s+$/iu;
/** ", the rights group says.", ", Gilbert said Friday.": a comma, a short subject, a speech verb and at most four more words, ending the sentence. */
const SENTENCE_END_TAG_RE = new RegExp(`,\\s+([^,;:“”"«»()]{1,60}?)\\s+(${alternation(['said', 'says', 'say', 'added', 'adds', 'wrote', 'writes', 'write', 'noted', 'notes', 'argued', 'argues', 'alleges', 'alleged', 'claimed', 'claims', 'contends', 'contended', 'insisted', 'insists', 'stated', 'states', 'told', 'tells', 'explained', 'explains'])})((?:\\s+[^\\s,;:“”"«»]+){0,4})\\s*[.!]?\\s*$`, 'u');
const SENTENCE_TAG_WINDOW = 120;
/** "who", perhaps with auxiliaries and adverbs, right before a verb: "who has publicly vowed". */
const RELATIVE_WHO_BEFORE_RE = /(?:^|[^\p{L}])who\s+(?:(?:also|then|later|earlier|previously|once|has|had|have|was|is|were|are|will|would|\p{L}+ly)\s+){0,3}$/u;
/** A source noun and a preposition before a name: "an aide to", "the wife of", "a spokesman for the". */
const SOURCE_NOUN_OF_RE = new RegExp(`\\b(?:${DESCRIPTION_NOUNS}|wife|husband|son|daughter|father|mother|brother|sister|friend|ally|allies)\\s+(?:to|for|of|with|at|from)\\s+(?:the\\s+)?(?:[\\p{Lu}][\\p{L}.’'-]*\\s+){0,3}$`, 'iu');
/** Between a name and its "who": nothing, a comma, or a party tag ("Sen. Marco Rubio (R-Fla.), who"). */
const ANTECEDENT_GAP_RE = /^\s*(?:\([^()]{1,25}\))?\s*,?\s*$/;
/** "was asked", "were told": a passive speech verb, whose subject is spoken to. */
const PASSIVE_SPOKEN_TO_RE = /\b(?:was|were|been|being|is|are)\s+(?:\p{L}+ly\s+)?(?:asked|told|questioned|pressed)\b/u;
/** A lower-case verb before a name: "The board saw Fiorina", "a band called Sophistafunk" — the name is an object. */
const LEAD_VERB_RE = new RegExp(
  `\\b(?:${[...new Set([...cues.irregularPastVerbs, ...cues.reportingVerbs, ...cues.speechVerbs.filter((v) => !v.includes(' ')), 'is', 'was', 'are', 'were', 'has', 'have', 'had', 'will', 'would'])].join('|')})\\b`,
);
/** A clause with a subject of its own between a sentence's subject and a quote: "is what former employees have called". */
const NEW_CLAUSE_RE = /\b(?:who|which|whose|whom|when|while|whereas|although|though|because|if|until|where)\b|,\s*(?:and|but)\s+(?:his|her|its|their|the|a|an)\b|;/i;
/** "the Times reported": reporting verbs not otherwise speech verbs. */
const REPORTED_RE = /\breport(?:ed|s)\b(?!\s+(?:to|directly|back|for|on|from)\b)/g;
/** Auxiliaries and adverbs right before a verb: "has long", "was quickly", "would". */
const AUXILIARIES_AT_END_RE = /(?:\b(?:also|then|later|now|still|has|had|have|was|is|were|are|will|would|could|did|does|\p{L}+ly)\s+)*$/u;

/** When, between a speaker and the verb: "Putin on Friday told …", "Peskov yesterday said …". */
function timePhrases(): string {
  const weekdays = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
  return `on\\s+(?:${weekdays})|(?:${weekdays})|yesterday|today|tonight|this\\s+week|last\\s+week|in\\s+a\\s+statement|in\\s+an\\s+interview|on\\s+Telegram|on\\s+Twitter|on\\s+Facebook|on\\s+X`;
}

export interface SpeakerCandidate extends EntityMention {
  /** For pronouns and titles, the mention they stand for. */
  readonly referent?: EntityMention;
  /** For a pronoun with more than one likely referent: the names it may stand for (and no referent). */
  readonly alternatives?: readonly string[];
}

export interface AttributionContext {
  readonly text: string;
  /** People, organizations, other names, titles and resolved pronouns, sorted by start. */
  readonly candidates: readonly SpeakerCandidate[];
  /** Sentence spans of every paragraph, in text order. */
  readonly sentenceOf: (offset: number) => Span;
  readonly paragraphs: readonly Span[];
  /** Whether the entity is a media outlet (attribution through it is second-hand). */
  readonly isMedia?: (id: string | null, name: string) => boolean;
}

export function attributeQuotes(raw: readonly RawQuote[], ctx: AttributionContext): Quote[] {
  return linkQuotes(raw, raw.map((_, i) => attributeQuote(raw, i, ctx)), ctx);
}

/** Quote `i` attributed on its own (from its sentence, the words around it and the paragraph before). */
export function attributeQuote(raw: readonly RawQuote[], i: number, ctx: AttributionContext): Quote {
  return attributeOne(raw[i], ctx, raw[i + 1]?.outer.start ?? ctx.text.length);
}

/** The quotes attributed one by one (`attributeQuote`), with the speakers they share with each other; `own` is left as it is. */
export function linkQuotes(raw: readonly RawQuote[], own: readonly Quote[], ctx: AttributionContext): Quote[] {
  const quotes = own.slice();
  inheritSpeakers(raw, quotes, ctx);
  shareSentenceSpeaker(raw, quotes, ctx);
  return quotes;
}

/**
 * "Guns are “the ultimate public health crisis” and “stunt children’s growth,” Howard Dean proclaimed": a
 * speaker named after the last quote of a sentence speaks the whole sentence, so the quotes before it in
 * that sentence with no speaker of their own are that speaker's words too.
 */
function shareSentenceSpeaker(raw: readonly RawQuote[], quotes: Quote[], ctx: AttributionContext): void {
  for (let j = quotes.length - 1; j > 0; j--) {
    const source = quotes[j];
    if (!source.speaker || !source.cueSpan || source.cueSpan.start < raw[j].outer.end || source.speaker.how === 'inherited') continue;
    const sentence = ctx.sentenceOf(raw[j].outer.start);
    for (let i = j - 1; i >= 0 && raw[i].outer.start >= sentence.start; i--) {
      const q = quotes[i];
      if (q.speaker) break;
      quotes[i] = { ...q, kind: q.kind === 'scare' ? 'partial' : q.kind, speaker: { ...source.speaker, how: 'inherited' }, cue: source.cue };
    }
  }
}

function attributeOne(q: RawQuote, ctx: AttributionContext, nextQuoteStart: number): Quote {
  const { text } = ctx;
  const sentence = ctx.sentenceOf(q.outer.start);
  const chant = chantedBy(q, sentence, ctx);
  const found = chant ?? (chant === null ? undefined :
    agentAfter(q, ctx) ??
    speakerAfter(q, sentence, ctx, nextQuoteStart) ??
    speakerBeforeOrRest(q, sentence, ctx));
  const content = text.slice(q.start, q.end);
  const kind = quoteKind(q, sentence, content, text, found !== undefined);
  return {
    start: q.start,
    end: q.end,
    text: content,
    outer: q.outer,
    kind,
    speaker: kind === 'scare' ? null : found?.speaker ?? null,
    cue: kind === 'scare' ? null : found?.cue ?? null,
    cueSpan: kind === 'scare' ? undefined : found?.cueSpan,
    unclosed: q.unclosed,
  };
}

/**
 * A slogan chanted by a crowd: its speaker is the group named before the verb ("supporters chanting"), or
 * nobody the text names (null, so nothing else is tried); undefined when the quote is not a chant.
 */
function chantedBy(q: RawQuote, sentence: Span, ctx: AttributionContext): Found | null | undefined {
  const { text } = ctx;
  const before = text.slice(Math.max(sentence.start, q.outer.start - 200), q.outer.start);
  const chant = CHANT_BEFORE_RE.exec(before);
  if (!chant) return undefined;
  const verbStart = q.outer.start - before.length + chant.index;
  const cue = /^\S+/.exec(chant[0])![0]; // the verb; slogans listed before this one are not part of the cue
  const lead = text.slice(sentence.start, verbStart);
  // "the crowd roared and screamed", "supporters chanting"; "told the crowd as it chanted": "it" is the crowd.
  const named = CROWD_BEFORE_RE.exec(lead);
  const pronoun = /\b(?:it|they)\s+(?:\p{L}+\s+){0,2}$/iu.test(lead) ? lastMatch(CROWD_RE, lead) : undefined;
  const at = named ? { index: named.index, words: named[1] } : pronoun;
  if (at) return crowdSpeaker(sentence.start + at.index, at.words, cue, verbStart);
  // "Waving banners and yelling “Resign!” and “…” the demonstrators gathered": the crowd comes after.
  const after = CROWD_AFTER_RE.exec(text.slice(q.outer.end, Math.min(sentence.end, q.outer.end + 160)));
  return after ? crowdSpeaker(q.outer.end + after.index + after[0].length - after[1].length, after[1], cue, verbStart) : null;
}

function crowdSpeaker(start: number, words: string, cue: string, cueStart: number): Found {
  return { speaker: { start, end: start + words.length, name: words, id: null, how: 'description' }, cue, cueSpan: { start: cueStart, end: cueStart + cue.length } };
}

function lastMatch(re: RegExp, text: string): { index: number; words: string } | undefined {
  let last: { index: number; words: string } | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) last = { index: m.index, words: m[0] };
  return last;
}

interface Found {
  readonly speaker: Speaker;
  readonly cue: string;
  readonly cueSpan: Span;
}

function speakerAfter(q: RawQuote, sentence: Span, ctx: AttributionContext, nextQuoteStart: number): Found | undefined {
  const { text } = ctx;
  const from = q.outer.end;
  const limit = Math.max(from, Math.min(sentence.end, nextQuoteStart, from + AFTER_WINDOW));
  const after = text.slice(from, limit);
  // Inverted order: “…,” said Putin / said Oleksandr Holub, a Communist Party leader / said a senior official.
  const lead = LEADING_VERB_RE.exec(after);
  if (lead && !TAKES_OBJECT_VERBS.has(lead[1].toLowerCase())) {
    const verbStart = from + lead.index + lead[0].indexOf(lead[1]);
    const verbEnd = verbStart + lead[1].length;
    const named = speakerInNounPhrase(ctx, verbEnd, limit);
    if (named) return found(named, lead[1], verbStart, ctx);
    const described = describedSource(ctx, verbEnd, limit);
    if (described) return foundDescription(described, lead[1], verbStart, ctx);
    // “…,” said the 46-year-old: a phrase the text names the speaker with, kept as written.
    const phrase = invertedPhrase(text, verbEnd, limit);
    if (phrase) return { speaker: phrase, cue: lead[1].replace(/\s+/g, ' '), cueSpan: { start: verbStart, end: verbEnd } };
  }
  // Normal order: “…,” Putin said / the Russian leader added / Moldovan President Maia Sandu said / an MP said.
  const head = skipLeadingPunctuation(text, from, limit);
  VERB_RE.lastIndex = 0;
  const verb = VERB_RE.exec(text.slice(head, limit));
  const quoting = QUOTING_AFTER_RE.exec(text.slice(head, limit));
  // “…,” Interfax-Zapad quotes Lukashenka: the speaker follows the verb, the outlet stands before it.
  if (quoting && (!verb || quoting.index < verb.index)) {
    const verbStart = head + quoting.index + quoting[0].indexOf(quoting[1]);
    const quoted = speakerInNounPhrase(ctx, verbStart + quoting[1].length, limit);
    const through = subjectBefore(ctx, head, verbStart);
    if (quoted) return found(quoted, quoting[1], verbStart, ctx, 'intermediary', through?.name);
  }
  if (!verb) return undefined;
  // "“…,” and Pashinyan vowed to …": a new clause, whose subject speaks its own words, not this quote.
  if (/^(?:and|but|while|whereas|yet)\s/i.test(text.slice(head, head + 8))) return undefined;
  const verbStart = head + verb.index;
  const subject = subjectBefore(ctx, head, verbStart);
  const according = /^according\s+to$/i.test(verb[0]);
  if (according) {
    // "Jiang called for a “constructive” relationship, according to Ivanov": the sentence's subject spoke,
    // Ivanov relays it; with no such subject, the source after "according to" is the speaker.
    if (!/^\s*$/.test(text.slice(sentence.start, q.outer.start)) && subjectOfSentence(q, sentence, ctx)) return undefined;
    return speakerAfterVerb(ctx, verb[0], verbStart, limit, 'according-to');
  }
  // "“…” for Clinton, said Kunin": a verb set off by a comma names the speaker after it, unless a subject with
  // an appositive stands before it ("X, a judge, was quoted") or the verb takes an object ("…, told supporters").
  const commaOnly = subject ? /^\s*,\s*$/.test(text.slice(subject.end, verbStart)) : /,\s*$/.test(text.slice(head, verbStart));
  if (commaOnly && !OBJECT_VERBS.has(verb[0].toLowerCase())) {
    const inverted = speakerAfterVerb(ctx, verb[0], verbStart, limit);
    if (inverted) return inverted;
  }
  // "“…” regarding her links while Sanders suggests …": a subject past a new clause's opener is that clause's.
  if (subject && CLAUSE_OPENER_RE.test(text.slice(clauseStart(text, head, subject.start), subject.start))) return undefined;
  if (subject) return found(subject, verb[0], verbStart, ctx);
  // "“…,” a website linked to a group called the “…”": "called" after a phrase names a thing, it reports no words.
  if (verb[0] === 'called' || TAKES_OBJECT_VERBS.has(verb[0].toLowerCase())) return undefined;
  const described = describedSource(ctx, head, verbStart);
  if (described && described.end + 40 >= verbStart && GAP_RE.test(text.slice(described.end, verbStart) + ' ')) return foundDescription(described, verb[0], verbStart, ctx);
  const phrase = bareSubject(text, head, verbStart);
  // "…,” though voters are generally more likely to say", "…,” compared to only 24 percent who said": a clause, no speaker.
  const clause = !phrase || CLAUSE_WORD_INSIDE_RE.test(phrase.name) || LEAD_VERB_RE.test(phrase.name) || ENDS_IN_PREPOSITION_RE.test(phrase.name + ' ');
  return phrase && !clause ? { speaker: phrase, cue: verb[0].replace(/\s+/g, ' '), cueSpan: { start: verbStart, end: verbStart + verb[0].length } } : undefined;
}

/** The speaker named right after a verb: "said Ohio State University professor Paul Beck", "according to a senior official". */
function speakerAfterVerb(ctx: AttributionContext, verb: string, verbStart: number, limit: number, how?: AttributionHow): Found | undefined {
  const verbEnd = verbStart + verb.length;
  const named = speakerInNounPhrase(ctx, verbEnd, limit);
  if (named && isHeadOfPhrase(ctx.text.slice(verbEnd, named.start))) return found(named, verb, verbStart, ctx, how);
  const described = describedSource(ctx, verbEnd, limit);
  return described ? foundDescription(described, verb, verbStart, ctx) : undefined;
}

/**
 * Whether words before a verb can be what names its speaker: a short phrase opened by a determiner or pronoun
 * ("the commission", "it", "one district leader") or a capital ("Darrell Issa", "Cruz himself"), of at most six
 * words and no verb; never a clause ("incurred a wave of boos upon", "recently", "Manafort comes with the right").
 */
function isNamingPhrase(phrase: string): boolean {
  if (LEAD_VERB_RE.test(phrase) || CLAUSE_OPENER_RE.test(phrase) || ENDS_IN_PREPOSITION_RE.test(phrase + ' ')) return false;
  const words = phrase.split(/\s+/);
  if (words.length > 6 || words.some((w) => /^\p{Ll}+(?:es|ed)$/u.test(w))) return false;
  // A pronoun names the speaker alone ("He at the same time urged" is a pronoun and an adverbial).
  if (words.length > 1 && /^(?:he|she|it|they|we|i|you)$/i.test(words[0])) return false;
  return DETERMINER_START_RE.test(phrase) || /^[\p{Lu}]/u.test(phrase);
}

/** "said the 46-year-old.", "said the New York businessman, who …": a short noun phrase with no verb, up to punctuation. */
function invertedPhrase(text: string, from: number, limit: number): Speaker | undefined {
  // "“…,” said one Republican involved in the planning."; never a phrase ending in a preposition ("… as"), save
  // "of" before a quoted title ("wrote the authors of the “Growth and Opportunity Project”").
  const m = /^\s+((?:the|a|an|one)\s+[\p{L}\p{N}’'.-]+(?:\s+[\p{L}\p{N}’'.-]+){0,4}?)(?=\s*(?:[,.;!?]|$))/iu.exec(text.slice(from, limit));
  if (!m || LEAD_VERB_RE.test(m[1]) || CLAUSE_OPENER_RE.test(m[1]) || /\s(?:as|than)$/i.test(m[1]) || (ENDS_IN_PREPOSITION_RE.test(m[1] + ' ') && !/\sof(?:\s+the)?$/i.test(m[1]))) return undefined;
  const start = from + m[0].length - m[1].length;
  const name = m[1].replace(/\.+$/, ''); // the sentence's full stop is not part of the phrase
  const speaker: Speaker = { start, end: start + name.length, name, id: null, how: 'description' };
  return /^the\s/i.test(name) && !/s$/i.test(name) ? { ...speaker, uncertain: [] } : speaker;
}

/**
 * The words right between a quote and its verb when nothing else explains them: "it added", "they said",
 * "the 46-year-old said", "Toomey fumed". The text names a speaker there, so the quote is attributed; a
 * pronoun or a definite phrase is marked uncertain (who it stands for is not resolved), a capitalised name
 * is kept as written.
 */
function bareSubject(text: string, from: number, verbStart: number): Speaker | undefined {
  const words = text.slice(from, verbStart);
  const m = /^((?:the|a|an|one|another|this|that|it|they|we|i|[\p{L}\p{N}][\p{L}\p{N}’'.-]*)(?:,?\s+(?:\([^()]{1,20}\)|[\p{L}\p{N}][\p{L}\p{N}’'.-]*)){0,6}?)\s+(?:(?:also|then|later|has|had|was|is|\p{L}+ly)\s+){0,2}$/iu.exec(words);
  if (!m || CLAUSE_WORDS_RE.test(m[1])) return undefined;
  const phrase = m[1];
  const capitalised = /^\p{Lu}/u.test(phrase) && !/^(?:The|A|An|One|Another|This|That|It|They|We|I)\b/.test(phrase);
  const speaker: Speaker = { start: from, end: from + phrase.length, name: phrase, id: null, how: capitalised ? 'direct' : 'description' };
  // Only a pronoun or "the <one person>" leaves open who it is; "aides to Putin", "a narrator", "Toomey" do not.
  const open = /^(?:it|they|we|i|this|that)$/i.test(phrase) || (/^the\s/i.test(phrase) && !/s$/i.test(phrase));
  return capitalised || !open ? speaker : { ...speaker, uncertain: [] };
}

/**
 * The subject of a verb at `verbStart` whose clause begins at `from`: the candidate right before the verb
 * ("… lawmaker Vasyl Hrytsak was quoted"), or the one at the clause start with an appositive between
 * ("Stepan Demirchyan, head of the opposition Justice Party, told").
 */
function subjectBefore(ctx: AttributionContext, from: number, verbStart: number): SpeakerCandidate | undefined {
  const { text } = ctx;
  const first = ctx.candidates[upperBound(ctx.candidates, from - 1)];
  if (first && first.start >= from && first.end <= verbStart && isHeadOfPhrase(text.slice(from, first.start))) {
    const gap = text.slice(first.end, verbStart);
    if (GAP_RE.test(gap + ' ') || APPOSITIVE_RE.test(gap)) return first;
  }
  for (let i = upperBound(ctx.candidates, verbStart) - 1; i >= 0; i--) {
    const c = ctx.candidates[i];
    if (c.start < from) return undefined;
    if (c.end > verbStart) continue;
    // "Mitch McConnell, R-Ky., said": a party and state tag is part of the gap, not the subject.
    if (PARTY_TAG_RE.test(c.text)) continue;
    if (!GAP_RE.test(text.slice(c.end, verbStart) + ' ')) return undefined;
    // Everything from the clause start to the candidate must be its title ("Party of Regions lawmaker");
    // an opening phrase before a comma is not ("As to the status of Gagauzia, Voronin said"). A clause with a
    // verb joined by "and" before it is ("a woman asked for a photo and Tokayev said"), but not a pronoun joined to
    // the name ("arguing that he and Cruz shared").
    const lead = text.slice(clauseStart(text, from, c.start), c.start);
    return isHeadOfPhrase(lead) || (/\s(?!(?:he|she|they|we|i|you)\s)\p{Ll}+\s+(?:and|but)\s+$/u.test(lead) && LEAD_VERB_RE.test(lead)) || headsSubordinateClause(lead) ? c : undefined;
  }
  return undefined;
}

/**
 * "… grew so heated that New Jersey Gov. Chris Christie said", "… was underscored when House Speaker Paul Ryan said":
 * a name right after the word opening a subordinate or complement clause (perhaps with its title) is that clause's
 * subject, and the verb after it is its own.
 */
function headsSubordinateClause(lead: string): boolean {
  const opener = /\b(?:that|when|after|because|while|if|since|before|until|although|though|whereas)\s+/gi;
  let last = -1;
  for (let m = opener.exec(lead); m; m = opener.exec(lead)) last = m.index + m[0].length;
  return last >= 0 && (last === lead.length || /^\p{Lu}/u.test(lead.slice(last))) && isHeadOfPhrase(lead.slice(last));
}

/** Where the clause holding `offset` starts: after the last comma, semicolon, colon or dash since `from`. */
function clauseStart(text: string, from: number, offset: number): number {
  for (let i = offset - 1; i >= from; i--) if (',;:—–(|“”"«»'.includes(text.charAt(i))) return i + 1;
  return from;
}

/** Whether a name after `lead` heads its noun phrase: only title words before it ("Party of Regions lawmaker"), no preposition right before. */
function isHeadOfPhrase(lead: string): boolean {
  if (CONJUNCTION_LEAD_RE.test(lead)) return true; // "…, and Trump vowed": a new clause's subject
  return lead.length <= NOUN_PHRASE_MAX && NOUN_PHRASE_GAP_RE.test(lead) && !ENDS_IN_PREPOSITION_RE.test(lead);
}

/** The speaker named in the noun phrase from `from`: "Foreign Ministry spokeswoman Maria Zakharova" → Zakharova. */
function speakerInNounPhrase(ctx: AttributionContext, from: number, limit: number): SpeakerCandidate | undefined {
  let chosen: SpeakerCandidate | undefined;
  for (let i = upperBound(ctx.candidates, from - 1); i < ctx.candidates.length; i++) {
    const c = ctx.candidates[i];
    if (c.start < from) continue;
    if (c.end > limit || c.start - from > NOUN_PHRASE_MAX || !NOUN_PHRASE_GAP_RE.test(ctx.text.slice(chosen?.end ?? from, c.start))) break;
    chosen = c;
    if (c.kind === 'person') break; // a person ends the phrase ("said spokesman X of the ministry")
  }
  return chosen;
}

/** The verb before the quote, then the weaker readings; none of them when that verb's own subject names no one. */
function speakerBeforeOrRest(q: RawQuote, sentence: Span, ctx: AttributionContext): Found | undefined {
  const before = speakerBefore(q, sentence, ctx);
  if (before !== undefined) return before ?? undefined;
  return sentenceEndTag(q, sentence, ctx) ??
    nameBeforeColon(q, sentence, ctx) ??
    headlineSpeaker(q, ctx) ??
    speakerInNextSentence(q, sentence, ctx) ??
    dashLineAfter(q, ctx) ??
    speakerIntroducedBefore(q, ctx) ??
    speakerOfSentenceBefore(q, sentence, ctx) ??
    agentBefore(q, sentence, ctx) ??
    possessiveSource(q, sentence, ctx) ??
    subjectOfSentence(q, sentence, ctx);
}

/**
 * "Mike Pence, who called their son “an American hero.”", "Rikkie Wells who tweeted, “…”": a relative "who" right
 * before the verb speaks for the name it follows. The speaker's words in the sentence are "who"; the name is the one
 * it stands for.
 */
function relativeSubject(ctx: AttributionContext, from: number, verbStart: number, verb: string, quoteStart: number): Found | undefined {
  const m = RELATIVE_WHO_BEFORE_RE.exec(ctx.text.slice(from, verbStart));
  if (!m) return writtenBy(ctx, from, verbStart, verb, quoteStart);
  const whoStart = from + m.index + m[0].indexOf('who');
  const c = ctx.candidates[upperBound(ctx.candidates, whoStart) - 1];
  if (!c || c.via === 'pronoun' || c.end > whoStart || !ANTECEDENT_GAP_RE.test(ctx.text.slice(c.end, whoStart))) return undefined;
  // "an aide to Aliyev, who said": "who" may stand for the aide ("the mouth of Donald Trump, who" cannot).
  if (SOURCE_NOUN_OF_RE.test(ctx.text.slice(Math.max(0, c.start - 60), c.start))) return undefined;
  const person = c.referent ?? c;
  const speaker: Speaker = { start: whoStart, end: whoStart + 3, name: person.name, id: person.id, how: 'pronoun' };
  return { speaker, cue: verb.replace(/\s+/g, ' '), cueSpan: { start: verbStart, end: verbStart + verb.length } };
}

/**
 * "a message that said, “…”", "He held up the sign — which read “…”": a relative "that" or "which" right before a
 * verb of writing speaks for the thing named just before it, kept as written; "that"/"which" are the speaker's words.
 */
function writtenBy(ctx: AttributionContext, from: number, verbStart: number, verb: string, quoteStart: number): Found | undefined {
  // Only the words right after the verb ("which read “…” — and waved it around, mouthing “thank you”" is not the sign's).
  if (!WRITTEN_VERBS.has(verb.toLowerCase()) || !/^[\s,:]*$/.test(ctx.text.slice(verbStart + verb.length, quoteStart))) return undefined;
  const m = THING_THEN_RELATIVE_RE.exec(ctx.text.slice(from, verbStart));
  if (!m || !WRITTEN_THINGS.has(m[2].toLowerCase().replace(/s$/, ''))) return undefined;
  const relStart = from + m.index + m[0].length - m[3].length - (m[0].length - m[0].trimEnd().length);
  const start = from + m.index + m[0].indexOf(m[1]);
  const speaker: Speaker = { start: relStart, end: relStart + m[3].length, name: ctx.text.slice(start, start + m[1].length), id: null, how: 'description' };
  return { speaker, cue: verb, cueSpan: { start: verbStart, end: verbStart + verb.length } };
}

/** The speaker a verb before the quote names; null when the nearest such verb has a subject that names no one. */
function speakerBefore(q: RawQuote, sentence: Span, ctx: AttributionContext): Found | null | undefined {
  const { text } = ctx;
  // The verb that introduces a quote stands close before it; reading only that far keeps a long sentence
  // (a paragraph with no full stop, a list of quotes) linear rather than quadratic.
  const windowStart = Math.max(sentence.start, q.outer.start - BEFORE_WINDOW);
  const before = text.slice(windowStart, q.outer.start);
  const verbs: RegExpExecArray[] = [];
  REPORTING_RE.lastIndex = 0;
  for (let m = REPORTING_RE.exec(before); m; m = REPORTING_RE.exec(before)) verbs.push(m);
  // The verb nearest the quote speaks for it ("Maiman said Kiva shouted: “…”" is Kiva's shout).
  for (let k = verbs.length - 1; k >= 0; k--) {
    const verbStart = windowStart + verbs[k].index;
    const attributed = attributedByVerb(q, sentence, ctx, verbStart, verbs[k][0]) ?? relativeSubject(ctx, Math.max(windowStart, verbStart - 60), verbStart, verbs[k][0], q.outer.start);
    if (attributed) return attributed;
    // "Swanson praised Graham, who has vowed not to buy “…”": a verb whose own subject the text gives but
    // names no one is not passed over for an earlier verb's subject.
    if (UNRESOLVED_SUBJECT_BEFORE_RE.test(text.slice(Math.max(windowStart, verbStart - 40), verbStart))) return null;
  }
  return undefined;
}

function attributedByVerb(q: RawQuote, sentence: Span, ctx: AttributionContext, verbStart: number, verb: string): Found | undefined {
  const { text } = ctx;
  const verbEnd = verbStart + verb.length;
  if (/^according\s+to$/i.test(verb)) {
    const source = speakerInNounPhrase(ctx, verbEnd, q.outer.start);
    return source ? found(source, verb, verbStart, ctx, 'according-to') : undefined;
  }
  // "Reuters quoted Peskov as saying": Peskov spoke, through Reuters.
  if (QUOTING_VERBS.has(verb.toLowerCase())) {
    const quoted = speakerInNounPhrase(ctx, verbEnd, q.outer.start);
    if (quoted) return found(quoted, verb, verbStart, ctx, 'intermediary', subjectBefore(ctx, sentence.start, verbStart)?.name);
  }
  // "Rubio was asked by moderator Gerard Baker whether …": a passive's subject is spoken to; its agent speaks.
  // ("Clinton is telling customers that “…”" is no passive: a participle in -ing after "is" is the progressive.)
  if (!/ing$/i.test(verb) && /\b(?:was|were|been|being|is|are|be)\s+$/i.test(text.slice(Math.max(sentence.start, verbStart - 8), verbStart))) {
    const by = /^\s+by\s+(?:the\s+)?/i.exec(text.slice(verbEnd, verbEnd + 12));
    const agent = by ? speakerInNounPhrase(ctx, verbEnd + by[0].length, q.outer.start) : undefined;
    return agent ? found(agent, verb, verbStart, ctx) : undefined;
  }
  // "Republicans were quick to chime in, with Donald Trump tweeting that it was a “disaster”": a name after "with" and
  // before a participle is that participle's subject.
  if (/ing$/i.test(verb)) {
    const withSubject = subjectAfterWith(ctx, sentence, verbStart);
    if (withSubject) return found(withSubject, verb, verbStart, ctx);
  }
  // "Trump went after Bush, calling him “…”": a participle after a comma belongs to the subject of its
  // sentence, not to the nearest name (often the object of the clause before).
  // ("She declined to claim victory - only saying that …": a dash sets it off too, and an adverb may come first.)
  if (/ing$/i.test(verb) && PARTICIPLE_SET_OFF_RE.test(text.slice(Math.max(sentence.start, verbStart - 24), verbStart))) {
    const main = openingSubject(ctx, sentence, verbStart);
    if (!main) return openingDescription(ctx, sentence, verb, verbStart);
    if (inSubordinateClause(text, sentence, main, withoutQuotedWords(text.slice(main.end, verbStart - 2)))) return undefined;
    return found(samePersonNearer(ctx, main, verbStart), verb, verbStart, ctx);
  }
  const subject = subjectBefore(ctx, sentence.start, verbStart) ?? sentenceSubject(ctx, sentence, verbStart);
  if (subject) return found(subject, verb, verbStart, ctx);
  // "Because of how Democrats crafted the schedule, explained Rosenberg, “…”": a verb set off by a comma, with
  // the speaker's name after it and the quote right after the name.
  if (/,\s*$/.test(text.slice(Math.max(sentence.start, verbStart - 3), verbStart)) && !OBJECT_VERBS.has(verb.toLowerCase())) {
    const inverted = speakerInNounPhrase(ctx, verbEnd, q.outer.start);
    if (inverted && isHeadOfPhrase(text.slice(verbEnd, inverted.start)) && /^\s*[,:]\s*$/.test(text.slice(inverted.end, q.outer.start))) return found(inverted, verb, verbStart, ctx);
  }
  // "Said Dorothy Poynter, who grew up with Ali, “…”": the verb opens the sentence and the speaker follows it.
  if (/^[\s“"]*$/.test(text.slice(sentence.start, verbStart))) {
    const inverted = speakerInNounPhrase(ctx, verbEnd, q.outer.start);
    if (inverted) return found(inverted, verb, verbStart, ctx);
  }
  const described = describedSource(ctx, skipLeadingPunctuation(text, sentence.start, verbStart), verbStart);
  if (described && GAP_RE.test(text.slice(described.end, verbStart) + ' ')) return foundDescription(described, verb, verbStart, ctx);
  // "That, the commission said, “…”", "In a statement, the network said that “…”", "Issa said, “…”" (a name the
  // recognizer missed): the words opening the verb's clause name the speaker, kept as written.
  const clause = skipLeadingPunctuation(text, clauseStart(text, sentence.start, verbStart), verbStart);
  const from = clause + (CLAUSE_LEAD_RE.exec(text.slice(clause, Math.min(verbStart, clause + 20)))?.[0].length ?? 0);
  const inClause = describedSource(ctx, from, verbStart);
  if (inClause && GAP_RE.test(text.slice(inClause.end, verbStart) + ' ')) return foundDescription(inClause, verb, verbStart, ctx);
  const bare = bareSubject(text, from, verbStart);
  if (!bare || !isNamingPhrase(bare.name)) return undefined;
  // "Senior police officers at the scene said": the phrase up to its first preposition names them.
  const name = bare.name.replace(/\s+(?:at|in|on|to|from|with|during|after|before)\s.*$/i, '');
  const phrase = name === bare.name ? bare : { ...bare, name, end: bare.start + name.length };
  return { speaker: phrase, cue: verb.replace(/\s+/g, ' '), cueSpan: { start: verbStart, end: verbEnd } };
}

/** The name right before a participle at `verbStart` when "with" stands right before the name ("with Gorka noting"). */
function subjectAfterWith(ctx: AttributionContext, sentence: Span, verbStart: number): SpeakerCandidate | undefined {
  const c = ctx.candidates[upperBound(ctx.candidates, verbStart) - 1];
  if (!c || c.start < sentence.start || c.end > verbStart || !/^\s+(?:\p{Ll}+ly\s+)?$/u.test(ctx.text.slice(c.end, verbStart))) return undefined;
  return /(?:^|[\s,(—–])with\s+(?:[\p{Lu}][\p{L}.’'-]*\s+){0,4}$/u.test(ctx.text.slice(Math.max(sentence.start, c.start - 60), c.start)) ? c : undefined;
}

/**
 * The sentence's subject, when it opens the sentence and a long appositive stands before the verb ("Mykola
 * Azarov, a party leader who was mentioned …, said"): a name followed by a comma, with no other clause break.
 */
function sentenceSubject(ctx: AttributionContext, sentence: Span, verbStart: number): SpeakerCandidate | undefined {
  const { text } = ctx;
  const head = skipLeadingPunctuation(text, sentence.start, verbStart);
  const c = ctx.candidates[upperBound(ctx.candidates, head - 1)];
  if (!c || c.end > verbStart || !isHeadOfPhrase(text.slice(head, c.start))) return undefined;
  const gap = text.slice(c.end, verbStart);
  return /^\s*,[^;:“”"«»]{1,200},\s*(?:\p{L}+ly\s+)?$/u.test(gap) || /^\s+(?:also\s+|then\s+|later\s+)?$/u.test(gap) ? c : undefined;
}

/**
 * "Assange has been “arbitrarily detained” by Britain …, and should be freed, the rights group says.", "“…” and
 * donations began to pick up again last week, Gilbert said.": a tag closing the sentence after a comma reports the
 * whole sentence, so a quote anywhere in it is the tag's speaker's, when no reporting verb stands before the quote and
 * no other clause between the quote and the tag reports words of its own ("…, the Times reported").
 */
function sentenceEndTag(q: RawQuote, sentence: Span, ctx: AttributionContext): Found | undefined {
  const { text } = ctx;
  const from = Math.max(q.outer.end, sentence.end - SENTENCE_TAG_WINDOW);
  const tag = SENTENCE_END_TAG_RE.exec(text.slice(from, sentence.end));
  // ", which he said had harmed the economy.": a clause, not a tag.
  if (!tag || CLAUSE_WORD_INSIDE_RE.test(tag[1]) || /\b(?:that|who|which|he|she|they|we|it|I)\b/.test(tag[3]) || LEAD_VERB_RE.test(tag[3])) return undefined;
  const clause = from + tag.index + tag[0].indexOf(tag[1]);
  const verbStart = clause + tag[1].length + tag[0].slice(tag[0].indexOf(tag[1]) + tag[1].length).indexOf(tag[2]);
  if (hasReportingVerb(withoutQuotedWords(text.slice(Math.max(sentence.start, q.outer.start - BEFORE_WINDOW), q.outer.start)))) return undefined;
  if (reportedByOther(withoutQuotedWords(text.slice(q.outer.end, clause)))) return undefined;
  const subject = subjectBefore(ctx, clause, verbStart);
  if (subject) return found(subject, tag[2], verbStart, ctx);
  const described = describedSource(ctx, clause, verbStart);
  if (described && GAP_RE.test(text.slice(described.end, verbStart) + ' ')) return foundDescription(described, tag[2], verbStart, ctx);
  return undefined;
}

/** "Donald Trump: “…”", "Republican pollster Daron Shaw: “…”": a name heading its phrase right before a colon and the quote. */
function nameBeforeColon(q: RawQuote, sentence: Span, ctx: AttributionContext): Found | undefined {
  const { text } = ctx;
  const colon = /:\s*$/.exec(text.slice(Math.max(sentence.start, q.outer.start - 8), q.outer.start));
  if (!colon) return undefined;
  const colonAt = q.outer.start - colon[0].length;
  const c = ctx.candidates[upperBound(ctx.candidates, colonAt) - 1];
  if (!c || c.via === 'pronoun' || !/^\s*$/.test(text.slice(c.end, colonAt))) return undefined;
  const from = Math.max(sentence.start, paragraphStartBefore(ctx, c.start));
  // "Mark Blumenthal and Jon Cohen: “…”": the first of two names joined by "and" heads the phrase.
  const pair = /(?:^|\s)and\s+$/.test(text.slice(Math.max(from, c.start - 5), c.start)) ? ctx.candidates[upperBound(ctx.candidates, c.start - 5) - 1] : undefined;
  const head = pair && pair.via !== 'pronoun' && pair.start >= from && /^\s+and\s+$/.test(text.slice(pair.end, c.start)) ? pair.start : c.start;
  // "Polls did predict the Democratic caucus - Philip Bump: “…”": a roundup line gives a topic, a spaced dash, then the source.
  const dash = text.slice(from, head).search(/\s[-–—]\s*(?:More\s+from\s+)?$/);
  const lead = dash >= 0 ? '' : text.slice(clauseStart(text, from, head), head);
  return isHeadOfPhrase(lead) ? found(c, ':', colonAt, ctx) : undefined;
}

/**
 * "Trump: ‘I’m the Worst Thing That Ever Happened to the Establishment.’", "Gillibrand on Hillary’s Transcripts: ‘I Think
 * She Will.’": a headline that is a name (perhaps with "on <topic>"), a colon and the quote, where the first paragraph
 * names the person with that surname. The headline's words are the speaker's; the person is the one the story names.
 */
function headlineSpeaker(q: RawQuote, ctx: AttributionContext): Found | undefined {
  const { text } = ctx;
  const paragraph = ctx.paragraphs[q.paragraphIndex];
  const next = ctx.paragraphs[q.paragraphIndex + 1];
  if (q.paragraphIndex !== 0 || !next) return undefined;
  const m = HEADLINE_NAME_RE.exec(text.slice(paragraph.start, q.outer.start));
  if (!m) return undefined;
  const surname = m[1].split(/\s+/).pop()!;
  for (let i = upperBound(ctx.candidates, next.start - 1); i < ctx.candidates.length && ctx.candidates[i].end <= next.end; i++) {
    const c = ctx.candidates[i];
    if (c.via === 'pronoun' || c.via === 'title' || (c.kind !== 'person' && c.kind !== 'other') || c.alternatives) continue;
    if (c.text.split(/\s+/).pop() === surname) {
      const start = paragraph.start + m.index;
      return found({ ...c, start, end: start + m[1].length, text: m[1] }, ':', paragraph.start + m[0].lastIndexOf(':'), ctx);
    }
  }
  return undefined;
}

function paragraphStartBefore(ctx: AttributionContext, offset: number): number {
  const i = upperBound(ctx.paragraphs, offset) - 1;
  return i >= 0 ? ctx.paragraphs[i].start : 0;
}

/** A quotation paragraph signed on the next line, as fact-checks lay them out: “…” ¶ - Bernie Sanders. */
function dashLineAfter(q: RawQuote, ctx: AttributionContext): Found | undefined {
  const paragraph = ctx.paragraphs[q.paragraphIndex];
  const next = ctx.paragraphs[q.paragraphIndex + 1];
  if (!next || !q.opensParagraph || !/^[\s.,!?]*$/.test(ctx.text.slice(q.outer.end, paragraph.end))) return undefined;
  const dash = /^[-–—]\s*/.exec(ctx.text.slice(next.start, next.start + 4));
  if (!dash) return undefined;
  const c = ctx.candidates[upperBound(ctx.candidates, next.start + dash[0].length - 1)];
  return c && c.start === next.start + dash[0].length && c.via !== 'pronoun' ? found(c, dash[0].trim(), next.start, ctx) : undefined;
}

/** A quote that is a whole sentence may be attributed by the next one: “…” The minister said so in Minsk. */
function speakerInNextSentence(q: RawQuote, sentence: Span, ctx: AttributionContext): Found | undefined {
  if (!/^\s*$/.test(ctx.text.slice(sentence.start, q.outer.start))) return undefined;
  const paragraph = ctx.paragraphs[q.paragraphIndex];
  let next = sentence.end;
  while (next < paragraph.end && /\s/.test(ctx.text.charAt(next))) next++;
  if (next >= paragraph.end || /^[“"«„‘']/.test(ctx.text.charAt(next))) return undefined;
  const nextSentence = ctx.sentenceOf(next);
  VERB_RE.lastIndex = 0;
  const rest = ctx.text.slice(next, nextSentence.end);
  const verb = VERB_RE.exec(rest) ?? /\s(?:made|gave)\s+(?:the|these|those)\s+(?:remarks?|comments?|statement)/u.exec(rest);
  if (!verb) return undefined;
  const verbStart = next + verb.index + (verb[0].length - verb[0].trimStart().length);
  const subject = subjectBefore(ctx, next, verbStart);
  return subject ? found(subject, verb[0].trim(), verbStart, ctx) : undefined;
}

/**
 * A few quoted words inside a sentence belong to the sentence's subject: "Kobakhidze also focused on UNM’s
 * “numerous other crimes”", "Trump went after Bush, calling him “…”". Only for a quote that does not open
 * its sentence, and only a subject that opens the sentence (after an introductory phrase) as a name or pronoun.
 */
function subjectOfSentence(q: RawQuote, sentence: Span, ctx: AttributionContext): Found | undefined {
  const { text } = ctx;
  const c = openingSubject(ctx, sentence, q.outer.start);
  if (!c) return descriptionSubjectOfSentence(q, sentence, ctx);
  // Other quotations in the stretch are words, not clauses: "… supports “…,” opposes “…” and recalled".
  const between = withoutQuotedWords(text.slice(c.end, q.outer.start));
  const rest = withoutQuotedWords(text.slice(q.outer.end, sentence.end));
  // A few words after an organisation with no reporting verb are scare quotes ("EIN Presswire provides this
  // content “as is”"); after a person they are usually the person's words ("Sanders enjoys “…”").
  if (c.kind !== 'person' && isScareShaped(text.slice(q.start, q.end)) && !hasReportingVerb(between)) return undefined;
  // "… when many commentators called him “…”", "“…,” the Times reported": a reporting verb with a subject of
  // its own, before the quote or after it, says someone else spoke.
  if (reportedByOther(between) || reportedByOther(rest)) return undefined;
  // "Trump was asked, “…”": the subject of a passive speech verb is spoken to.
  if (PASSIVE_SPOKEN_TO_RE.test(between)) return undefined;
  // "Trump University is what former employees have called a “…”", "As Blumenthal spoke, the NRA was …
  // whipping lawmakers against “…”": the quote stands in a clause with a subject of its own. An appositive or a
  // relative clause closed by a comma is no such clause ("Cruz is praising Jeb Bush, who ended his bid …, as “…”").
  const pastAppositive = between.replace(/^\s*,[^,;“”"]{1,120},/, '').replace(/[,”"]\s*(?:who|which|whose|whom)\b[^,;“”"]{1,120},/g, ',');
  if (!inSubordinateClause(text, sentence, c, between) && !NEW_CLAUSE_RE.test(pastAppositive)) {
    const nearest = samePersonNearer(ctx, c, q.outer.start);
    return found(nearest, '', nearest.start, ctx, 'subject');
  }
  // "Clinton endorsed the deal, although she made it clear that she has “serious concerns”": that clause's
  // subject is a pronoun standing for the same person, and names the speaker in the quote's clause.
  const again = pronounForSubject(ctx, c, q.outer.start);
  return again ? found(again, '', again.start, ctx, 'subject') : undefined;
}

/**
 * "The retired neurosurgeon has provided no details …, saying only that he was “…”", "The commission recognized
 * that a court should settle the matter — “…”": a description opening the sentence and followed by its verb is
 * the subject, as for a name, under the same tests; kept as written. Never for a few scare-shaped words with no
 * reporting verb before them ("The results also showed the weakness of “establishment”").
 */
function descriptionSubjectOfSentence(q: RawQuote, sentence: Span, ctx: AttributionContext): Found | undefined {
  const { text } = ctx;
  // Only a description of people, a body or a document ("the commission", "a staffer", "the ad"): "The rally there went
  // ahead to the accompaniment of “Levon! Levon!” chants" names no speaker.
  const head = skipLeadingPunctuation(text, sentence.start, q.outer.start);
  const described = describedSource(ctx, head, q.outer.start);
  if (!described || described.start !== head) return undefined;
  const d = openingDescription(ctx, sentence, '', q.outer.start);
  if (!d || d.speaker.uncertain || d.speaker.start !== head) return undefined;
  const between = withoutQuotedWords(text.slice(d.speaker.end, q.outer.start));
  const rest = withoutQuotedWords(text.slice(q.outer.end, sentence.end));
  if (isScareShaped(text.slice(q.start, q.end)) && !hasReportingVerb(between)) return undefined;
  if (reportedByOther(between) || reportedByOther(rest) || PASSIVE_SPOKEN_TO_RE.test(between) || NEW_CLAUSE_RE.test(between)) return undefined;
  // "The place is the townhome …": a description linked by a copula is described, it speaks nothing; ", according
  // to the poll," names the source; "“…,” Anne Richards, assistant secretary …, said": a name right after the quote.
  if (/^\s*(?:,[^,]{1,90},\s*)?(?:is|was|are|were)\s+(?!\p{L}+(?:ing|ed)\b)/u.test(between) || /\baccording\s+to\b/i.test(between) || /^[\s,]*(?:\p{Lu}|said\b|says\b)/u.test(rest)) return undefined;
  return { speaker: { ...d.speaker, how: 'subject' }, cue: '', cueSpan: { start: d.speaker.start, end: d.speaker.start } };
}

/** "As Blumenthal spoke, the NRA was …": a subject after a subordinator, with the main clause begun after a comma. */
function inSubordinateClause(text: string, sentence: Span, subject: Span, between: string): boolean {
  // "After Clinton suffered a concussion, Axelrod emailed …": a subject past the subordinate clause's comma is the main clause's.
  const lead = text.slice(skipLeadingPunctuation(text, sentence.start, subject.start), subject.start);
  return SUBORDINATOR_LEAD_RE.test(lead) && !lead.includes(',') && /,\s*[\p{L}\p{N}]/u.test(between);
}

/** The text with the words inside quotation marks blanked out, marks and offsets kept. */
function withoutQuotedWords(stretch: string): string {
  return stretch.replace(/([“"])[^“”"]*([”"])/g, (m, open: string, close: string) => open + ' '.repeat(m.length - 2) + close);
}

/**
 * The words nearest `limit` that name the same person as `subject`: the last pronoun between them standing for
 * that person ("Cruz is the only contender … and he has long used that fact to bludgeon … “…”" → "he", the
 * subject of the quote's own clause), else the subject itself.
 */
function samePersonNearer(ctx: AttributionContext, subject: SpeakerCandidate, limit: number): SpeakerCandidate {
  const person = subject.referent ?? subject;
  const key = person.id ?? person.name;
  for (let i = upperBound(ctx.candidates, limit) - 1; i >= 0 && ctx.candidates[i].start >= subject.end; i--) {
    const p = ctx.candidates[i];
    if (p.end > limit || p.via !== 'pronoun' || inComplementClause(ctx.text, p)) continue;
    return p.referent && (p.referent.id ?? p.referent.name) === key ? p : subject;
  }
  return subject;
}

/** "says he would", "explaining that she had", "she and the company": a pronoun that is not its clause's own subject. */
function inComplementClause(text: string, p: Span): boolean {
  REPORTING_RE.lastIndex = 0;
  const before = text.slice(Math.max(0, p.start - 30), p.start);
  const word = /(\S+)\s+$/.exec(before)?.[1] ?? '';
  return /^that$/i.test(word) || (REPORTING_RE.test(word) && REPORTING_RE.lastIndex === word.length) || /^\s+(?:and|or)\s/i.test(text.slice(p.end, p.end + 5));
}

/** The first pronoun between a subject and `limit`, if it stands for the same person: "Clinton …, although she made …". */
function pronounForSubject(ctx: AttributionContext, subject: SpeakerCandidate, limit: number): SpeakerCandidate | undefined {
  const person = subject.referent ?? subject;
  for (let i = upperBound(ctx.candidates, subject.end - 1); i < ctx.candidates.length && ctx.candidates[i].end <= limit; i++) {
    const p = ctx.candidates[i];
    if (p.via === 'pronoun' && p.start >= subject.end) return p.referent && (p.referent.id ?? p.referent.name) === (person.id ?? person.name) ? p : undefined;
  }
  return undefined;
}

/**
 * Whether a reporting verb in a stretch of a sentence has a subject of its own: a word right before it ("the
 * Times reported", "21 percent said"), not a comma or conjunction that shares the sentence's subject
 * ("…, promising", "… and recalled") and not nothing (the subject's own verb).
 */
function reportedByOther(stretch: string): boolean {
  REPORTING_RE.lastIndex = 0;
  for (let m = REPORTING_RE.exec(stretch); m; m = REPORTING_RE.exec(stretch)) {
    if (ownSubjectBefore(stretch.slice(Math.max(0, m.index - 60), m.index))) return true;
  }
  REPORTED_RE.lastIndex = 0;
  for (let m = REPORTED_RE.exec(stretch); m; m = REPORTED_RE.exec(stretch)) {
    if (ownSubjectBefore(stretch.slice(Math.max(0, m.index - 60), m.index))) return true;
  }
  return false;
}

function ownSubjectBefore(before: string): boolean {
  const bare = before.replace(AUXILIARIES_AT_END_RE, '');
  if (/^\s*$/.test(bare) || /[,;:—–(“”"]\s*$/.test(bare)) return false;
  // "… and recalled", "by saying", "when asked": the sentence's subject still; "his believed strength": no verb.
  return !/\b(?:and|or|but|then|to|not|also|by|in|upon|after|before|while|when|without|for|as|if|his|her|its|their|the|a|an|my|our|your)\s*$/i.test(bare);
}


/**
 * The name or pronoun that opens a sentence (after at most one introductory phrase) and is followed by its
 * verb, before `limit`: "On Monday, Putin went …", "Trump went after Bush, calling …". When the opening phrase
 * holds a name of its own ("In an interview with Fox, Trump said", "Speaking in Salem, New Hampshire, Trump
 * went after Bush", "After Clinton suffered a concussion, Axelrod emailed"), the subject is the name after it.
 */
function openingSubject(ctx: AttributionContext, sentence: Span, limit: number): SpeakerCandidate | undefined {
  const { text } = ctx;
  const head = skipLeadingPunctuation(text, sentence.start, limit);
  if (head >= limit - 1) return undefined;
  const opening = subjectOpeningAt(ctx, head, head, limit) ?? surnameOpening(ctx, head, limit);
  // A name right after a subordinator is its clause's subject; the main clause's may follow the comma.
  if (opening && !SUBORDINATOR_LEAD_RE.test(text.slice(head, opening.start))) return opening;
  const intro = INTRODUCTORY_PHRASE_RE.exec(text.slice(head, Math.min(limit, head + INTRODUCTORY_MAX)));
  if (!intro || /[“”"«»]/.test(intro[0])) return opening;
  // Past each comma of the opening phrase in turn ("in Salem, New Hampshire, Trump"): the first name heading its
  // clause, never one opening a subordinate clause ("In June 2009, after Clinton suffered a concussion, Axelrod").
  for (let at = head + intro[0].indexOf(',') + 1; at > head && at <= head + intro[0].length; at = text.indexOf(',', at) + 1) {
    const from = skipLeadingPunctuation(text, at, limit);
    const c = subjectOpeningAt(ctx, head, from, limit);
    if (c && !SUBORDINATOR_LEAD_RE.test(text.slice(from, c.start))) return c;
  }
  return opening;
}

/**
 * "Trump subsequently defended the incident, calling the protester “…”" where the recognizer left the opening "Trump"
 * unmarked (a common word at a sentence start): a capitalised word opening the sentence, followed by its verb, that is
 * the surname of a person named in the 3,000 characters before is that person.
 */
function surnameOpening(ctx: AttributionContext, head: number, limit: number): SpeakerCandidate | undefined {
  const { text } = ctx;
  const word = /^\p{Lu}\p{Ll}[\p{Ll}’'-]+(?=\s+\p{Ll})/u.exec(text.slice(head, Math.min(limit, head + 30)))?.[0];
  if (!word || (ctx.candidates[upperBound(ctx.candidates, head - 1)]?.start ?? -1) === head) return undefined;
  const end = head + word.length;
  if (!SUBJECT_THEN_VERB_RE.test(text.slice(end, limit))) return undefined;
  for (let i = upperBound(ctx.candidates, head) - 1; i >= 0 && head - ctx.candidates[i].start <= SURNAME_LOOKBACK; i--) {
    const c = ctx.candidates[i];
    if (c.via === 'pronoun' || c.via === 'title' || (c.kind !== 'person' && c.kind !== 'other') || c.alternatives) continue;
    const last = c.text.split(/\s+/).pop()!.replace(/[’']s?$/, '');
    if (last === word && c.text !== word) return { ...c, start: head, end, text: word };
  }
  return undefined;
}

/** The name or pronoun opening the clause at `from` (the sentence opening at `head`), followed by its verb. */
function subjectOpeningAt(ctx: AttributionContext, head: number, from: number, limit: number): SpeakerCandidate | undefined {
  const { text } = ctx;
  const first = ctx.candidates[upperBound(ctx.candidates, from - 1)];
  if (!first || first.start < from) return undefined;
  // "The IRP deputy chairman Mahmadali Hoit": the person the phrase ends in, not the party before the title.
  // "Donald Trump attacked former nominee Mitt Romney": a name followed by its own verb heads no longer phrase.
  const c = FOLLOWED_BY_PAST_VERB_RE.test(text.slice(first.end, Math.min(limit, first.end + 40))) ? first : speakerInNounPhrase(ctx, first.start, limit) ?? first;
  if (c.end > limit || c.start - from > NOUN_PHRASE_MAX) return undefined;
  const lead = text.slice(clauseStart(text, from, c.start), c.start);
  // "On Monday, Putin …", "In an interview, he …": one introductory phrase may come first.
  if (!isHeadOfPhrase(lead) || (lead !== text.slice(from, c.start) && !/^[^,]{1,60},\s*$/.test(text.slice(from, c.start)))) return undefined;
  if (/^according\s+to\b/i.test(text.slice(head, c.start))) return undefined;
  // "The board saw Fiorina as …", "a band called Sophistafunk": a verb before the name makes it an object.
  if (LEAD_VERB_RE.test(lead)) return undefined;
  // A verb must follow the subject (perhaps after an appositive): "Kobakhidze also focused", "Trump went";
  // not a possessive or a noun ("Trump’s firm", "Trump university").
  return SUBJECT_THEN_VERB_RE.test(text.slice(c.end, limit)) ? c : undefined;
}

/**
 * "The Florida senator sought to calm his supporters, …, saying …", "The billionaire businessman began by talking
 * about …, saying": a description opening the sentence, followed by its verb, is the subject a participle after
 * a comma belongs to, when no name is. Kept as written; never across a clause with a subject of its own.
 */
function openingDescription(ctx: AttributionContext, sentence: Span, verb: string, verbStart: number): Found | undefined {
  const { text } = ctx;
  const head = skipLeadingPunctuation(text, sentence.start, verbStart);
  const rest = (end: number) => withoutQuotedWords(text.slice(end, verbStart));
  const verbFollows = (end: number) => SUBJECT_THEN_VERB_RE.test(rest(end)) && !NEW_CLAUSE_RE.test(rest(end).replace(/,\s*$/, ''));
  const described = describedSource(ctx, head, verbStart);
  if (described && verbFollows(described.end)) return foundDescription(described, verb, verbStart, ctx);
  // "A spokesman for the ministry declined …": the phrase read one word too far, into the verb.
  const shorter = described && describedSource(ctx, head, text.lastIndexOf(' ', described.end - 1));
  if (shorter && verbFollows(shorter.end)) return foundDescription(shorter, verb, verbStart, ctx);
  const phrase = /^(?:the|a|an|one|his|her|its|their)\s+[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,3}/iu.exec(text.slice(head, Math.min(verbStart, head + 60)));
  if (!phrase) return undefined;
  const words = phrase[0].split(/\s+/);
  for (let k = 2; k <= words.length; k++) {
    const name = words.slice(0, k).join(' ');
    const end = head + text.slice(head).indexOf(name) + name.length;
    if (!isNamingPhrase(name) || INNER_FUNCTION_WORD_RE.test(name)) return undefined;
    if (verbFollows(end)) {
      const speaker: Speaker = { start: head, end, name, id: null, how: 'description' };
      return { speaker, cue: verb.replace(/\s+/g, ' '), cueSpan: { start: verbStart, end: verbStart + verb.length } };
    }
  }
  return undefined;
}

/** "often labeled as a “…” by Democrats": a passive's agent right after the quote spoke it. */
function agentAfter(q: RawQuote, ctx: AttributionContext): Found | undefined {
  const by = /^[\s,]*by\s+(?:the\s+)?/iu.exec(ctx.text.slice(q.outer.end, q.outer.end + 20));
  if (!by) return undefined;
  const c = ctx.candidates[upperBound(ctx.candidates, q.outer.end + by[0].length)];
  return c && c.start === q.outer.end + by[0].length ? found(c, 'by', q.outer.end + by[0].indexOf('by'), ctx) : undefined;
}

/** "In Bolton’s view, the deal is “a disaster”", "in Lavrov’s words": the person whose view or words the sentence gives. */
function possessiveSource(q: RawQuote, sentence: Span, ctx: AttributionContext): Found | undefined {
  const from = Math.max(sentence.start, q.outer.start - BEFORE_WINDOW);
  for (let i = upperBound(ctx.candidates, from - 1); i < ctx.candidates.length && ctx.candidates[i].end <= q.outer.start; i++) {
    const c = ctx.candidates[i];
    if (c.start < from || c.via === 'pronoun') continue;
    const view = POSSESSIVE_VIEW_RE.exec(ctx.text.slice(c.end, c.end + 30));
    if (view && /\b[Ii]n\s+(?:the\s+)?$/.test(ctx.text.slice(Math.max(from, c.start - 8), c.start))) return found(c, view[1], c.end + view.index + view[0].indexOf(view[1]), ctx);
  }
  return undefined;
}

/** "The third principle named by Voronin is … “…”": the agent of a reporting participle before the quote. */
function agentBefore(q: RawQuote, sentence: Span, ctx: AttributionContext): Found | undefined {
  const from = Math.max(sentence.start, q.outer.start - BEFORE_WINDOW);
  for (let i = upperBound(ctx.candidates, from); i < ctx.candidates.length && ctx.candidates[i].end <= q.outer.start; i++) {
    const c = ctx.candidates[i];
    const participle = AGENT_BEFORE_RE.exec(ctx.text.slice(Math.max(from, c.start - 40), c.start));
    if (participle) return found(c, participle[1], c.start - participle[0].length, ctx);
  }
  return undefined;
}

/** “…” opening a paragraph after one that ends by introducing it: "Pashinyan told reporters:" / "Viktar Ivashkevich, co-chairman:". */
function speakerIntroducedBefore(q: RawQuote, ctx: AttributionContext): Found | undefined {
  if (q.paragraphIndex === 0) return undefined;
  const paragraph = ctx.paragraphs[q.paragraphIndex];
  // The quote opens its paragraph, perhaps after an interview dash ("- “…”").
  if (!q.opensParagraph && !/^[\s\-–—]*$/.test(ctx.text.slice(paragraph.start, q.outer.start))) return undefined;
  const previous = ctx.paragraphs[q.paragraphIndex - 1];
  const tail = ctx.text.slice(previous.start, previous.end).trimEnd();
  if (!tail.endsWith(':')) return undefined;
  const colon = previous.start + tail.length - 1;
  const sentence = ctx.sentenceOf(colon);
  const before = ctx.text.slice(sentence.start, colon);
  REPORTING_RE.lastIndex = 0;
  let sawVerb = false;
  for (let m = REPORTING_RE.exec(before); m; m = REPORTING_RE.exec(before)) {
    sawVerb = true;
    const verbStart = sentence.start + m.index;
    const subject = subjectBefore(ctx, sentence.start, verbStart) ?? sentenceSubject(ctx, sentence, verbStart);
    if (subject) return found(subject, m[0], verbStart, ctx);
  }
  if (sawVerb) return undefined;
  // A name line: "Viktar Ivashkevich, the co-chairman of People's Assembly:"
  const head = skipLeadingPunctuation(ctx.text, sentence.start, colon);
  const c = ctx.candidates[upperBound(ctx.candidates, head - 1)];
  return c && c.start === head && c.kind === 'person' ? found(c, ':', colon, ctx) : undefined;
}

/**
 * "Valastro praised Christie’s leadership …. ¶ “We need someone who’s going to cut through …”", "Clinton touted
 * her credentials. “We need to find ways …”": a quote standing as a whole sentence, with nothing attributing it,
 * right after a sentence whose subject reports or says something, is that subject's. The sentence before holds no
 * quote of its own, and its first reporting verb is the subject's ("Trump mocked reporters who said …" is not).
 */
function speakerOfSentenceBefore(q: RawQuote, sentence: Span, ctx: AttributionContext): Found | undefined {
  const { text } = ctx;
  if (!/^[\s\-–—]*$/.test(text.slice(sentence.start, q.outer.start)) || !/^[\s.,!?…]*$/.test(text.slice(q.outer.end, sentence.end))) return undefined;
  let at = sentence.start - 1;
  while (at > 0 && isWhitespace(text.charCodeAt(at))) at--;
  if (at <= 0) return undefined;
  const before = ctx.sentenceOf(at);
  if (before.start >= sentence.start || !/^\s*$/.test(text.slice(before.end, sentence.start)) || /[“”"«»]/.test(text.slice(before.start, before.end))) return undefined;
  const subject = openingSubject(ctx, before, before.end);
  const person = subject?.referent ?? subject;
  if (!subject || !person || (person.kind !== 'person' && person.kind !== 'organization') || subject.alternatives) return undefined;
  const rest = text.slice(subject.end, before.end);
  REPORTING_RE.lastIndex = 0;
  const verb = REPORTING_RE.exec(rest);
  if (!verb || ownSubjectBefore(rest.slice(Math.max(0, verb.index - 60), verb.index))) return undefined;
  return found(subject, verb[0], subject.end + verb.index, ctx);
}

/** Past white space and the punctuation that may follow a closing quote mark (, . ; : ! ? and dashes). */
function skipLeadingPunctuation(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && (isWhitespace(text.charCodeAt(i)) || ',.;:!?—–-'.includes(text.charAt(i)))) i++;
  return i;
}

interface Description extends Span {
  readonly words: string;
  readonly definite: boolean;
  readonly noun: string;
}

/** A described source at `from` ("a senior Ukrainian official", "the ministry"), ending before `limit`. */
function describedSource(ctx: AttributionContext, from: number, limit: number): Description | undefined {
  // "As one employee told …", "when a man tells …": the description follows the word opening its clause.
  const opener = CLAUSE_LEAD_RE.exec(ctx.text.slice(from, Math.min(limit, from + 20)));
  if (opener) from += opener[0].length;
  const m = DESCRIPTION_RE.exec(ctx.text.slice(from, Math.min(limit, from + NOUN_PHRASE_MAX)));
  // "Ilham Aliyev is what his critics have called": words with a verb among them are a clause, not a description.
  // "At one point, a woman", "in a letter": a description's modifiers are words of its noun phrase, never a
  // preposition or clause opener that would make it an adverbial ("the crowd" there is no description either).
  if (!m || LEAD_VERB_RE.test(m[2]) || INNER_FUNCTION_WORD_RE.test(m[2])) return undefined;
  const lead = m[0].length - m[0].trimStart().length;
  const article = (m[1] ?? '').toLowerCase();
  // Possessives and bare plurals describe a group ("his aides", "protesters"); "the X" may name someone said before.
  const noun = m[3].toLowerCase();
  // "the expert", "his aide", "President said": someone the text may have named before; "a senior official" is not.
  const definite = article === 'the' || ['its', 'his', 'her', 'their'].includes(article) || (article === '' && !noun.endsWith('s'));
  return { start: from + lead, end: from + m[0].length, words: m[0].trim().replace(/\s+/g, ' '), definite, noun };
}

function foundDescription(d: Description, cue: string, cueStart: number, ctx: AttributionContext): Found {
  if (d.definite && DOCUMENT_NOUNS.has(d.noun)) {
    const author = authorOf(ctx, d.start);
    if (author) return found({ ...author, start: d.start, end: d.end, text: d.words, via: 'title', referent: author }, cue, cueStart, ctx, 'title');
  }
  if (d.definite && !DOCUMENT_NOUNS.has(d.noun)) {
    const referent = personDescribedAs(ctx, d.noun, d.start, ORGANIZATION_NOUNS.has(d.noun) ? 'organization' : 'person');
    if (referent) return found({ ...referent, start: d.start, end: d.end, text: d.words, via: 'title', referent }, cue, cueStart, ctx, 'title');
  }
  const speaker: Speaker = {
    start: d.start,
    end: d.end,
    name: d.words,
    id: null,
    how: 'description',
    ...(d.definite && !/^(?:its|his|her|their)\b/i.test(d.words) && !/s$/.test(d.noun) ? { uncertain: [] as string[] } : {}),
  };
  return { speaker, cue: cue.replace(/\s+/g, ' '), cueSpan: { start: cueStart, end: cueStart + cue.length } };
}

/**
 * Who issued "the statement" or "the tweet": the subject of the latest sentence before `before` that mentions
 * one ("Rinkevics said in a statement on Twitter … “…” the tweet reads").
 */
function authorOf(ctx: AttributionContext, before: number): SpeakerCandidate | undefined {
  const window = ctx.text.slice(Math.max(0, before - 1500), before);
  let last = -1;
  DOCUMENT_MENTION_RE.lastIndex = 0;
  for (let m = DOCUMENT_MENTION_RE.exec(window); m; m = DOCUMENT_MENTION_RE.exec(window)) last = m.index;
  if (last < 0) return undefined;
  const at = before - window.length + last;
  const sentence = ctx.sentenceOf(at);
  for (let i = upperBound(ctx.candidates, sentence.start); i < ctx.candidates.length && ctx.candidates[i].end <= at; i++) {
    const c = ctx.candidates[i];
    if ((c.kind === 'person' || c.kind === 'organization') && c.via !== 'pronoun') {
      if (hasReportingVerb(ctx.text.slice(c.end, at))) return c;
    }
  }
  return undefined;
}

/** The most recent person or organisation the text introduced with `noun` ("MP Kristine Vardanyan" for "the MP"). */
function personDescribedAs(ctx: AttributionContext, noun: string, before: number, kind: 'person' | 'organization'): SpeakerCandidate | undefined {
  const nounRe = new RegExp(`\\b${noun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
  for (let i = upperBound(ctx.candidates, before) - 1; i >= 0; i--) {
    const c = ctx.candidates[i];
    if (before - c.start > 3000) break;
    if (c.via === 'pronoun' || c.via === 'title' || c.kind !== kind) continue;
    const around = ctx.text.slice(Math.max(0, c.start - 80), c.start) + ' ' + ctx.text.slice(c.end, Math.min(ctx.text.length, c.end + 80)).split(/[.;]/)[0];
    if (nounRe.test(c.text) || nounRe.test(around)) return c;
  }
  return undefined;
}

function found(candidate: SpeakerCandidate, cue: string, cueStart: number, ctx: AttributionContext, how?: AttributionHow, through?: string): Found {
  const person = candidate.referent ?? candidate;
  const uncertain = candidate.alternatives;
  const speakerHow: AttributionHow =
    how ?? (candidate.via === 'pronoun' ? 'pronoun' : candidate.via === 'title' ? 'title' : /cited|quoted/i.test(cue) ? 'intermediary' : 'direct');
  const media = through ?? (speakerHow === 'intermediary' && ctx.isMedia?.(person.id, person.name) ? person.name : undefined);
  const speaker: Speaker = uncertain
    ? { start: candidate.start, end: candidate.end, name: candidate.text, id: null, how: speakerHow, uncertain }
    : { start: candidate.start, end: candidate.end, name: person.name, id: person.id, how: speakerHow, ...(media && media !== person.name ? { via: media } : {}) };
  return { speaker, cue: cue.replace(/\s+/g, ' '), cueSpan: { start: cueStart, end: cueStart + cue.length } };
}

/** A few words not ending in sentence punctuation: shaped like scare quotes ("as is") rather than speech. */
function isScareShaped(content: string): boolean {
  const trimmed = content.trim();
  return !/[.!?]$/.test(trimmed) && !hasMoreWordsThan(trimmed, 0, trimmed.length, SCARE_MAX_WORDS);
}

function quoteKind(q: RawQuote, sentence: Span, content: string, text: string, attributed: boolean): QuoteKind {
  const closedBy = text.charAt(q.outer.end);
  if (q.opensParagraph && !q.unclosed && /\p{Lu}/u.test(closedBy) && /[‘']/.test(text.charAt(q.outer.start))) return 'heading';
  const startsSentence = !hasMoreWordsThan(text, sentence.start, q.outer.start, 0); // nothing but white space before it
  // A short quote that opens its sentence and ends in a comma is speech (“This is the moment,” a diplomat said).
  const opensSpeech = startsSentence && content.trim().endsWith(',');
  if (!attributed && !q.unclosed && !opensSpeech && isScareShaped(content)) return 'scare';
  return startsSentence ? 'speech' : 'partial';
}

/**
 * News convention: a paragraph that opens a quote without closing it continues into the next
 * paragraph that opens with a quote mark; all parts share one speaker. A quote with no attribution
 * right after an attributed quote in the same paragraph shares its speaker too, and so does a paragraph
 * that is one whole quotation right after a paragraph whose last quote had a speaker.
 */
function inheritSpeakers(raw: readonly RawQuote[], quotes: Quote[], ctx: AttributionContext): void {
  const groups: number[][] = [];
  for (let i = 0; i < raw.length; i++) {
    const prev = groups[groups.length - 1];
    const last = prev?.[prev.length - 1];
    const continues = last !== undefined && raw[last].unclosed && raw[i].opensParagraph && raw[i].paragraphIndex > raw[last].paragraphIndex;
    if (continues) prev.push(i);
    else groups.push([i]);
  }
  for (const group of groups) {
    const source = group.map((i) => quotes[i]).find((q) => q.speaker);
    for (const i of group) {
      const q = quotes[i];
      const isContinued = group.length > 1 && raw[i].unclosed;
      if (!q.speaker && source) quotes[i] = { ...q, kind: isContinued ? 'continued' : q.kind === 'scare' ? 'speech' : q.kind, speaker: { ...source.speaker!, how: 'inherited' }, cue: source.cue };
      else if (isContinued) quotes[i] = { ...q, kind: 'continued' };
    }
  }
  // A title or scare quote in between ("on ABC’s “This Week”") does not break the run of one speaker's quotes:
  // the quote before is the latest one that is neither, or the last of the previous paragraph. Both are
  // tracked as the loop goes, so a paragraph of a million scare quotes is read once, not once per quote.
  let solid = quotes.length > 0 && isTitleOrScare(quotes[0]) ? -1 : 0; // latest quote so far that is neither
  let paragraphFirst = 0; // first quote of quote i's paragraph
  for (let i = 1; i < quotes.length; i++) {
    const q = quotes[i];
    if (raw[i].paragraphIndex !== raw[i - 1].paragraphIndex) paragraphFirst = i;
    const p = Math.max(solid, paragraphFirst - 1, 0);
    if (!isTitleOrScare(q)) solid = i;
    const prev = quotes[p];
    if (q.speaker || q.kind === 'scare' || q.kind === 'heading' || !prev.speaker) continue;
    const sameParagraph = raw[i].paragraphIndex === raw[p].paragraphIndex;
    const wholeParagraphAfter = raw[i].paragraphIndex === raw[p].paragraphIndex + 1 && raw[i].opensParagraph && isWholeParagraph(raw[i], ctx);
    if ((sameParagraph && !reportedInOwnSentence(raw[i], raw[p], prev.speaker, ctx)) || wholeParagraphAfter) quotes[i] = { ...q, speaker: { ...prev.speaker, how: 'inherited' }, cue: prev.cue };
  }
}

/**
 * Whether a quote in a later sentence than `prev` has a reporting verb of its own before it in its sentence:
 * "“…,” Comey said. The two lawmakers, however, argue that “…”" — that sentence says who speaks, even when
 * attribution could not resolve it, so the earlier speaker is not carried over.
 */
function reportedInOwnSentence(q: RawQuote, prev: RawQuote, speaker: Speaker, ctx: AttributionContext): boolean {
  const sentence = ctx.sentenceOf(q.outer.start);
  if (sentence.start < prev.outer.end || sentence.start >= q.outer.start) return false;
  if (!hasReportingVerb(ctx.text.slice(Math.max(sentence.start, q.outer.start - BEFORE_WINDOW), q.outer.start))) return false;
  // "… said Pashinian. He at the same time urged the crowd to be “patient.”": opened by the same person, it goes on.
  const head = skipLeadingPunctuation(ctx.text, sentence.start, q.outer.start);
  const first = ctx.candidates[upperBound(ctx.candidates, head - 1)];
  // A pronoun there whose referent is open continues the passage's speaker too.
  if (!first || first.start !== head || first.end > q.outer.start) return true;
  if (first.via === 'pronoun' && !first.referent) return false;
  const person = first.referent ?? first;
  return !(speaker.id ? person.id === speaker.id : person.name === speaker.name);
}

function isTitleOrScare(q: Quote): boolean {
  return q.kind === 'scare' || q.kind === 'heading';
}

function isWholeParagraph(q: RawQuote, ctx: AttributionContext): boolean {
  const paragraph = ctx.paragraphs[q.paragraphIndex];
  return q.unclosed || /^[\s.,!?]*$/.test(ctx.text.slice(q.outer.end, paragraph.end));
}
