/**
 * brat standoff export (`.ann` next to the article text) and a small parser for it.
 *
 * - T lines: entity mentions typed Person, Country, Organization, Place, Event, Other; quotes (the words
 *   inside the marks) as Quote; claims as Claim; a reviewed span that is none of these as Review.
 * - R lines: `Speaker Arg1:<quote T> Arg2:<speaker T>`. The speaker is the analysis' speaker span (its T is the
 *   entity mention with that span, or a new T typed after the entity's kind); a reviewer's 'speaker'
 *   annotation replaces it with the nearest mention of the named entity, when the text has one.
 * - `#` lines: AnnotatorNotes with the reviewer's verdicts and notes (one line per T; several joined by " | ").
 *   Orphaned annotations have no span and are left out.
 * Spans crossing line breaks become fragments (`start end;start end`) with the breaks left out; the T text is
 * the fragments joined by single spaces, as brat writes it.
 *
 * Offsets: by default UTF-16 code units, like the rest of CIS Lens. brat itself counts Unicode code points
 * (Python string indices); pass `{ offsets: 'codepoint' }` for files that brat will open and that contain
 * characters outside the BMP (emoji).
 */
import type { ArticleModel, MentionKind, Span } from '../../types';
import { reanchorAll, type AnchoredAnnotation } from '../anchoring';
import { speakerOverrideFor, speakerOverrides } from '../apply';
import type { ExportArticle, ExportInput } from './types';

export type BratOffsets = 'utf16' | 'codepoint';

export interface BratOptions {
  readonly offsets?: BratOffsets;
}

export interface BratDocument {
  /** The article's path, as given. */
  readonly path: string;
  /** Where the .ann goes: the article path with its extension replaced by `.ann`. */
  readonly annPath: string;
  readonly ann: string;
}

export const BRAT_ENTITY_TYPES: Readonly<Record<MentionKind, string>> = {
  person: 'Person', country: 'Country', organization: 'Organization', place: 'Place', event: 'Event', other: 'Other',
};

/** An `annotation.conf` describing the types the export uses. */
export function bratAnnotationConf(): string {
  const entities = ['Person', 'Country', 'Organization', 'Place', 'Event', 'Other'];
  return [
    '[entities]', ...entities, 'Quote', 'Claim', 'Review',
    '', '[relations]', `Speaker\tArg1:Quote, Arg2:${entities.join('|')}`,
    '', '[events]', '', '[attributes]', '',
  ].join('\n');
}

/** Splits a span at line breaks (\n, \r) into non-empty fragments. */
export function fragmentsOf(text: string, span: Span): Span[] {
  const fragments: Span[] = [];
  let from = span.start;
  for (let i = span.start; i <= span.end; i++) {
    const c = i < span.end ? text.charCodeAt(i) : -1;
    if (c === 10 || c === 13 || i === span.end) {
      if (i > from) fragments.push({ start: from, end: i });
      from = i + 1;
    }
  }
  return fragments;
}

interface TextBound {
  readonly type: string;
  readonly span: Span;
  id?: string;
}

function annPathOf(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const dot = path.lastIndexOf('.');
  return (dot > slash + 1 ? path.slice(0, dot) : path) + '.ann';
}

function oneLine(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ').trim();
}

function noteText(a: AnchoredAnnotation): string {
  const v = a.annotation.cisLens;
  let s: string = v.status;
  if (v.status === 'speaker' && v.speaker) s += ` ${v.speaker.name}${v.speaker.id ? ` (${v.speaker.id})` : ''}`;
  if (v.rule) s += ` [${v.rule}]`;
  if (v.note) s += `: ${v.note}`;
  if (v.source) s += ` (source: ${v.source})`;
  if (v.author) s += ` (by ${v.author})`;
  return oneLine(s);
}

/** Converts UTF-16 offsets to code-point offsets for one text. */
function offsetConverter(text: string, mode: BratOffsets): (offset: number) => number {
  if (mode === 'utf16' || !/[\ud800-\udbff]/.test(text)) return (o) => o;
  const astralBefore = new Int32Array(text.length + 1);
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    astralBefore[i] = count;
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) count++;
  }
  astralBefore[text.length] = count;
  return (o) => o - astralBefore[o]!;
}

export function exportBratDocument(article: ExportArticle, options: BratOptions = {}): BratDocument {
  const { text, model } = article;
  const convert = offsetConverter(text, options.offsets ?? 'utf16');
  const anchoring = reanchorAll(text, article.annotations);
  const bounds = new Map<string, TextBound>();
  const key = (type: string, s: Span) => `${type}:${s.start}:${s.end}`;
  const add = (type: string, span: Span): TextBound | undefined => {
    if (fragmentsOf(text, span).length === 0) return undefined;
    const k = key(type, span);
    let tb = bounds.get(k);
    if (!tb) bounds.set(k, (tb = { type, span: { start: span.start, end: span.end } }));
    return tb;
  };
  const bySpan = (span: Span, prefer: readonly string[]): TextBound | undefined => {
    for (const type of prefer) {
      const tb = bounds.get(key(type, span));
      if (tb) return tb;
    }
    return undefined;
  };

  for (const e of model.entities) add(BRAT_ENTITY_TYPES[e.kind], e);
  const quoteBounds = model.quotes.map((q) => add('Quote', q));
  for (const c of model.claims) add('Claim', c);

  // Speaker relations.
  const entityTypes = Object.values(BRAT_ENTITY_TYPES);
  const overrides = speakerOverrides(anchoring.anchored);
  const relations: { quote: TextBound; speaker: TextBound }[] = [];
  model.quotes.forEach((q, i) => {
    const quoteTb = quoteBounds[i];
    if (!quoteTb) return;
    const override = speakerOverrideFor(overrides, q);
    let speakerSpan: Span | undefined;
    let speakerType = 'Person';
    if (override) {
      const mention = nearestMention(model, q, override.speaker.id, override.speaker.name);
      if (mention) {
        speakerSpan = mention;
        speakerType = BRAT_ENTITY_TYPES[mention.kind];
      }
    } else if (q.speaker) {
      speakerSpan = q.speaker;
      const known = q.speaker.id ? model.entities.find((e) => e.id === q.speaker!.id) : undefined;
      if (known) speakerType = BRAT_ENTITY_TYPES[known.kind];
    }
    if (!speakerSpan) return;
    const speakerTb = bySpan(speakerSpan, entityTypes) ?? add(speakerType, speakerSpan);
    if (speakerTb) relations.push({ quote: quoteTb, speaker: speakerTb });
  });

  // Reviewer notes go on the T with the annotated span (quote, claim, entity), or on a new Review T.
  const notes: { target: TextBound; text: string }[] = [];
  for (const a of anchoring.anchored) {
    const target = bySpan(a.span, ['Quote', 'Claim', ...entityTypes, 'Review']) ?? add('Review', a.span);
    if (target) notes.push({ target, text: noteText(a) });
  }

  const ordered = [...bounds.values()].sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end || (x.type < y.type ? -1 : x.type > y.type ? 1 : 0));
  const lines: string[] = [];
  ordered.forEach((tb, i) => {
    tb.id = `T${i + 1}`;
    const fragments = fragmentsOf(text, tb.span);
    const offsets = fragments.map((f) => `${convert(f.start)} ${convert(f.end)}`).join(';');
    lines.push(`${tb.id}\t${tb.type} ${offsets}\t${fragments.map((f) => text.slice(f.start, f.end)).join(' ')}`);
  });
  const seenRelations = new Set<string>();
  let r = 0;
  for (const rel of relations) {
    const k = `${rel.quote.id}:${rel.speaker.id}`;
    if (seenRelations.has(k)) continue;
    seenRelations.add(k);
    lines.push(`R${++r}\tSpeaker Arg1:${rel.quote.id} Arg2:${rel.speaker.id}`);
  }
  const noteByTarget = new Map<TextBound, string[]>();
  for (const n of notes) noteByTarget.set(n.target, [...(noteByTarget.get(n.target) ?? []), n.text]);
  let h = 0;
  for (const tb of ordered) {
    const texts = noteByTarget.get(tb);
    if (texts) lines.push(`#${++h}\tAnnotatorNotes ${tb.id}\t${texts.join(' | ')}`);
  }
  return { path: article.path, annPath: annPathOf(article.path), ann: lines.length ? lines.join('\n') + '\n' : '' };
}

/** The mention of the entity (by id, else by name) nearest to the quote. */
function nearestMention(model: ArticleModel, quote: Span, id: string | null, name: string) {
  let best: (typeof model.entities)[number] | undefined;
  let bestDistance = Infinity;
  for (const e of model.entities) {
    if (id ? e.id !== id : e.name !== name && e.text !== name) continue;
    const d = e.end <= quote.start ? quote.start - e.end : e.start >= quote.end ? e.start - quote.end : 0;
    if (d < bestDistance) {
      best = e;
      bestDistance = d;
    }
  }
  return best;
}

export function exportBrat(articles: ExportInput, options: BratOptions = {}): BratDocument[] {
  return articles.map((a) => exportBratDocument(a, options));
}

// ---------------------------------------------------------------------------------------------- parser

export interface BratTextBound {
  readonly id: string;
  readonly type: string;
  readonly fragments: readonly Span[];
  readonly text: string;
}

export interface BratRelation {
  readonly id: string;
  readonly type: string;
  readonly arg1: string;
  readonly arg2: string;
}

export interface BratNote {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly text: string;
}

export interface ParsedBrat {
  readonly textBounds: readonly BratTextBound[];
  readonly relations: readonly BratRelation[];
  readonly notes: readonly BratNote[];
  /** Lines of other kinds (events, attributes, …) and lines that did not parse, as they are. */
  readonly other: readonly string[];
}

/** Parses a brat .ann file (text-bound, relation and note lines). Never throws. */
export function parseBrat(ann: string): ParsedBrat {
  const textBounds: BratTextBound[] = [];
  const relations: BratRelation[] = [];
  const notes: BratNote[] = [];
  const other: string[] = [];
  for (const line of ann.split(/\r?\n/)) {
    if (line === '') continue;
    let m = /^(T\d+)\t(\S+) ((?:\d+ \d+)(?:;\d+ \d+)*)\t(.*)$/.exec(line);
    if (m) {
      const fragments = m[3]!.split(';').map((f) => {
        const [start, end] = f.split(' ').map(Number);
        return { start: start!, end: end! };
      });
      textBounds.push({ id: m[1]!, type: m[2]!, fragments, text: m[4]! });
      continue;
    }
    m = /^(R\d+)\t(\S+) Arg1:(\S+) Arg2:(\S+)\s*$/.exec(line);
    if (m) {
      relations.push({ id: m[1]!, type: m[2]!, arg1: m[3]!, arg2: m[4]! });
      continue;
    }
    m = /^(#\d+)\t(\S+) (\S+)\t(.*)$/.exec(line);
    if (m) {
      notes.push({ id: m[1]!, type: m[2]!, target: m[3]!, text: m[4]! });
      continue;
    }
    other.push(line);
  }
  return { textBounds, relations, notes, other };
}
