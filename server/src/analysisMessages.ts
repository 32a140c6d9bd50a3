/**
 * What the server and its analysis worker say to each other, and how a result crosses between them.
 *
 * A 2 MB article's model is tens of thousands of small objects: copied as a message, the server thread would
 * spend about a fifth of the analysis time rebuilding it (measured: 55–145 ms of 300–700 ms). So the worker
 * sends the findings and annotation entries (small; all that publishing diagnostics needs) as they are, and
 * the rest of the model serialized into one buffer that is moved, not copied; the server rebuilds the model
 * from it only when a request on that document first needs it (`unpackArticle`).
 */
import { deserialize, serialize } from 'node:v8';
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
  /** `v8.serialize` of the rest: the model without its text and findings, and the anchored annotations. */
  readonly rest: ArrayBuffer;
}

/** The article split for posting; the returned buffer goes in the transfer list. */
export function packArticle(article: ReviewedArticle): PackedArticle {
  const { text: _text, diagnostics, ...model } = article.model;
  const bytes = serialize({ model, anchored: article.anchored });
  // Only a buffer that is the whole of its ArrayBuffer can be moved without moving anything else with it.
  const rest = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer as ArrayBuffer : new Uint8Array(bytes).buffer;
  return { findings: diagnostics, entries: article.entries, rest };
}

/** The article `packArticle` split, whole again; `text` is the text that was analysed. */
export function unpackArticle(packed: PackedArticle, text: string): ReviewedArticle {
  const { model, anchored } = deserialize(new Uint8Array(packed.rest)) as { model: Omit<ReviewedArticle['model'], 'text' | 'diagnostics'>; anchored: ReviewedArticle['anchored'] };
  // The same field order as the core builds (text first, findings last).
  return { model: { text, ...model, diagnostics: packed.findings }, anchored, entries: packed.entries };
}
