/** Workspace symbols: knowledge-base entities whose name or alias contains the query. */
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver/node';
import type { KnowledgeBase } from '../core';

const KIND_SYMBOL: Record<string, SymbolKind> = {
  person: SymbolKind.Class, country: SymbolKind.Namespace, organization: SymbolKind.Module, place: SymbolKind.Enum, event: SymbolKind.Event,
};
const LIMIT = 200;

export function getWorkspaceSymbols(kb: KnowledgeBase, query: string): SymbolInformation[] {
  const q = query.trim().toLowerCase();
  const results: SymbolInformation[] = [];
  for (const { entity, location } of kb.entities()) {
    if (!location) continue;
    const names = [entity.name, ...(entity.aliases ?? [])];
    if (q && !names.some((n) => n.toLowerCase().includes(q))) continue;
    const p = { line: location.line, character: location.character };
    results.push({ name: entity.name, kind: KIND_SYMBOL[entity.kind] ?? SymbolKind.Object, containerName: entity.kind, location: { uri: location.uri, range: { start: p, end: p } } });
    if (results.length >= LIMIT) break;
  }
  return results;
}
