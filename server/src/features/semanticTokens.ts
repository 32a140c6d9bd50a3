/**
 * Semantic tokens: entities coloured by kind, quotations as strings. The legend is declared once here.
 * `getSemanticTokenData` builds the encoded list once per document version (the server caches it with the
 * analysis); `tokenEdits` turns the previous list into the next as one edit, for `full/delta` requests.
 */
import type { SemanticTokensEdit, SemanticTokensLegend } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReviewedArticle } from '../core/review';

export const TOKEN_TYPES = ['person', 'country', 'organization', 'place', 'event', 'entity', 'quote'] as const;
export const TOKEN_MODIFIERS = ['unknown', 'unattributed'] as const;
export const legend: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const QUOTE = TOKEN_TYPES.indexOf('quote');
const ENTITY = TOKEN_TYPES.indexOf('entity');

interface Token { start: number; end: number; type: number; modifiers: number }

/** The encoded tokens (five numbers each, relative to the previous token) of the whole document. */
export function getSemanticTokenData(doc: TextDocument, article: ReviewedArticle): number[] {
  const entities: Token[] = article.model.entities.map((e) => {
    const type = TOKEN_TYPES.indexOf(e.kind as (typeof TOKEN_TYPES)[number]);
    return { start: e.start, end: e.end, type: type >= 0 ? type : ENTITY, modifiers: e.id ? 0 : 1 };
  });
  const quotes: Token[] = [];
  let first = 0; // entities and quotes are both in text order: one forward walk finds the entities inside each quote
  for (const q of article.model.quotes) {
    if (q.kind === 'scare') continue;
    while (first < entities.length && entities[first].end <= q.start) first++;
    cutAround({ start: q.start, end: q.end, type: QUOTE, modifiers: q.speaker ? 0 : 2 }, entities, first, quotes);
  }
  const tokens = entities.concat(quotes).sort((a, b) => a.start - b.start || b.end - a.end);
  const text = doc.getText();
  const lineStarts = lineStartsOf(text);
  const data: number[] = [];
  let covered = 0;
  let line = 0; // the line of the previous token: tokens come in text order, so lines are found by walking forward
  let character = 0;
  let l = 0;
  for (const t of tokens) {
    if (t.start < covered) continue; // tokens may not overlap
    covered = t.end;
    while (l + 1 < lineStarts.length && lineStarts[l + 1] <= t.start) l++;
    // Semantic tokens are single-line: a span is cut at line breaks.
    for (let from = t.start; from < t.end; l++, from = lineStarts[l]) {
      const startChar = from - lineStarts[l];
      const end = l + 1 < lineStarts.length ? Math.min(t.end, lineEnd(text, lineStarts[l + 1])) : t.end;
      if (end > from) {
        data.push(l - line, l === line ? startChar - character : startChar, end - from, t.type, t.modifiers);
        line = l;
        character = startChar;
      }
      if (l + 1 >= lineStarts.length || lineStarts[l + 1] >= t.end) break;
    }
  }
  return data;
}

/** Where each line starts (after \n, \r\n or a lone \r, as LSP counts lines). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'), r = text.indexOf('\r'); i >= 0 || r >= 0;) {
    if (r >= 0 && (i < 0 || r < i)) {
      const next = text.charCodeAt(r + 1) === 10 ? r + 2 : r + 1;
      starts.push(next);
      if (next === r + 2) i = text.indexOf('\n', next);
      r = text.indexOf('\r', next);
    } else {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
  }
  return starts;
}

/** The end of the line whose next line starts at `nextStart` (before its \n, \r\n or \r). */
function lineEnd(text: string, nextStart: number): number {
  let end = nextStart - 1;
  if (end > 0 && text.charCodeAt(end) === 10 && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** The parts of a quote token not covered by entity tokens (from index `first` on), so names inside quotes keep their colour. */
function cutAround(quote: Token, entities: readonly Token[], first: number, out: Token[]): void {
  let cursor = quote.start;
  for (let i = first; i < entities.length && entities[i].start < quote.end; i++) {
    const e = entities[i];
    if (e.end <= cursor) continue;
    if (e.start > cursor) out.push({ ...quote, start: cursor, end: e.start });
    cursor = Math.max(cursor, e.end);
  }
  if (cursor < quote.end) out.push({ ...quote, start: cursor, end: quote.end });
}

/**
 * The edits that turn `previous` into `next`: none when equal, else one edit replacing what lies between
 * their common beginning and common end. Tokens are five numbers, and an edit keeps whole tokens, which
 * is what clients apply most cheaply; a keystroke usually changes a few tokens near the cursor.
 */
export function tokenEdits(previous: readonly number[], next: readonly number[]): SemanticTokensEdit[] {
  const shorter = Math.min(previous.length, next.length);
  let head = 0;
  while (head < shorter && previous[head] === next[head]) head++;
  if (head === previous.length && head === next.length) return [];
  head -= head % 5;
  let tail = 0;
  while (tail < shorter - head && previous[previous.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  tail -= tail % 5;
  return [{ start: head, deleteCount: previous.length - head - tail, data: next.slice(head, next.length - tail) }];
}
