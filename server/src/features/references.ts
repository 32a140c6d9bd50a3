/** References: every mention in the document of the entity under the cursor. */
import type { Location } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { KnowledgeBase } from '../core';
import type { ReviewedArticle } from '../core/review';
import { toRange } from '../convert';
import { mentionAt, sameEntity } from './lookup';

export function getReferences(doc: TextDocument, article: ReviewedArticle, offset: number, includeDeclaration: boolean, kb: KnowledgeBase): Location[] {
  const mention = mentionAt(article, offset);
  if (!mention) return [];
  const locations = article.model.entities.filter((e) => sameEntity(e, mention)).map((e) => ({ uri: doc.uri, range: toRange(doc, e) }));
  const definition = includeDeclaration && mention.id ? kb.location(mention.id) : undefined;
  if (definition) {
    const p = { line: definition.line, character: definition.character };
    locations.unshift({ uri: definition.uri, range: { start: p, end: p } });
  }
  return locations;
}
