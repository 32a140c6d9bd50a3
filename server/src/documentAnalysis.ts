/**
 * One document version analysed: the single function both the server's own thread and its analysis worker
 * (`analysisWorker.ts`) call, so a result never depends on where it was computed. Whatever a later analysis
 * may reuse from an earlier one of the same document (incremental analysis) belongs behind this function,
 * keyed by `uri` and dropped by `forgetDocument`.
 */
import type { Annotation } from './core/annotations/model';
import type { AnalysisConfig } from './core/config';
import type { KnowledgeBase } from './core/kb/knowledgeBase';
import { IncrementalState } from './core/analysis/incremental';
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

/**
 * Per open document, what its last analysis on this thread lends the next (`core/analysis/incremental.ts`):
 * paragraphs an edit did not touch keep their paragraph-local results. The server's thread and the worker
 * each keep their own; either way the model is the one a fresh analysis gives (a property test holds it).
 */
const incremental = new Map<string, IncrementalState>();

export function analyseDocument(input: AnalysisInput, kb: KnowledgeBase): ReviewedArticle {
  let state = incremental.get(input.uri);
  if (!state) incremental.set(input.uri, (state = new IncrementalState()));
  return reviewArticle(input.text, kb, input.config, input.annotations, state);
}

/** The document was closed: nothing kept for it may outlive it. */
export function forgetDocument(uri: string): void {
  incremental.delete(uri);
}
