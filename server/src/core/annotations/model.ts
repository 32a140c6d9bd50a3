/**
 * Reviewer annotations in the W3C Web Annotation data model (https://www.w3.org/TR/annotation-model/).
 *
 * File layout (`<article>.annotations.json`). The Web Annotation model puts `items` on an AnnotationPage,
 * never directly on an AnnotationCollection, so the file is a collection whose first (and only) page is
 * embedded. Every W3C reader understands that shape:
 *
 * ```json
 * { "@context": "http://www.w3.org/ns/anno.jsonld",
 *   "id": "urn:uuid:…", "type": "AnnotationCollection", "label": "CIS Lens review",
 *   "generator": { "type": "Software", "name": "cis-lens" }, "total": 1,
 *   "first": { "id": "urn:uuid:…#page1", "type": "AnnotationPage", "startIndex": 0, "items": [ … ] } }
 * ```
 *
 * The parser also reads `items` placed on the collection itself, a bare AnnotationPage, a bare array of
 * annotations and a single annotation; writing always produces the layout above.
 *
 * Each annotation carries a `cisLens` object: the typed view the rest of CIS Lens reads. The W3C fields say the
 * same thing for other tools (JSON-LD processors drop the unmapped `cisLens` key):
 * - status: `motivation` (`assessing` for verdicts, `commenting` for notes, `identifying` for speakers) plus an
 *   `assessing` TextualBody whose value is the verdict;
 * - note: a `commenting` TextualBody;
 * - source: a `linking` body (a SpecificResource for a URL, a TextualBody otherwise). The W3C vocabulary has
 *   no "citing" motivation, and `linking` is the standard term for "a resource related to the target";
 * - rule: a `tagging` TextualBody holding the diagnostic code;
 * - speaker: an `identifying` TextualBody with the name, plus an `identifying` SpecificResource
 *   `urn:cis-lens:entity:<kb id>` when the speaker is in the knowledge base;
 * - author: `creator` (a Person).
 * When a file has both, `cisLens` wins; an annotation written by another tool (no `cisLens`) gets its view
 * rebuilt from the W3C fields.
 *
 * Pure: no IO. `parseAnnotationFile` never throws.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Span } from '../types';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const GENERATOR_NAME = 'cis-lens';
export const ENTITY_IRI_PREFIX = 'urn:cis-lens:entity:';
/** Characters of context kept on each side of the annotated text. */
export const CONTEXT_LENGTH = 32;

export type AnnotationStatus = 'verified' | 'disputed' | 'false' | 'ignored' | 'note' | 'speaker';
export const ANNOTATION_STATUSES: readonly AnnotationStatus[] = ['verified', 'disputed', 'false', 'ignored', 'note', 'speaker'];
/** Statuses that are verdicts (motivation `assessing`). */
export const VERDICT_STATUSES: readonly AnnotationStatus[] = ['verified', 'disputed', 'false', 'ignored'];

export type AnnotationMotivation = 'assessing' | 'commenting' | 'identifying';

export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix?: string;
  readonly suffix?: string;
}

export interface TextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector | { readonly type: string; readonly [key: string]: unknown };

export interface AnnotationTarget {
  /** The article: its file name (a relative IRI, resolved against the annotation file) or an absolute URI. */
  readonly source: string;
  readonly selector: readonly Selector[];
  readonly [extension: string]: unknown;
}

export interface TextualBody {
  readonly type: 'TextualBody';
  readonly value: string;
  readonly purpose?: string;
  readonly format?: string;
  readonly [extension: string]: unknown;
}

export interface SpecificResourceBody {
  readonly type: 'SpecificResource';
  readonly source: string;
  readonly purpose?: string;
  readonly [extension: string]: unknown;
}

export type AnnotationBody = TextualBody | SpecificResourceBody | { readonly [key: string]: unknown };

export interface SpeakerRef {
  /** Knowledge-base id, or null for a person the knowledge base does not know. */
  readonly id: string | null;
  readonly name: string;
}

/** The typed view of an annotation. */
export interface CisLensView {
  readonly status: AnnotationStatus;
  /** Diagnostic code the annotation answers (`quote.unattributed`, …). */
  readonly rule?: string;
  readonly speaker?: SpeakerRef;
  /** URL or citation backing the verdict. */
  readonly source?: string;
  readonly note?: string;
  readonly author?: string;
}

export interface Annotation {
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: AnnotationMotivation | (string & {});
  readonly created?: string;
  readonly modified?: string;
  readonly creator?: { readonly type: 'Person'; readonly name: string; readonly [key: string]: unknown };
  readonly generator?: unknown;
  readonly body: readonly AnnotationBody[];
  readonly target: AnnotationTarget;
  readonly cisLens: CisLensView;
  /** Fields CIS Lens does not know are kept as they are. */
  readonly [extension: string]: unknown;
}

/** What a caller states when creating or editing an annotation. */
export interface AnnotationFields {
  readonly status: AnnotationStatus;
  readonly note?: string;
  readonly source?: string;
  readonly rule?: string;
  readonly speaker?: SpeakerRef;
  readonly author?: string;
  /** target.source: the article's file name or URI. The store fills in the file name when this is empty. */
  readonly article?: string;
}

/** An annotation file in memory. */
export interface AnnotationFile {
  /** The collection's IRI (kept across saves). */
  readonly id: string;
  /** Annotations CIS Lens can read and anchor. */
  readonly annotations: readonly Annotation[];
  /** Items CIS Lens cannot use (no TextQuoteSelector, plain IRIs, …): written back untouched. */
  readonly foreign: readonly unknown[];
  /** Unknown fields of the collection object. */
  readonly extra: Readonly<Record<string, unknown>>;
  /** Unknown fields of the embedded page object. */
  readonly pageExtra: Readonly<Record<string, unknown>>;
}

export interface ParseFailure {
  readonly message: string;
  /** Offset (UTF-16 code units) into the file text, when the problem has a place. */
  readonly offset?: number;
}

export interface ParseWarning {
  readonly message: string;
  readonly offset?: number;
}

export type ParseResult =
  | { readonly ok: true; readonly file: AnnotationFile; readonly warnings: readonly ParseWarning[] }
  | { readonly ok: false; readonly error: ParseFailure };

// ---------------------------------------------------------------------------------------------- construction

export function motivationFor(status: AnnotationStatus): AnnotationMotivation {
  if (status === 'note') return 'commenting';
  if (status === 'speaker') return 'identifying';
  return 'assessing';
}

/** A random `urn:uuid:` IRI (UUID version 4). */
export function newAnnotationId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return `urn:uuid:${c.randomUUID()}`;
  const hex = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function isoTime(now: Date | string): string {
  return typeof now === 'string' ? new Date(now).toISOString() : now.toISOString();
}

/** Moves an offset off the second half of a surrogate pair (towards `dir`). */
export function snapToCodePoint(text: string, offset: number, dir: -1 | 1): number {
  if (offset <= 0 || offset >= text.length) return Math.max(0, Math.min(offset, text.length));
  const lo = text.charCodeAt(offset);
  const hi = text.charCodeAt(offset - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff) return offset + (dir < 0 ? -1 : 1);
  return offset;
}

/** The TextQuoteSelector and TextPositionSelector that describe `span` in `text`. */
export function selectorsFor(text: string, span: Span): [TextQuoteSelector, TextPositionSelector] {
  const before = snapToCodePoint(text, Math.max(0, span.start - CONTEXT_LENGTH), 1);
  const after = snapToCodePoint(text, Math.min(text.length, span.end + CONTEXT_LENGTH), -1);
  return [
    { type: 'TextQuoteSelector', exact: text.slice(span.start, span.end), prefix: text.slice(before, span.start), suffix: text.slice(span.end, after) },
    { type: 'TextPositionSelector', start: span.start, end: span.end },
  ];
}

const URL_LIKE = /^(?:https?:\/\/|urn:|doi:)\S+$/i;

/** The W3C bodies that say what `view` says. */
export function bodiesFor(view: CisLensView): AnnotationBody[] {
  const body: AnnotationBody[] = [];
  if (VERDICT_STATUSES.includes(view.status)) body.push({ type: 'TextualBody', purpose: 'assessing', value: view.status });
  if (view.note !== undefined && view.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: view.note, format: 'text/plain' });
  if (view.source !== undefined && view.source !== '') {
    body.push(URL_LIKE.test(view.source)
      ? { type: 'SpecificResource', purpose: 'linking', source: view.source }
      : { type: 'TextualBody', purpose: 'linking', value: view.source });
  }
  if (view.rule) body.push({ type: 'TextualBody', purpose: 'tagging', value: view.rule });
  if (view.speaker) {
    body.push({ type: 'TextualBody', purpose: 'identifying', value: view.speaker.name });
    if (view.speaker.id) body.push({ type: 'SpecificResource', purpose: 'identifying', source: ENTITY_IRI_PREFIX + encodeURIComponent(view.speaker.id) });
  }
  return body;
}

function viewOf(fields: AnnotationFields): CisLensView {
  const view: { -readonly [K in keyof CisLensView]: CisLensView[K] } = { status: fields.status };
  if (fields.rule) view.rule = fields.rule;
  if (fields.speaker) view.speaker = { id: fields.speaker.id, name: fields.speaker.name };
  if (fields.source) view.source = fields.source;
  if (fields.note) view.note = fields.note;
  if (fields.author) view.author = fields.author;
  return view;
}

/**
 * A new annotation on `span` of `text`. Throws a RangeError for an empty or out-of-range span (a caller bug:
 * there is nothing to annotate).
 */
export function createAnnotation(text: string, span: Span, fields: AnnotationFields, now: Date | string, id?: string): Annotation {
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start < span.end && span.end <= text.length)) {
    throw new RangeError(`Cannot annotate span ${span.start}..${span.end} of a ${text.length}-character text`);
  }
  const view = viewOf(fields);
  const time = isoTime(now);
  return {
    id: id ?? newAnnotationId(),
    type: 'Annotation',
    motivation: motivationFor(view.status),
    created: time,
    modified: time,
    ...(view.author ? { creator: { type: 'Person' as const, name: view.author } } : {}),
    generator: { type: 'Software', name: GENERATOR_NAME },
    body: bodiesFor(view),
    target: { source: fields.article ?? '', selector: selectorsFor(text, span) },
    cisLens: view,
  };
}

/** True for bodies CIS Lens writes (and rewrites on every edit). */
function isOwnBody(b: AnnotationBody): boolean {
  const purpose = (b as { purpose?: unknown }).purpose;
  const type = (b as { type?: unknown }).type;
  return (type === 'TextualBody' || type === 'SpecificResource')
    && (purpose === 'assessing' || purpose === 'commenting' || purpose === 'linking' || purpose === 'tagging' || purpose === 'identifying');
}

/**
 * The annotation with new fields (status, note, …), W3C fields rebuilt to match; other fields, bodies CIS Lens
 * did not write and `created` are kept. `article` is ignored here (the target does not move).
 */
export function updateAnnotation(annotation: Annotation, changes: Partial<Omit<AnnotationFields, 'article'>>, now: Date | string): Annotation {
  const merged: AnnotationFields = { ...annotation.cisLens, ...changes };
  const view = viewOf(merged);
  const { creator: _oldCreator, ...rest } = annotation;
  return {
    ...rest,
    motivation: motivationFor(view.status),
    modified: isoTime(now),
    ...(view.author ? { creator: { ...(annotation.creator ?? {}), type: 'Person' as const, name: view.author } } : {}),
    body: [...bodiesFor(view), ...annotation.body.filter((b) => !isOwnBody(b))],
    cisLens: view,
  };
}

/** The annotation re-pointed at `span` of the current text (position and context); `exact` is kept unless `updateExact`. */
export function retarget(text: string, annotation: Annotation, span: Span, updateExact = false): Annotation {
  const [quote, position] = selectorsFor(text, span);
  const old = quoteSelectorOf(annotation);
  const newQuote: TextQuoteSelector = updateExact || !old ? quote : { ...quote, exact: old.exact };
  const others = annotation.target.selector.filter((s) => s.type !== 'TextQuoteSelector' && s.type !== 'TextPositionSelector');
  return { ...annotation, target: { ...annotation.target, selector: [newQuote, position, ...others] } };
}

export function quoteSelectorOf(annotation: Annotation): TextQuoteSelector | undefined {
  return annotation.target.selector.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}

export function positionSelectorOf(annotation: Annotation): TextPositionSelector | undefined {
  return annotation.target.selector.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}

/** The annotated text as it was when last anchored. */
export function exactOf(annotation: Annotation): string {
  return quoteSelectorOf(annotation)?.exact ?? '';
}

// ---------------------------------------------------------------------------------------------- file level

export function createAnnotationFile(annotations: readonly Annotation[] = [], id: string = newAnnotationId()): AnnotationFile {
  return { id, annotations, foreign: [], extra: {}, pageExtra: {} };
}

const ROOT_KEYS = new Set(['@context', 'id', 'type', 'label', 'generator', 'total', 'first', 'items']);
const PAGE_KEYS = new Set(['id', 'type', 'startIndex', 'items', '@context', 'partOf']);

/** The file as JSON text (2-space indent, trailing newline), in the layout described at the top of this module. */
export function serializeAnnotationFile(file: AnnotationFile): string {
  const items = [...file.annotations, ...file.foreign];
  const root = {
    '@context': ANNOTATION_CONTEXT,
    id: file.id,
    type: 'AnnotationCollection',
    label: 'CIS Lens review',
    generator: { type: 'Software', name: GENERATOR_NAME },
    ...file.extra,
    total: items.length,
    first: { ...file.pageExtra, id: `${file.id}#page1`, type: 'AnnotationPage', startIndex: 0, items },
  };
  return JSON.stringify(root, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------- parsing

type JsonPath = (string | number)[];

class SchemaError extends Error {
  constructor(message: string, readonly path: JsonPath) {
    super(message);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasType(v: Record<string, unknown>, type: string): boolean {
  const t = v['type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

function optString(obj: Record<string, unknown>, key: string, path: JsonPath): string | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new SchemaError(`"${key}" must be a string`, [...path, key]);
  return v;
}

function pathLabel(path: JsonPath): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '') || '(root)';
}

/** Validates a `cisLens` object. */
function readView(raw: unknown, path: JsonPath): CisLensView {
  if (!isObject(raw)) throw new SchemaError('"cisLens" must be an object', path);
  const status = raw['status'];
  if (typeof status !== 'string' || !ANNOTATION_STATUSES.includes(status as AnnotationStatus)) {
    throw new SchemaError(`"cisLens.status" must be one of ${ANNOTATION_STATUSES.join(', ')}`, [...path, 'status']);
  }
  const view: { -readonly [K in keyof CisLensView]: CisLensView[K] } = { status: status as AnnotationStatus };
  for (const key of ['rule', 'source', 'note', 'author'] as const) {
    const v = optString(raw, key, path);
    if (v !== undefined) view[key] = v;
  }
  const sp = raw['speaker'];
  if (sp !== undefined) {
    if (!isObject(sp) || typeof sp['name'] !== 'string' || !(sp['id'] === null || sp['id'] === undefined || typeof sp['id'] === 'string')) {
      throw new SchemaError('"cisLens.speaker" must be { "id": string | null, "name": string }', [...path, 'speaker']);
    }
    view.speaker = { id: (sp['id'] as string | null | undefined) ?? null, name: sp['name'] };
  }
  if (view.status === 'speaker' && !view.speaker) throw new SchemaError('a "speaker" annotation needs "cisLens.speaker"', path);
  return view;
}

/** Rebuilds the typed view from the W3C fields of an annotation another tool wrote. */
function viewFromW3c(item: Record<string, unknown>, body: readonly AnnotationBody[]): CisLensView {
  const texts = (purpose: string) =>
    body.filter((b): b is TextualBody => isObject(b) && hasType(b, 'TextualBody') && b['purpose'] === purpose && typeof b['value'] === 'string').map((b) => b.value);
  const resources = (purpose: string): string[] =>
    body.flatMap((b) => {
      if (!isObject(b) || b['purpose'] !== purpose) return [];
      const iri = b['source'] ?? b['id'];
      return typeof iri === 'string' ? [iri] : [];
    });
  const assessed = texts('assessing').find((v) => VERDICT_STATUSES.includes(v as AnnotationStatus)) as AnnotationStatus | undefined;
  const motivation = item['motivation'];
  const speakerName = texts('identifying')[0];
  const status: AnnotationStatus = assessed ?? (motivation === 'identifying' && speakerName !== undefined ? 'speaker' : 'note');
  const view: { -readonly [K in keyof CisLensView]: CisLensView[K] } = { status };
  const note = texts('commenting').join('\n');
  if (note) view.note = note;
  const source = resources('linking')[0] ?? texts('linking')[0];
  if (source) view.source = source;
  const rule = texts('tagging')[0];
  if (rule) view.rule = rule;
  if (speakerName !== undefined) {
    const iri = resources('identifying').find((s) => s.startsWith(ENTITY_IRI_PREFIX));
    view.speaker = { id: iri ? decodeURIComponent(iri.slice(ENTITY_IRI_PREFIX.length)) : null, name: speakerName };
  }
  const creator = item['creator'];
  const author = isObject(creator) ? creator['name'] : Array.isArray(creator) && isObject(creator[0]) ? creator[0]['name'] : undefined;
  if (typeof author === 'string' && author) view.author = author;
  return view;
}

/**
 * Reads one item: an annotation, or a reason it is foreign (kept verbatim). Throws SchemaError for an item
 * CIS Lens should be able to read but which is malformed.
 */
function readItem(item: unknown, path: JsonPath): { annotation: Annotation } | { foreign: string } {
  if (!isObject(item)) {
    if (typeof item === 'string') return { foreign: 'an annotation referenced by IRI only' };
    throw new SchemaError('each item must be an annotation object', path);
  }
  const ours = item['cisLens'] !== undefined;
  if (!hasType(item, 'Annotation')) {
    if (ours) throw new SchemaError('"type" must be "Annotation"', [...path, 'type']);
    return { foreign: 'not of type Annotation' };
  }
  if (typeof item['id'] !== 'string' || item['id'] === '') throw new SchemaError('an annotation needs a string "id"', [...path, 'id']);
  const target = item['target'];
  if (!isObject(target)) {
    if (ours) throw new SchemaError('"target" must be an object', [...path, 'target']);
    return { foreign: 'its target is not a single text target' };
  }
  const rawSelector = target['selector'];
  const selectors = Array.isArray(rawSelector) ? rawSelector : rawSelector === undefined ? [] : [rawSelector];
  const selPath = (i: number): JsonPath => (Array.isArray(rawSelector) ? [...path, 'target', 'selector', i] : [...path, 'target', 'selector']);
  let hasQuote = false;
  selectors.forEach((s, i) => {
    if (!isObject(s)) throw new SchemaError('a selector must be an object', selPath(i));
    if (hasType(s, 'TextQuoteSelector')) {
      if (typeof s['exact'] !== 'string' || s['exact'] === '') throw new SchemaError('"exact" must be a non-empty string', [...selPath(i), 'exact']);
      optString(s, 'prefix', selPath(i));
      optString(s, 'suffix', selPath(i));
      hasQuote = true;
    } else if (hasType(s, 'TextPositionSelector')) {
      const { start, end } = s;
      if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (start as number) > (end as number)) {
        throw new SchemaError('"start" and "end" must be integers with 0 <= start <= end', selPath(i));
      }
    }
  });
  if (!hasQuote) {
    if (ours) throw new SchemaError('the target needs a TextQuoteSelector', [...path, 'target']);
    return { foreign: 'it has no TextQuoteSelector' };
  }
  const rawBody = item['body'];
  const body = (Array.isArray(rawBody) ? rawBody : rawBody === undefined ? [] : [rawBody]) as AnnotationBody[];
  const view = ours ? readView(item['cisLens'], [...path, 'cisLens']) : viewFromW3c(item, body);
  const source = typeof target['source'] === 'string' ? target['source'] : typeof target['id'] === 'string' ? target['id'] : '';
  const annotation = {
    ...item,
    id: item['id'],
    type: 'Annotation',
    motivation: typeof item['motivation'] === 'string' ? item['motivation'] : motivationFor(view.status),
    body,
    target: { ...target, source, selector: selectors as Selector[] },
    cisLens: view,
  } as Annotation;
  return { annotation };
}

function offsetOf(root: Node | undefined, path: JsonPath): number | undefined {
  if (!root) return undefined;
  for (let p = path; ; p = p.slice(0, -1)) {
    const node = findNodeAtLocation(root, p);
    if (node) return node.parent?.type === 'property' ? node.parent.offset : node.offset;
    if (p.length === 0) return root.offset;
  }
}

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'invalid symbol', InvalidNumberFormat: 'invalid number', PropertyNameExpected: 'property name expected',
  ValueExpected: 'value expected', ColonExpected: 'colon expected', CommaExpected: 'comma expected',
  CloseBraceExpected: 'closing brace expected', CloseBracketExpected: 'closing bracket expected',
  EndOfFileExpected: 'end of file expected', InvalidCommentToken: 'comments are not allowed',
  UnexpectedEndOfComment: 'unterminated comment', UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number', InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character', InvalidCharacter: 'invalid character in string',
};

/**
 * Reads an annotation file. Syntax errors (strict JSON: no comments, no trailing commas) and a file that is not an
 * annotation collection, page or list come back as `{ ok: false, error: { message, offset } }`; the offset is a
 * UTF-16 offset into `json`. One malformed annotation (a bad selector, an unknown status, a duplicate id) does
 * not fail the file: it lands in `file.foreign` (written back untouched) with a warning that says where it is,
 * and the valid annotations are used. Items CIS Lens cannot use but which are not broken land there too, with
 * a warning. Never throws.
 */
export function parseAnnotationFile(json: string): ParseResult {
  try {
    return parseUnsafe(json);
  } catch (e) {
    return { ok: false, error: { message: `Cannot read annotation file: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

function parseUnsafe(json: string): ParseResult {
  const errors: ParseError[] = [];
  const tree = parseTree(json, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0) {
    const e = errors[0]!;
    const code = printParseErrorCode(e.error);
    return { ok: false, error: { message: `Syntax error: ${SYNTAX_MESSAGES[code] ?? code}`, offset: e.offset } };
  }
  // JSON.parse gives the values (it keeps "__proto__" keys as data); the tree only supplies offsets.
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    return { ok: false, error: { message: `Syntax error: ${e instanceof Error ? e.message : String(e)}`, offset: 0 } };
  }
  try {
    const { file, warnings } = readFile(value);
    return { ok: true, file, warnings: warnings.map((w) => ({ message: w.message, offset: offsetOf(tree, w.path) })) };
  } catch (e) {
    if (e instanceof SchemaError) {
      return { ok: false, error: { message: `Invalid annotation file at ${pathLabel(e.path)}: ${e.message}`, offset: offsetOf(tree, e.path) } };
    }
    throw e;
  }
}

function pick(obj: Record<string, unknown>, known: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => !known.has(k)));
}

function readFile(value: unknown): { file: AnnotationFile; warnings: { message: string; path: JsonPath }[] } {
  let items: readonly unknown[] = [];
  let itemsPath: JsonPath = [];
  let id: string | undefined;
  let extra: Record<string, unknown> = {};
  let pageExtra: Record<string, unknown> = {};
  if (Array.isArray(value)) {
    items = value;
  } else if (isObject(value) && hasType(value, 'Annotation')) {
    const { '@context': _context, ...rest } = value;
    items = [rest];
  } else if (isObject(value) && hasType(value, 'AnnotationCollection')) {
    if (typeof value['id'] === 'string' && value['id'] !== '') id = value['id'];
    const first = value['first'];
    if (isObject(first)) {
      if (!Array.isArray(first['items'])) throw new SchemaError('"first.items" must be an array', ['first']);
      items = first['items'];
      itemsPath = ['first', 'items'];
      pageExtra = pick(first, PAGE_KEYS);
    } else if (Array.isArray(value['items'])) {
      items = value['items'];
      itemsPath = ['items'];
    } else if (first !== undefined || value['items'] !== undefined) {
      throw new SchemaError('the collection needs an embedded "first" page with an "items" array', [first !== undefined ? 'first' : 'items']);
    }
    extra = pick(value, ROOT_KEYS);
  } else if (isObject(value) && hasType(value, 'AnnotationPage')) {
    if (!Array.isArray(value['items'])) throw new SchemaError('"items" must be an array', ['items']);
    items = value['items'];
    itemsPath = ['items'];
    pageExtra = pick(value, PAGE_KEYS);
  } else {
    throw new SchemaError('expected an AnnotationCollection (an object with "type": "AnnotationCollection")', []);
  }
  const annotations: Annotation[] = [];
  const foreign: unknown[] = [];
  const warnings: { message: string; path: JsonPath }[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const path = [...itemsPath, i];
    // One broken annotation must not hide the others: it is reported with its place and kept in the file as it
    // is (written back untouched), and every valid annotation is still used.
    let r: ReturnType<typeof readItem>;
    try {
      r = readItem(item, path);
      if ('annotation' in r && seen.has(r.annotation.id)) throw new SchemaError(`duplicate annotation id "${r.annotation.id}"`, [...path, 'id']);
    } catch (e) {
      if (!(e instanceof SchemaError)) throw e;
      foreign.push(item);
      warnings.push({ message: `Annotation ${i} is invalid and not used (it stays in the file as it is): ${pathLabel(e.path)}: ${e.message}`, path: e.path });
      return;
    }
    if ('foreign' in r) {
      foreign.push(item);
      warnings.push({ message: `Item ${i} is kept but not used: ${r.foreign}`, path });
      return;
    }
    seen.add(r.annotation.id);
    annotations.push(r.annotation);
  });
  return { file: { id: id ?? newAnnotationId(), annotations, foreign, extra, pageExtra }, warnings };
}
