/** Go to definition: from a mention to the entity's object in whichever KB file defines it. */
import type { Location } from 'vscode-languageserver/node';
import type { KnowledgeBase } from '../core';
import type { ReviewedArticle } from '../core/review';
import { mentionAt } from './lookup';

export function getDefinition(article: ReviewedArticle, offset: number, kb: KnowledgeBase): Location | null {
  const mention = mentionAt(article, offset);
  const location = mention?.id ? kb.location(mention.id) : undefined;
  if (!location) return null;
  const position = { line: location.line, character: location.character };
  return { uri: location.uri, range: { start: position, end: position } };
}
