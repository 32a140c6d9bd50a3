/**
 * `cisLens/annotations`: the reviewer's annotations where the server anchored them in one version of a
 * document. The server's re-anchoring is the one source of truth for where an annotation is: the VS Code
 * client places its comment threads and decorations from this, never from the stored TextPositionSelector, so
 * they follow the text as the user types. Sent as a notification after every analysis, and answered as a
 * request (same params and result) for a client that asks.
 */
import type { Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReviewedArticle } from '../core/review';
import { toRange } from '../convert';

export const ANCHORED_ANNOTATIONS = 'cisLens/annotations';

export interface AnchoredAnnotationItem {
  readonly id: string;
  readonly status: string;
  /** Where it is in this version; null for an orphan (its words are gone). */
  readonly range: Range | null;
  readonly method: string;
  /** The words as the reviewer marked them. */
  readonly exact: string;
  readonly note?: string;
  readonly source?: string;
  readonly rule?: string;
  readonly author?: string;
  readonly speaker?: { readonly id: string | null; readonly name: string };
  readonly created?: string;
  readonly modified?: string;
}

export interface AnchoredAnnotationsParams {
  readonly uri: string;
  readonly version: number;
  readonly annotations: readonly AnchoredAnnotationItem[];
}

export function getAnchoredAnnotations(doc: TextDocument, article: Pick<ReviewedArticle, 'entries'> | undefined): AnchoredAnnotationsParams {
  const annotations = (article?.entries ?? []).map((e): AnchoredAnnotationItem => ({
    id: e.id,
    status: e.status,
    range: e.span ? toRange(doc, e.span) : null,
    method: e.method,
    exact: e.exact,
    ...(e.note !== undefined ? { note: e.note } : {}),
    ...(e.source !== undefined ? { source: e.source } : {}),
    ...(e.rule !== undefined ? { rule: e.rule } : {}),
    ...(e.author !== undefined ? { author: e.author } : {}),
    ...(e.speaker !== undefined ? { speaker: e.speaker } : {}),
    ...(e.created !== undefined ? { created: e.created } : {}),
    ...(e.modified !== undefined ? { modified: e.modified } : {}),
  }));
  return { uri: doc.uri, version: doc.version, annotations };
}
