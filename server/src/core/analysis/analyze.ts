/**
 * analyzeArticle: text + knowledge base + config → ArticleModel. Runs once per document version;
 * every feature and rule is a query over its result. Never throws: a failing rule becomes an
 * `internal-error` finding and the rest of the model is still returned.
 */
import type { AnalysisConfig } from '../config';
import type { KnowledgeBase } from '../kb/knowledgeBase';
import { allRules } from '../rules';
import type { RuleContext } from '../rules/types';
import type { ArticleModel, EntityMention, Finding, Quote, Span, Speaker } from '../types';
import { findArticleDate } from './articleDate';
import { type SpeakerCandidate } from './attribution';
import { attributedQuotes } from './attributionCache';
import { findClaims } from './claims';
import type { IncrementalState } from './incremental';
import { knownMentions, namedMentions, paragraphSentences } from './paragraphStages';
import { builtInGazetteer } from '../kb/gazetteer';
import { resolvePronouns } from './pronouns';
import { findQuoteMarks } from './quoteMarks';
import { findParagraphs } from '../text/segments';
import { findTitleMentions } from './titles';
import { containing } from '../text/search';
import { scanMarks } from '../text/marks';
import { scanTriggers } from '../text/triggers';

/**
 * `incremental`: the document's state from its last analysis (`incremental.ts`), when the caller keeps one per
 * document; paragraphs an edit did not touch then keep their paragraph-local results. The model is the same.
 */
export function analyzeArticle(text: string, kb: KnowledgeBase, config: AnalysisConfig, incremental?: IncrementalState): ArticleModel {
  incremental?.begin(text, kb);
  const marks = incremental ? incremental.marks(text) : scanMarks(text);
  const date = findArticleDate(text, { setting: config.articleDate, today: config.today }, marks.figureStarts);
  const paragraphSpans = findParagraphs(text);
  const version = incremental && { state: incremental, diff: incremental.paragraphDiff(paragraphSpans) };
  const rawQuotes = findQuoteMarks(text, paragraphSpans, marks);
  const { paragraphs, sentences } = paragraphSentences(text, paragraphSpans, rawQuotes, marks, version);
  const sentenceOf = (offset: number) => containing(sentences, offset);
  const triggers = incremental ? incremental.triggers(text) : scanTriggers(text);

  const known = knownMentions(text, paragraphSpans, kb, marks.nameStarts, date.date, version);
  const named = namedMentions({ text, paragraphs: paragraphSpans, known, nameStarts: marks.nameStarts, kb, gazetteer: builtInGazetteer() }, version);
  const titles = findTitleMentions(triggers, named, kb, date.assumed, date.date !== null);
  const namedAndTitles = mergeByStart(named, titles);
  const people = namedAndTitles.filter((e) => e.kind === 'person');
  const quoteSpans = rawQuotes.map((q) => q.outer);
  const pronouns = resolvePronouns(triggers, people, kb, { text, paragraphs: paragraphSpans, quotes: quoteSpans, sentenceOf });
  const candidates: SpeakerCandidate[] = mergeByStart<SpeakerCandidate>(namedAndTitles, pronouns).filter(isPossibleSpeaker);
  const isMedia = (id: string | null) => kb.isMedia(id);
  const quotes = attributedQuotes(rawQuotes, { text, candidates, sentenceOf, paragraphs: paragraphSpans, isMedia }, sentences, incremental);
  const entities = mergeByStart(namedAndTitles, pronounSpeakers(pronouns, quotes));
  const claims = findClaims(text, sentenceOf, marks.figureStarts);

  const ctx: RuleContext = { text, paragraphs, sentences, entities, quotes, claims, date: date.assumed, dateKnown: date.date !== null, kb, triggers };
  return { text, paragraphs, entities, quotes, claims, date, diagnostics: runRules(ctx, config) };
}

/** People, organisations and names of unknown kind can speak; a country or a city only through its government, which the text names. */
function isPossibleSpeaker(e: SpeakerCandidate): boolean {
  return e.kind === 'person' || e.kind === 'organization' || (e.kind === 'other' && e.via !== 'demonym') || (e.kind === 'place' && (e.via === 'context' || e.via === 'document'));
}

function runRules(ctx: RuleContext, config: AnalysisConfig): Finding[] {
  const findings: Finding[] = [];
  for (const rule of allRules) {
    const setting = config.rules[rule.code] ?? rule.defaultSeverity;
    if (setting === 'off') continue;
    try {
      for (const f of rule.check(ctx)) {
        // Every finding gets the same shape (the rule's own may differ in which fields it sets).
        // A finding that holds only on a date the article does not give is information, not a warning.
        const severity = f.assumesDate && !ctx.dateKnown && setting !== 'hint' ? 'information' : setting;
        findings.push({ start: f.start, end: f.end, code: rule.code, severity, message: f.message, related: f.related, data: f.data });
      }
    } catch (error) {
      findings.push({ start: 0, end: 0, code: 'internal-error', severity: 'error', message: `Rule ${rule.code} failed: ${String(error)}` });
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The pronouns that are a quote's speaker, as plain mentions with the same fields in the same order as every other
 * mention (one object shape). A speaker found through the pronoun itself (`how` 'pronoun') already carries what
 * the pronoun resolved to (its referent's name and id, or the pronoun's own words when uncertain), so it is taken
 * from there: asking the pronoun would resolve it again for every quote whose speaker was kept from the last
 * version (`attributionCache.ts`), about 7% of a 1 MB incremental analysis.
 */
function pronounSpeakers(pronouns: readonly SpeakerCandidate[], quotes: readonly Quote[]): EntityMention[] {
  const speakers = new Map<number, Speaker>();
  for (const q of quotes) {
    const s = q.speaker;
    if (s && (s.how === 'pronoun' || !speakers.has(s.start))) speakers.set(s.start, s);
  }
  const mentions: EntityMention[] = [];
  for (const p of pronouns) {
    const s = speakers.get(p.start);
    if (!s) continue;
    const resolved = s.how === 'pronoun' && s.end === p.end ? s : p;
    mentions.push({ start: p.start, end: p.end, text: p.text, kind: p.kind, id: resolved.id, name: resolved.name, via: p.via });
  }
  return mentions;
}

/**
 * Merges two lists already sorted by start (ties: longer first; then `a` before `b`) into one such list
 * (one of the inputs itself when the other is empty).
 * Linear, where concatenating and sorting was a measurable share of the analysis.
 */
function mergeByStart<T extends Span>(a: readonly T[], b: readonly T[]): readonly T[] {
  if (b.length === 0) return a; // the usual case (few titles and pronouns): no copy
  if (a.length === 0) return b;
  const merged = a.concat(b); // exact size and packed; overwritten below in merged order
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y.start < x.start || (y.start === x.start && y.end > x.end)) {
      merged[k++] = y;
      j++;
    } else {
      merged[k++] = x;
      i++;
    }
  }
  while (i < a.length) merged[k++] = a[i++];
  while (j < b.length) merged[k++] = b[j++];
  return merged;
}
