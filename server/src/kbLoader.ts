/**
 * Reads knowledge-base JSON files from disk into a KnowledgeBase, recording where each entity is
 * defined (for go-to-definition) and every problem found (for diagnostics on the KB file). A broken
 * file never stops the others from loading.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findNodeAtLocation, parseTree, printParseErrorCode, visit, type Node, type ParseError } from 'jsonc-parser';
import { KnowledgeBase, type KbEntry } from './core/kb/knowledgeBase';
import { readRegularFile } from './regularFile';
import type { KbEntity, KbLocation } from './core/kb/types';

export interface KbProblem {
  readonly uri: string;
  readonly offset: number;
  readonly length: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export interface KbSource {
  readonly uri: string;
  readonly text: string;
  /** The file the text was read from, if it was (not an editor's unsaved text): read again for F12 (`EntityPositions`). */
  readonly file?: string;
}

export interface LoadedKb {
  readonly kb: KnowledgeBase;
  readonly problems: readonly KbProblem[];
  readonly files: readonly string[];
}

const KINDS = new Set(['person', 'country', 'organization', 'place', 'event']);

/** The built-in KB: `seeds/kb` next to the bundle (dist/..) or the compiled tree (out/server/src/../../..). */
export function builtInKbDir(): string {
  const candidates = [path.resolve(__dirname, '..', 'seeds', 'kb'), path.resolve(__dirname, '..', '..', '..', 'seeds', 'kb')];
  return candidates.find((dir) => fs.existsSync(dir)) ?? candidates[0];
}

export function listKbFiles(dir: string): string[] {
  try {
    return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

/** Loads built-in files first, then user files; a user entity with the same id replaces the built-in one. */
export function loadKnowledgeBase(builtIn: readonly string[], user: readonly string[] = [], overrides: readonly KbSource[] = []): LoadedKb {
  const sources: KbSource[] = [];
  const problems: KbProblem[] = [];
  for (const file of [...builtIn, ...user]) {
    const uri = pathToFileURL(file).toString();
    const override = overrides.find((o) => o.uri === uri);
    if (override) sources.push(override);
    else {
      // Only a regular file is read: a FIFO named like a KB file (x.cis.json) would block the loader for good.
      const read = readRegularFile(file);
      if (read.kind === 'ok') sources.push({ uri, text: read.data.toString('utf8'), file });
      else {
        const why = read.kind === 'refused' ? `${file} ${read.message}` : read.error.message;
        problems.push({ uri, offset: 0, length: 0, message: `Cannot read knowledge-base file: ${why}`, severity: 'error' });
      }
    }
  }
  return buildKnowledgeBase(sources, problems, builtIn.length);
}

export function buildKnowledgeBase(sources: readonly KbSource[], problems: KbProblem[] = [], builtInCount = sources.length): LoadedKb {
  const entries = new Map<string, KbEntry>();
  sources.forEach((source, index) => {
    for (const entry of parseKbSource(source, problems)) {
      const existing = entries.get(entry.entity.id);
      if (existing && existing.location?.uri === source.uri) {
        problems.push(problemAt(source, entry.location!.offset, 2, `Duplicate id "${entry.entity.id}" in this file.`));
        continue;
      }
      if (existing && index < builtInCount && existing.location && sources.findIndex((s) => s.uri === existing.location!.uri) < builtInCount) {
        problems.push(problemAt(source, entry.location!.offset, 2, `Duplicate id "${entry.entity.id}" (also defined in ${existing.location.uri}).`));
      }
      entries.set(entry.entity.id, entry);
    }
  });
  checkAliasConflicts([...entries.values()], sources, problems);
  return { kb: new KnowledgeBase([...entries.values()]), problems, files: sources.map((s) => s.uri) };
}

/**
 * A well-formed file (every built-in one) is read with `JSON.parse`, the fastest reader there is, and where
 * each entity stands is worked out only when first asked (F12, a problem to report), in one pass over the
 * file for all its entities. A file with comments, trailing commas or syntax errors goes through the
 * tolerant tree parser, which reports each error where it is. Both are linear in the file's length.
 */
function parseKbSource(source: KbSource, problems: KbProblem[]): KbEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(source.text);
  } catch {
    return parseKbTree(source, problems);
  }
  const list = value !== null && typeof value === 'object' ? (value as { entities?: unknown }).entities : undefined;
  if (!Array.isArray(list)) return parseKbTree(source, problems);
  const positions = new EntityPositions(source.file === undefined ? keptText(source.text) : readAgain(source.file, source.text.length));
  const entries: KbEntry[] = [];
  list.forEach((entity: KbEntity, index) => {
    const problem = validateEntity(entity);
    if (problem) problems.push(problemAt(source, positions.at(index).offset, 1, problem));
    else entries.push({ entity, location: new LazyLocation(source.uri, positions, index) });
  });
  return entries;
}

/**
 * Where each entity of a file starts (its "id" key, else its opening brace): one pass, on first use, over the
 * file's text, which a file read from disk reads again then instead of keeping (`readAgain`).
 */
class EntityPositions {
  private positions: { offset: number; line: number; character: number }[] | undefined;
  constructor(private readonly text: () => string | undefined) {}

  at(index: number): { offset: number; line: number; character: number } {
    this.positions ??= entityPositions(this.text() ?? '');
    return this.positions[index] ?? { offset: 0, line: 0, character: 0 };
  }
}

function keptText(text: string): () => string {
  return () => text;
}

/**
 * The file's text read again, if it is still the one loaded (the same length), else undefined (F12 then goes to
 * the top of the file rather than to a guessed line). Kept instead, the built-in files' texts were 3.4 MB of the
 * server's heap for its whole life (generated-cities.json is 1.8 MB of UTF-8 and a string of two bytes a
 * character), for F12 only. A function of its own, so the closure holds the path and the length, not the text.
 */
function readAgain(file: string, length: number): () => string | undefined {
  return () => {
    const read = readRegularFile(file);
    const text = read.kind === 'ok' ? read.data.toString('utf8') : undefined;
    return text?.length === length ? text : undefined;
  };
}

function entityPositions(text: string): { offset: number; line: number; character: number }[] {
  const found: { offset: number; line: number; character: number }[] = [];
  const hasId: boolean[] = [];
  visit(text, {
    onObjectBegin(offset, _length, line, character, path) {
      const p = path();
      if (p.length === 2 && p[0] === 'entities' && typeof p[1] === 'number') found[p[1]] = { offset, line, character };
    },
    onObjectProperty(property, offset, _length, line, character, path) {
      if (property !== 'id') return;
      const p = path();
      if (p.length === 2 && p[0] === 'entities' && typeof p[1] === 'number' && !hasId[p[1]]) {
        hasId[p[1]] = true;
        found[p[1]] = { offset, line, character };
      }
    },
  }, { allowTrailingComma: true });
  return found;
}

/** A `KbLocation` whose line and offset are looked up when first read. */
class LazyLocation implements KbLocation {
  constructor(readonly uri: string, private readonly positions: EntityPositions, private readonly index: number) {}
  get line(): number {
    return this.positions.at(this.index).line;
  }
  get character(): number {
    return this.positions.at(this.index).character;
  }
  get offset(): number {
    return this.positions.at(this.index).offset;
  }
}

function parseKbTree(source: KbSource, problems: KbProblem[]): KbEntry[] {
  const errors: ParseError[] = [];
  const root = parseTree(source.text, errors, { allowTrailingComma: true });
  for (const e of errors) problems.push(problemAt(source, e.offset, e.length, `JSON syntax error: ${printParseErrorCode(e.error)}.`));
  if (!root) return [];
  const list = findNodeAtLocation(root, ['entities']);
  if (!list || list.type !== 'array') {
    problems.push(problemAt(source, root.offset, 1, 'A knowledge-base file must be an object with an "entities" array.'));
    return [];
  }
  const lines = lineStarts(source.text);
  const entries: KbEntry[] = [];
  for (const node of list.children ?? []) {
    const entity = nodeValue(node) as KbEntity;
    const problem = validateEntity(entity);
    if (problem) {
      problems.push(problemAt(source, node.offset, 1, problem));
      continue;
    }
    const idNode = findNodeAtLocation(node, ['id']);
    entries.push({ entity, location: locationOf(source.uri, lines, idNode?.parent?.offset ?? node.offset) });
  }
  return entries;
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [p.children![0].value, p.children![1] ? nodeValue(p.children![1]) : undefined]));
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

/** The checks a broken entity must pass before it can be used; the JSON Schema says the same for editors. */
export function validateEntity(e: Partial<KbEntity> | null): string | undefined {
  if (!e || typeof e !== 'object') return 'Each entity must be an object.';
  if (typeof e.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(e.id)) return 'Entity "id" must be a lower-case kebab-case string.';
  if (!e.kind || !KINDS.has(e.kind)) return `Entity "${e.id}": "kind" must be one of ${[...KINDS].join(', ')}.`;
  if (typeof e.name !== 'string' || !e.name.trim()) return `Entity "${e.id}": "name" is required.`;
  if (e.wikidata !== null && (typeof e.wikidata !== 'string' || !/^Q[1-9]\d*$/.test(e.wikidata))) {
    return `Entity "${e.id}": "wikidata" must be a QID such as "Q159", or null when no source has confirmed one yet.`;
  }
  if (!Array.isArray(e.sources) || e.sources.length === 0) return `Entity "${e.id}": at least one source URL is required.`;
  if (e.aliases !== undefined && (!Array.isArray(e.aliases) || e.aliases.some((a) => typeof a !== 'string'))) return `Entity "${e.id}": "aliases" must be a list of strings.`;
  for (const role of e.roles ?? []) {
    if (role.start && role.end && role.end < role.start) return `Entity "${e.id}": role "${role.title}" ends (${role.end}) before it starts (${role.start}).`;
  }
  return undefined;
}

function checkAliasConflicts(entries: readonly KbEntry[], sources: readonly KbSource[], problems: KbProblem[]): void {
  const ownersByKind = new Map<string, Map<string, KbEntry>>(); // kind -> alias -> entity (no key strings built)
  for (const entry of entries) {
    let owners = ownersByKind.get(entry.entity.kind);
    if (owners === undefined) ownersByKind.set(entry.entity.kind, (owners = new Map()));
    for (const alias of entry.entity.aliases ?? []) {
      const key = alias;
      const owner = owners.get(key);
      // People may share a surname alias ("Aliyev"): the linker decides between them by context or leaves
      // the mention ambiguous, so only other clashes are worth a warning (scripts/validate-kb.mjs agrees).
      if (owner && owner.entity.id !== entry.entity.id && !isSharedSurname(alias, owner.entity, entry.entity)) {
        const source = sources.find((s) => s.uri === entry.location?.uri);
        if (source) problems.push(problemAt(source, entry.location!.offset, 2, `Alias "${alias}" is claimed by both "${owner.entity.id}" and "${entry.entity.id}" (both ${entry.entity.kind}).`, 'warning'));
      } else owners.set(key, entry);
    }
  }
}

function isSharedSurname(alias: string, a: KbEntry['entity'], b: KbEntry['entity']): boolean {
  return a.kind === 'person' && b.kind === 'person' && alias !== a.name && alias !== b.name;
}

/** Offsets where each line starts, for turning offsets into lines by binary search. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function locationOf(uri: string, lines: readonly number[], offset: number): KbLocation {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { uri, line: low, character: offset - lines[low], offset };
}

function problemAt(source: KbSource, offset: number, length: number, message: string, severity: KbProblem['severity'] = 'error'): KbProblem {
  return { uri: source.uri, offset, length, message, severity };
}
