/**
 * One document version analysed: the single function both the server's own thread and its analysis worker
 * (`analysisWorker.ts`) call, so a result never depends on where it was computed. Whatever a later analysis
 * may reuse from an earlier one of the same document (incremental analysis) belongs behind this function,
 * keyed by `uri` and dropped by `forgetDocument`.
 */
import type { Annotation } from './core/annotations/model';
import type { AnalysisConfig } from './core/config';
import type { KnowledgeBase } from './core/kb/knowledgeBase';
import { reviewArticle, type ReviewedArticle } from './core/review';

/** Everything an analysis reads besides the knowledge base: plain data, so it can be posted to a worker. */
export interface AnalysisInput {
  readonly uri: string;
  readonly version: number;
  /** The text analysed: the document's, or its first lines when it is over the size limit. */
  readonly text: string;
  readonly config: AnalysisConfig;
  readonly annotations: readonly Annotation[];
}

export function analyseDocument(input: AnalysisInput, kb: KnowledgeBase): ReviewedArticle {
  return reviewArticle(input.text, kb, input.config, input.annotations);
}

/** The document was closed: nothing kept for it may outlive it. */
export function forgetDocument(_uri: string): void {
  // Nothing is kept between analyses yet.
}
