/**
 * What the server and its analysis worker say to each other, and how a result crosses between them.
 *
 * A long article's model is tens of thousands of small objects, and publishing diagnostics needs none of them.
 * So an analysis sends back only the findings and annotation entries (small, and all that publishing needs);
 * the worker keeps the model of the last version it analysed of each document, and the server asks for it
 * (`model`) only when a request on that document first needs it. It crosses as one JSON string (copied whole,
 * with no object to rebuild), parsed on the server's thread. Sending the model's JSON with every result cost
 * about 15–20 ms of a 1 MB keystroke (stringify alone, measured in process; ~3 MB of JSON), most edits never
 * asked for it, and the next edit's analysis waited behind it.
 * JSON rather than `v8.serialize`: about twice as fast both ways on this data, which is plain (the one
 * difference, keys whose value is undefined, are left out, which reads the same).
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
  /** The model of the document's last analysis, if that was `version` (else `failed`). */
  | { readonly type: 'model'; readonly id: number; readonly uri: string; readonly version: number }
  | { readonly type: 'knowledgeBase'; readonly files: KbFiles }
  | { readonly type: 'forget'; readonly uri: string };

export type FromWorker =
  | ({ readonly type: 'result'; readonly id: number } & AnalysisResult)
  | { readonly type: 'model'; readonly id: number; readonly model: string }
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

/** JSON of the rest of the article: the model without its text and findings, and the anchored annotations. */
export function packModel(article: ReviewedArticle): string {
  const { text: _text, diagnostics: _findings, ...model } = article.model;
  return JSON.stringify({ model, anchored: article.anchored });
}

/** The article whole again, from its result and `packModel`'s JSON; `text` is the text that was analysed. */
export function unpackArticle(result: AnalysisResult, packed: string, text: string): ReviewedArticle {
  const { model, anchored } = JSON.parse(packed) as { model: Omit<ReviewedArticle['model'], 'text' | 'diagnostics'>; anchored: ReviewedArticle['anchored'] };
  // The same field order as the core builds (text first, findings last).
  return { model: { text, ...model, diagnostics: result.findings }, anchored, entries: result.entries };
}
