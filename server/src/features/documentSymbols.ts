/**
 * The Outline, readable at any length: People, Countries, Organizations, Places, Events and Other names in
 * that order, one row per entity (its mention count and kind; the mentions themselves are one Shift+F12
 * away), then Quotes grouped by speaker, Claims to check grouped by rule, and the reviewer's Notes.
 * A long list under one row shows its first rows and a last row saying how many more there are, so a
 * 1 MB article's Outline stays a few hundred rows (and its reply a few hundred kilobytes, not megabytes).
 */
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

/** Rows listed under one quote speaker, rule or group of notes before a "… more" row. */
export const MAX_CHILD_ROWS = 100;

export function getDocumentSymbols(doc: TextDocument, article: ReviewedArticle): DocumentSymbol[] {
  const { model } = article;
  const symbols: DocumentSymbol[] = [];
  const byKind = groupBy(model.entities, (e) => e.kind);
  for (const group of GROUPS) {
    const mentions = byKind.get(group.kind);
    if (!mentions) continue;
    const rows = [...groupBy(mentions, entityKey).values()].map((ms) => entityRow(doc, ms, group.symbol));
    symbols.push(parent(group.label, group.symbol, `${rows.length}`, rows));
  }
  const quotes = model.quotes.filter((q) => q.kind !== 'scare');
  if (quotes.length) {
    const speakers = [...groupBy(quotes, (q) => q.speaker?.name ?? '(no speaker)').entries()].map(([speaker, qs]) =>
      parent(speaker, SymbolKind.Class, count(qs.length, 'quote'), capped(doc, qs, (q) => leaf(doc, clip(q.text), SymbolKind.String, q, q.kind))));
    symbols.push(parent('Quotes', SymbolKind.String, `${quotes.length}`, speakers));
  }
  const toCheck = model.diagnostics.filter((d) => d.code !== 'unattributed-quote');
  if (toCheck.length) {
    const rules = [...groupBy(toCheck, (d) => d.code).entries()].map(([code, ds]) =>
      parent(code, SymbolKind.Boolean, `${ds.length}`, capped(doc, ds, (d) => leaf(doc, clip(model.text.slice(d.start, d.end) || d.message), SymbolKind.Boolean, d, d.message))));
    symbols.push(parent('Claims to check', SymbolKind.Boolean, `${toCheck.length}`, rules));
  }
  if (article.entries.length) {
    const first = { start: 0, end: Math.min(model.text.length, 1) };
    const notes = capped(doc, article.entries.map((e) => ({ entry: e, start: (e.span ?? first).start, end: (e.span ?? first).end })),
      ({ entry, start, end }) => leaf(doc, clip(entry.label), SymbolKind.File, { start, end }, entry.span ? entry.status : 'orphaned: text not found'));
    symbols.push(parent('Notes', SymbolKind.File, `${article.entries.length}`, notes));
  }
  return symbols;
}

/** Mentions of one entity: the same KB id, or the same name for names the KB does not know (as references count them). */
function entityKey(e: EntityMention): string {
  return e.id ?? `?${e.name}`;
}

/** One entity: its name, "kind · N mentions", at its first mention (Shift+F12 there lists the rest). */
function entityRow(doc: TextDocument, mentions: readonly EntityMention[], symbol: SymbolKind): DocumentSymbol {
  const first = mentions[0];
  const detail = `${first.kind} · ${count(mentions.length, 'mention')}${first.id ? '' : ' · not in KB'}`;
  return leaf(doc, first.name, symbol, first, detail);
}

function leaf(doc: TextDocument, name: string, kind: SymbolKind, span: Span, detail: string): DocumentSymbol {
  const range = toRange(doc, span);
  return { name: name || '(empty)', kind, detail, range, selectionRange: range };
}

/** A row over `children` (never empty): its range runs from the first child's start to the furthest end. */
function parent(name: string, kind: SymbolKind, detail: string, children: DocumentSymbol[]): DocumentSymbol {
  let start = children[0].range.start;
  let end = children[0].range.end;
  for (const c of children) {
    if (before(c.range.start, start)) start = c.range.start;
    if (before(end, c.range.end)) end = c.range.end;
  }
  return { name: name || '(empty)', kind, detail, range: { start, end }, selectionRange: children[0].selectionRange, children };
}

/** Rows for the first MAX_CHILD_ROWS items, then one row saying how many more there are and where the next one is. */
function capped<T extends Span>(doc: TextDocument, items: readonly T[], row: (item: T) => DocumentSymbol): DocumentSymbol[] {
  const shown = items.slice(0, MAX_CHILD_ROWS).map(row);
  if (items.length <= MAX_CHILD_ROWS) return shown;
  const next = items[MAX_CHILD_ROWS];
  let end = next.end;
  for (let i = MAX_CHILD_ROWS; i < items.length; i++) end = Math.max(end, items[i].end);
  const range = toRange(doc, { start: next.start, end });
  shown.push({ name: `… ${(items.length - MAX_CHILD_ROWS).toLocaleString('en-US')} more`, kind: SymbolKind.Null, detail: `from line ${range.start.line + 1}`, range, selectionRange: toRange(doc, next) });
  return shown;
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/** Items by key, keys in first-seen order; each list grows in place (linear in the number of items). */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}
