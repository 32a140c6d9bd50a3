/**
 * analyzeArticle: text + knowledge base + config → ArticleModel. Runs once per document version;
 * every feature and rule is a query over its result. Never throws: a failing rule becomes an
 * `internal-error` finding and the rest of the model is still returned.
 */
import type { AnalysisConfig } from '../config';
import type { KnowledgeBase } from '../kb/knowledgeBase';
import { allRules } from '../rules';
import type { RuleContext } from '../rules/types';
import type { ArticleModel, EntityMention, Finding, Paragraph, Span } from '../types';
import { findArticleDate } from './articleDate';
import { attributeQuotes, type SpeakerCandidate } from './attribution';
import { findClaims } from './claims';
import { findEntityMentions } from './entities';
import { resolvePronouns } from './pronouns';
import { findQuoteMarks, type RawQuote } from './quoteMarks';
import { findSentences, findParagraphs } from '../text/segments';
import { findTitleMentions } from './titles';
import { upperBound } from '../text/search';
import { scanTriggers } from '../text/triggers';

export function analyzeArticle(text: string, kb: KnowledgeBase, config: AnalysisConfig): ArticleModel {
  const date = findArticleDate(text, config.fallbackDate, config.fallbackSource);
  const paragraphSpans = findParagraphs(text);
  const rawQuotes = findQuoteMarks(text, paragraphSpans);
  const { paragraphs, sentences } = splitSentences(text, paragraphSpans, rawQuotes);
  const sentenceOf = (offset: number) => containing(sentences, offset);
  const triggers = scanTriggers(text);

  const named = findEntityMentions(text, paragraphSpans, kb);
  const titles = findTitleMentions(triggers, named, kb, date.date);
  const people = mergeByStart([named, titles], (e) => e.kind === 'person');
  const pronouns = resolvePronouns(triggers, people, kb);
  const candidates: SpeakerCandidate[] = mergeByStart([named, titles, pronouns], (e) => e.kind === 'person' || e.kind === 'organization');
  const quotes = attributeQuotes(rawQuotes, { text, candidates, sentenceOf, paragraphs: paragraphSpans });
  const speakerStarts = new Set<number>();
  for (const q of quotes) if (q.speaker) speakerStarts.add(q.speaker.start);
  const speakerPronouns: EntityMention[] = [];
  for (const p of pronouns) if (speakerStarts.has(p.start)) speakerPronouns.push(stripReferent(p));
  const entities = mergeByStart<EntityMention>([named, titles, speakerPronouns]);
  const claims = findClaims(text, sentenceOf);

  const ctx: RuleContext = { text, paragraphs, sentences, entities, quotes, claims, date: date.date, kb, triggers };
  return { text, paragraphs, entities, quotes, claims, date, diagnostics: runRules(ctx, config) };
}

/** Paragraphs with their sentences, and all sentences in text order; quotations are never split. */
function splitSentences(text: string, paragraphSpans: readonly Span[], rawQuotes: readonly RawQuote[]): { paragraphs: Paragraph[]; sentences: Span[] } {
  const paragraphs: Paragraph[] = [];
  const sentences: Span[] = [];
  let q = 0; // quotes come in text order, hence in paragraph order
  for (let i = 0; i < paragraphSpans.length; i++) {
    while (q < rawQuotes.length && rawQuotes[q].paragraphIndex < i) q++;
    const masked: Span[] = [];
    for (; q < rawQuotes.length && rawQuotes[q].paragraphIndex === i; q++) masked.push(rawQuotes[q].outer);
    const p = paragraphSpans[i];
    const inParagraph = findSentences(text, p, masked);
    for (const s of inParagraph) sentences.push(s);
    paragraphs.push({ start: p.start, end: p.end, sentences: inParagraph });
  }
  return { paragraphs, sentences };
}

function runRules(ctx: RuleContext, config: AnalysisConfig): Finding[] {
  const findings: Finding[] = [];
  for (const rule of allRules) {
    const setting = config.rules[rule.code] ?? rule.defaultSeverity;
    if (setting === 'off') continue;
    try {
      for (const f of rule.check(ctx)) findings.push({ ...f, code: rule.code, severity: setting });
    } catch (error) {
      findings.push({ start: 0, end: 0, code: 'internal-error', severity: 'error', message: `Rule ${rule.code} failed: ${String(error)}` });
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

function stripReferent(p: SpeakerCandidate): EntityMention {
  const { referent: _referent, ...mention } = p;
  return mention;
}

/**
 * Merges lists already sorted by start (ties: longer first) into one such list, keeping what `keep` accepts.
 * Linear, where concatenating and sorting was a measurable share of the analysis.
 */
function mergeByStart<T extends Span>(lists: readonly (readonly T[])[], keep: (item: T) => boolean = () => true): T[] {
  const merged: T[] = [];
  const next = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (let l = 0; l < lists.length; l++) {
      const item = lists[l][next[l]];
      if (item === undefined) continue;
      const lead = best < 0 ? undefined : lists[best][next[best]];
      if (!lead || item.start < lead.start || (item.start === lead.start && item.end > lead.end)) best = l;
    }
    if (best < 0) return merged;
    const item = lists[best][next[best]++];
    if (keep(item)) merged.push(item);
  }
}

/** The span containing `offset`, or an empty span there when none does. */
export function containing(spans: readonly Span[], offset: number): Span {
  const i = upperBound(spans, offset + 1) - 1;
  const span = spans[i];
  return span && span.start <= offset && offset <= span.end ? span : { start: offset, end: offset };
}
