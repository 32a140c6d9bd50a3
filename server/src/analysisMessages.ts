/**
 * What the server and its analysis worker say to each other, and how a result crosses between them.
 *
 * A long article's model is tens of thousands of small objects. Posted as they are, the server thread would
 * rebuild them all as each result arrives (at 2 MB, 55–145 ms of a 300–700 ms analysis on the loaded test
 * machine), whether or not anything asks. So the worker sends the findings and annotation entries as they are
 * (small, and all that publishing diagnostics needs) and the rest of the model as one JSON string (copied
 * whole, with no object to rebuild); the server parses it only when a request on that document first needs
 * the model (`unpackArticle`). JSON rather than `v8.serialize`: about twice as fast both ways on this data,
 * which is plain (the one difference, keys whose value is undefined, are left out, which reads the same).
 */
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
  | { readonly type: 'knowledgeBase'; readonly files: KbFiles }
  | { readonly type: 'forget'; readonly uri: string };

export type FromWorker =
  | ({ readonly type: 'result'; readonly id: number } & PackedArticle)
  | { readonly type: 'failed'; readonly id: number; readonly error: string };

export interface PackedArticle {
  readonly findings: readonly Finding[];
  readonly entries: readonly AnnotationEntry[];
  /** JSON of the rest: the model without its text and findings, and the anchored annotations. */
  readonly rest: string;
}

/** The article split for posting. */
export function packArticle(article: ReviewedArticle): PackedArticle {
  const { text: _text, diagnostics, ...model } = article.model;
  return { findings: diagnostics, entries: article.entries, rest: JSON.stringify({ model, anchored: article.anchored }) };
}

/** The article `packArticle` split, whole again; `text` is the text that was analysed. */
export function unpackArticle(packed: PackedArticle, text: string): ReviewedArticle {
  const { model, anchored } = JSON.parse(packed.rest) as { model: Omit<ReviewedArticle['model'], 'text' | 'diagnostics'>; anchored: ReviewedArticle['anchored'] };
  // The same field order as the core builds (text first, findings last).
  return { model: { text, ...model, diagnostics: packed.findings }, anchored, entries: packed.entries };
}
