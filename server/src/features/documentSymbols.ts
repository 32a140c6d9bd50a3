/** The Outline: People, Countries, Organizations, Places, Events (each with its mentions), Quotes by speaker, Claims to check, Notes. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EntityMention, Span } from '../core';
import type { ReviewedArticle } from '../core/review';
import { toRange } from '../convert';

const GROUPS: { kind: EntityMention['kind']; label: string; symbol: SymbolKind }[] = [
  { kind: 'person', label: 'People', symbol: SymbolKind.Class },
  { kind: 'country', label: 'Countries', symbol: SymbolKind.Namespace },
  { kind: 'organization', label: 'Organizations', symbol: SymbolKind.Module },
  { kind: 'place', label: 'Places', symbol: SymbolKind.Enum },
  { kind: 'event', label: 'Events', symbol: SymbolKind.Event },
  { kind: 'other', label: 'Other names', symbol: SymbolKind.Field },
];

export function getDocumentSymbols(doc: TextDocument, article: ReviewedArticle): DocumentSymbol[] {
  const { model } = article;
  const symbols: DocumentSymbol[] = [];
  for (const group of GROUPS) {
    const byEntity = groupBy(model.entities.filter((e) => e.kind === group.kind), (e) => e.id ?? `?${e.name}`);
    const children = [...byEntity.values()].map((mentions) =>
      node(doc, mentions[0].name, group.symbol, mentions, `${mentions.length} mention${mentions.length === 1 ? '' : 's'}${mentions[0].id ? '' : ' · not in KB'}`,
        mentions.map((m) => node(doc, m.text, SymbolKind.Key, [m], m.via))),
    );
    if (children.length) symbols.push(node(doc, group.label, group.symbol, children.map((c) => c.range).map(rangeSpan(doc)), `${children.length}`, children));
  }
  const quotes = model.quotes.filter((q) => q.kind !== 'scare');
  if (quotes.length) {
    const bySpeaker = groupBy(quotes, (q) => q.speaker?.name ?? '(no speaker)');
    const children = [...bySpeaker.entries()].map(([speaker, qs]) =>
      node(doc, speaker, SymbolKind.Class, qs, `${qs.length} quote${qs.length === 1 ? '' : 's'}`, qs.map((q) => node(doc, clip(q.text), SymbolKind.String, [q], q.kind))),
    );
    symbols.push(node(doc, 'Quotes', SymbolKind.String, quotes, `${quotes.length}`, children));
  }
  const toCheck = model.diagnostics.filter((d) => d.code !== 'unattributed-quote');
  if (toCheck.length) {
    symbols.push(node(doc, 'Claims to check', SymbolKind.Boolean, toCheck, `${toCheck.length}`,
      toCheck.map((d) => node(doc, clip(model.text.slice(d.start, d.end) || d.message), SymbolKind.Boolean, [d], d.code))));
  }
  if (article.entries.length) {
    const first = { start: 0, end: Math.min(model.text.length, 1) };
    symbols.push(node(doc, 'Notes', SymbolKind.File, article.entries.map((e) => e.span ?? first), `${article.entries.length}`,
      article.entries.map((e) => node(doc, clip(e.label), SymbolKind.File, [e.span ?? first], e.span ? e.status : 'orphaned: text not found'))));
  }
  return symbols;
}

function node(doc: TextDocument, name: string, kind: SymbolKind, spans: readonly Span[], detail: string, children?: DocumentSymbol[]): DocumentSymbol {
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  return { name: name || '(empty)', kind, detail, range: toRange(doc, { start, end }), selectionRange: toRange(doc, spans[0]), children };
}

function rangeSpan(doc: TextDocument) {
  return (r: { start: { line: number; character: number }; end: { line: number; character: number } }): Span => ({ start: doc.offsetAt(r.start), end: doc.offsetAt(r.end) });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    map.set(k, [...(map.get(k) ?? []), item]);
  }
  return map;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}
