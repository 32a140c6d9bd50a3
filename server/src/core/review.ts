/**
 * An article as the reviewer sees it: the analysis with the reviewer's annotations applied —
 * verified findings removed, disputed/false ones added, speakers set by hand, orphans reported.
 * Server and CLI both call this, so the editor and CI never disagree.
 */
import { analyzeArticle } from './analysis/analyze';
import type { IncrementalState } from './analysis/incremental';
import { applyAnnotations, speakerOverrideFor, speakerOverrides, type AnnotationEntry } from './annotations/apply';
import { reanchorAll, type AnchoredAnnotation } from './annotations/anchoring';
import type { Annotation } from './annotations/model';
import type { AnalysisConfig } from './config';
import type { KnowledgeBase } from './kb/knowledgeBase';
import type { ArticleModel, Quote } from './types';

export interface ReviewedArticle {
  readonly model: ArticleModel;
  readonly anchored: readonly AnchoredAnnotation[];
  /** Every annotation for the Outline: anchored ones by position, then orphans. */
  readonly entries: readonly AnnotationEntry[];
}

/** `incremental`: the document's incremental state, when the caller keeps one per open document (`analyzeArticle`). */
export function reviewArticle(text: string, kb: KnowledgeBase, config: AnalysisConfig, annotations: readonly Annotation[] = [], incremental?: IncrementalState): ReviewedArticle {
  const base = analyzeArticle(text, kb, config, incremental);
  if (annotations.length === 0) return { model: base, anchored: [], entries: [] };
  const anchoredResult = reanchorAll(text, annotations);
  const overrides = speakerOverrides(anchoredResult.anchored);
  const quotes = base.quotes.map((q): Quote => {
    const override = speakerOverrideFor(overrides, q);
    if (!override) return q;
    return { ...q, speaker: { start: q.start, end: q.start, name: override.speaker.name, id: override.speaker.id ?? null, how: 'direct' }, cue: q.cue ?? 'set by reviewer' };
  });
  const lineEnd = text.indexOf('\n');
  const applied = applyAnnotations(base.diagnostics, anchoredResult, { orphanSpan: { start: 0, end: lineEnd < 0 ? text.length : lineEnd } });
  return { model: { ...base, quotes, diagnostics: applied.findings }, anchored: anchoredResult.anchored, entries: applied.entries };
}
