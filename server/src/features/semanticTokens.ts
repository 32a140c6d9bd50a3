/** Semantic tokens: entities coloured by kind, quotations as strings. The legend is declared once here. */
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReviewedArticle } from '../core/review';

export const TOKEN_TYPES = ['person', 'country', 'organization', 'place', 'event', 'entity', 'quote'] as const;
export const TOKEN_MODIFIERS = ['unknown', 'unattributed'] as const;
export const legend: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

interface Token { start: number; end: number; type: number; modifiers: number }

export function getSemanticTokens(doc: TextDocument, article: ReviewedArticle): SemanticTokens {
  const entities: Token[] = article.model.entities.map((e) => {
    const type = TOKEN_TYPES.indexOf(e.kind as (typeof TOKEN_TYPES)[number]);
    return { start: e.start, end: e.end, type: type >= 0 ? type : TOKEN_TYPES.indexOf('entity'), modifiers: e.id ? 0 : 1 };
  });
  const quotes = article.model.quotes.filter((q) => q.kind !== 'scare').flatMap((q) =>
    cutAround({ start: q.start, end: q.end, type: TOKEN_TYPES.indexOf('quote'), modifiers: q.speaker ? 0 : 2 }, entities));
  const tokens = [...entities, ...quotes].sort((a, b) => a.start - b.start || b.end - a.end);
  const builder = new SemanticTokensBuilder();
  let covered = 0;
  for (const t of tokens) {
    if (t.start < covered) continue; // tokens may not overlap
    pushLines(doc, builder, t.start, t.end, t.type, t.modifiers);
    covered = t.end;
  }
  return builder.build();
}

/** The parts of a quote token not covered by entity tokens, so names inside quotes keep their colour. */
function cutAround(quote: Token, entities: readonly Token[]): Token[] {
  const parts: Token[] = [];
  let cursor = quote.start;
  for (const e of entities) {
    if (e.end <= cursor || e.start >= quote.end) continue;
    if (e.start > cursor) parts.push({ ...quote, start: cursor, end: e.start });
    cursor = Math.max(cursor, e.end);
  }
  if (cursor < quote.end) parts.push({ ...quote, start: cursor, end: quote.end });
  return parts;
}

/** Semantic tokens are single-line: split a span at line breaks. */
function pushLines(doc: TextDocument, builder: SemanticTokensBuilder, start: number, end: number, type: number, modifiers: number): void {
  const from = doc.positionAt(start);
  const to = doc.positionAt(end);
  for (let line = from.line; line <= to.line; line++) {
    const startChar = line === from.line ? from.character : 0;
    const endOffset = line === to.line ? end : doc.offsetAt({ line: line + 1, character: 0 }) - 1;
    const length = endOffset - doc.offsetAt({ line, character: startChar });
    if (length > 0) builder.push(line, startChar, length, type, modifiers);
  }
}
