/** The "Add to knowledge base" fix: a workspace edit that adds an entity stub to `.cis/entities.cis.json`. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, modify } from 'jsonc-parser';
import type { WorkspaceEdit } from 'vscode-languageserver/node';
import type { KnowledgeBase } from './core';

export const USER_KB_RELATIVE = path.join('.cis', 'entities.cis.json');

export interface StubRequest {
  readonly name: string;
  readonly kind: string;
}

export function stubId(name: string, kb: KnowledgeBase): string {
  const base = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'entity';
  let id = base;
  for (let n = 2; kb.get(id); n++) id = `${base}-${n}`;
  return id;
}

/** Returns the edit and the file it touches; the file is created when missing. */
export function addEntityStubEdit(root: string, request: StubRequest, kb: KnowledgeBase): { edit: WorkspaceEdit; uri: string; id: string } {
  const file = path.join(root, USER_KB_RELATIVE);
  const uri = pathToFileURL(file).toString();
  const id = stubId(request.name, kb);
  const kind = ['person', 'country', 'organization', 'place', 'event'].includes(request.kind) ? request.kind : 'organization';
  const stub = { id, kind, name: request.name, aliases: [], wikidata: null, description: 'TODO: one-line description', sources: ['https://'] };
  let existing: string | undefined;
  try {
    existing = fs.readFileSync(file, 'utf8');
  } catch {
    existing = undefined;
  }
  if (existing === undefined) {
    const text = JSON.stringify({ $schema: 'https://cis-lens.invalid/cis-kb.schema.json', entities: [stub] }, null, 2) + '\n';
    return {
      id,
      uri,
      edit: { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits: [{ range: zeroRange(), newText: text }] }] },
    };
  }
  const edits = modify(existing, ['entities', -1], stub, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  const updated = applyEdits(existing, edits);
  const end = positionAtEnd(existing);
  return { id, uri, edit: { documentChanges: [{ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end }, newText: updated }] }] } };
}

function zeroRange() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function positionAtEnd(text: string) {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
