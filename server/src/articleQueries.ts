/**
 * The requests that read a document's whole analysis, by name, so each can be answered where that analysis
 * is: on the server's thread, or on the analysis worker that analysed a long document. There only the answer
 * crosses back (an Outline of a few hundred kilobytes, a hover card), never the model (about 3 MB of JSON
 * at 1 MB of text, whose stringify and parse took 45–50 ms, which the first request after each edit waited for).
 * Both threads run the same functions from `features/` over the same analysis, so an answer does not depend
 * on where it was computed.
 */
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, Location, Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { KnowledgeBase } from './core/kb/knowledgeBase';
import type { ReviewedArticle } from './core/review';
import { getCodeActions } from './features/codeActions';
import { getDefinition } from './features/definition';
import { getDocumentSymbols } from './features/documentSymbols';
import { getHover } from './features/hover';
import { getReferences } from './features/references';
import { getSemanticTokenData } from './features/semanticTokens';

/** What every query reads: the analysed version as a document (for ranges), its analysis, the knowledge base. */
export interface QueryContext {
  readonly doc: TextDocument;
  readonly article: ReviewedArticle;
  readonly kb: KnowledgeBase;
}

/** Each query's parameters (plain data, so they can be posted to the worker) and answer. */
export interface Queries {
  documentSymbols: { params: undefined; answer: DocumentSymbol[] };
  semanticTokens: { params: undefined; answer: number[] };
  hover: { params: { offset: number }; answer: Hover | null };
  definition: { params: { offset: number }; answer: Location | null };
  references: { params: { offset: number; includeDeclaration: boolean }; answer: Location[] };
  codeActions: { params: { range: Range; diagnostics: Diagnostic[] }; answer: CodeAction[] };
}

export type QueryName = keyof Queries;
export type QueryParams<N extends QueryName> = Queries[N]['params'];
export type QueryAnswer<N extends QueryName> = Queries[N]['answer'];

const QUERIES: { [N in QueryName]: (c: QueryContext, p: QueryParams<N>) => QueryAnswer<N> } = {
  documentSymbols: (c) => getDocumentSymbols(c.doc, c.article),
  semanticTokens: (c) => getSemanticTokenData(c.doc, c.article),
  hover: (c, p) => getHover(c.article, p.offset, c.kb),
  definition: (c, p) => getDefinition(c.article, p.offset, c.kb),
  references: (c, p) => getReferences(c.doc, c.article, p.offset, p.includeDeclaration, c.kb),
  codeActions: (c, p) => getCodeActions(c.doc, c.article, p.range, p.diagnostics),
};

/**
 * Views of the whole version, with no parameters: computed once per version and kept with its analysis
 * (the server's cache entry), whichever thread computed them.
 */
export const VIEWS: ReadonlySet<QueryName> = new Set<QueryName>(['documentSymbols', 'semanticTokens']);

export function runQuery<N extends QueryName>(name: N, context: QueryContext, params: QueryParams<N>): QueryAnswer<N> {
  return QUERIES[name](context, params);
}
