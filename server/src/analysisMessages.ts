/**
 * What the server and its analysis worker say to each other.
 *
 * A long article's model is tens of thousands of small objects, and publishing diagnostics needs none of them.
 * So an analysis sends back only the findings and annotation entries (small, and all that publishing needs);
 * the worker keeps the last version it analysed of each document, and a request that reads the whole analysis
 * (Outline, semantic tokens, hover, definition, references, code actions) is answered there (`query`, see
 * articleQueries.ts): only its answer crosses. The model itself never does: its JSON (about 3 MB at 1 MB of
 * text) cost 15–20 ms to make on the worker and 25–30 ms to parse on the server, per version.
 */
import type { QueryName } from './articleQueries';
import type { AnnotationEntry } from './core/annotations/apply';
import type { ReviewedArticle } from './core/review';
import type { Finding } from './core/types';
import type { AnalysisInput } from './documentAnalysis';

/** The knowledge base's files, as the server lists them (the worker loads the same ones). */
export interface KbFiles {
  readonly builtIn: readonly string[];
  readonly user: readonly string[];
}

export type ToWorker =
  | { readonly type: 'analyse'; readonly id: number; readonly input: AnalysisInput }
  /** A query on the document's last analysis, if that was `version` (else the answer is `missing`). */
  | { readonly type: 'query'; readonly id: number; readonly uri: string; readonly version: number; readonly name: QueryName; readonly params: unknown }
  | { readonly type: 'knowledgeBase'; readonly files: KbFiles }
  | { readonly type: 'forget'; readonly uri: string };

export type FromWorker =
  | ({ readonly type: 'result'; readonly id: number } & AnalysisResult)
  | { readonly type: 'answer'; readonly id: number; readonly answer: unknown }
  /** The worker no longer has that version of the document (it analysed a newer one, or the document closed). */
  | { readonly type: 'missing'; readonly id: number }
  | { readonly type: 'failed'; readonly id: number; readonly error: string };

/** What publishing a version needs: its findings and the reviewer's annotations as anchored in it. */
export interface AnalysisResult {
  readonly findings: readonly Finding[];
  readonly entries: readonly AnnotationEntry[];
}

/** What an analysis sends back at once. */
export function resultOf(article: ReviewedArticle): AnalysisResult {
  return { findings: article.model.diagnostics, entries: article.entries };
}
