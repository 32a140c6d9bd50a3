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
import { findQuoteMarks } from './quoteMarks';
import { findSentences, findParagraphs } from '../text/segments';
import { findTitleMentions } from './titles';
import { upperBound } from '../text/search';

export function analyzeArticle(text: string, kb: KnowledgeBase, config: AnalysisConfig): ArticleModel {
  const date = findArticleDate(text, config.fallbackDate, config.fallbackSource);
  const paragraphSpans = findParagraphs(text);
  const rawQuotes = findQuoteMarks(text, paragraphSpans);
  const quotesByParagraph = new Map<number, Span[]>();
  for (const q of rawQuotes) {
    const inParagraph = quotesByParagraph.get(q.paragraphIndex);
    if (inParagraph) inParagraph.push(q.outer);
    else quotesByParagraph.set(q.paragraphIndex, [q.outer]);
  }
  const paragraphs: Paragraph[] = paragraphSpans.map((p, i) => ({ ...p, sentences: findSentences(text, p, quotesByParagraph.get(i) ?? []) }));
  const sentences = paragraphs.flatMap((p) => p.sentences);
  const sentenceOf = (offset: number) => containing(sentences, offset);

  const named = findEntityMentions(text, paragraphSpans, kb);
  const titles = findTitleMentions(text, named, kb, date.date);
  const people = byStart([...named, ...titles].filter((e) => e.kind === 'person'));
  const pronouns = resolvePronouns(text, people, kb);
  const candidates: SpeakerCandidate[] = byStart([...named, ...titles, ...pronouns].filter((e) => e.kind === 'person' || e.kind === 'organization'));
  const quotes = attributeQuotes(rawQuotes, { text, candidates, sentenceOf, paragraphs: paragraphSpans });
  const speakerStarts = new Set(quotes.map((q) => q.speaker?.start));
  const speakerPronouns = pronouns.filter((p) => speakerStarts.has(p.start));
  const entities = byStart([...named, ...titles, ...speakerPronouns.map(stripReferent)]);
  const claims = findClaims(text, sentenceOf);

  const ctx: RuleContext = { text, paragraphs, sentences, entities, quotes, claims, date: date.date, kb };
  return { text, paragraphs, entities, quotes, claims, date, diagnostics: runRules(ctx, config) };
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

function byStart<T extends Span>(items: T[]): T[] {
  return items.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The span containing `offset`, or an empty span there when none does. */
export function containing(spans: readonly Span[], offset: number): Span {
  const i = upperBound(spans, offset + 1) - 1;
  const span = spans[i];
  return span && span.start <= offset && offset <= span.end ? span : { start: offset, end: offset };
}
