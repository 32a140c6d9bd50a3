/**
 * Where the learned name model meets the rules. The rules (names.ts) and the knowledge base go first; then
 * the model reads each region of capitalised words that holds a name the rules were unsure of (kind unknown
 * or weak evidence), with the rules' verdict on each word among its features, and decides the names' spans
 * and kinds there:
 *
 * - knowledge-base mentions (name, alias, demonym) and names the rules typed on strong evidence (the gazetteer,
 *   a title, an organisation word, a given name …: `firm`) always stay, and a model name overlapping one is dropped;
 * - weaker rule mentions in a region the model read give way to the model's names (`via: 'model'`);
 * - one name keeps one kind: where the model typed the same words differently, the most frequent kind wins.
 *
 * The model is OFF by default. On the CIS news dev set it added 4 right names and 17 wrong ones (F1 0.920 with
 * it, 0.926 without), and across corpora it beat the rules only on GUM: a wrong name costs a fact-checker more
 * than a missing one, so it stays opt-in until it wins on news. The CLI turns it on with
 * `CIS_LENS_NAME_MODEL=on` or a path to another weights file (cli/nameModelOverride.ts; the evaluation's
 * held-out models); the core itself reads no environment.
 */
import type shippedWeights from '../data/name-model.json';
import type { Gazetteer } from '../kb/gazetteer';
import type { EntityMention, MentionKind, Span } from '../types';
import { isUpperCaseAt } from '../text/chars';
import { containing } from '../text/search';
import { isPlainWord, type ModelFile, type ModelSpan, NameModel, regionAt, ruleTags } from './nameModel';

let shipped: NameModel | undefined;
/** The model analysis uses: null (off, the default) until `useNameModel` turns one on. */
let active: NameModel | null = null;
let activeFile: ModelFile | 'builtin' | null = null;

/**
 * The shipped weights, loaded on first use. They are required here rather than imported at the top, so
 * the bundle builds their object (about 1.5 MB of heap) only when the model is turned on; the type-only
 * import keeps the file in the TypeScript program.
 */
export function builtInNameModel(gazetteer: Gazetteer): NameModel {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const weights = (): typeof shippedWeights => require('../data/name-model.json');
  return (shipped ??= new NameModel(weights() as unknown as ModelFile, gazetteer));
}

/** The model analysis uses, or null when the model is off. */
export function activeNameModel(gazetteer: Gazetteer): NameModel | null {
  if (activeFile === null) return null;
  if (activeFile === 'builtin') return builtInNameModel(gazetteer);
  return (active ??= new NameModel(activeFile, gazetteer));
}

/** Turns the model on ('builtin': the shipped weights; or another weights file) or off (null). */
export function useNameModel(file: ModelFile | 'builtin' | null): void {
  activeFile = file;
  active = null;
}

const KB_VIAS = new Set(['name', 'alias', 'demonym']);
/** How far before an unsure rule mention its region may start (a few words). */
const MAX_REACH = 60;

export interface ModelInput {
  readonly text: string;
  readonly paragraphs: readonly Span[];
  readonly nameStarts: readonly number[];
  readonly gazetteer: Gazetteer;
}

/** The rules' mentions (sorted by start, not overlapping) with the model's decisions applied. */
export function applyNameModel(input: ModelInput, mentions: EntityMention[], firm: ReadonlySet<EntityMention>, model: NameModel | null = activeNameModel(input.gazetteer)): EntityMention[] {
  if (!model) return mentions;
  // The model reads only where the rules found a name they were unsure of (kind unknown, weak evidence):
  // reading every region to look for names the rules did not see at all cost a third of the analysis time.
  const unsure: EntityMention[] = [];
  for (const m of mentions) if (!KB_VIAS.has(m.via) && !firm.has(m)) unsure.push(m);
  if (!unsure.length) return mentions;
  const { text, paragraphs, nameStarts } = input;
  const read: Span[] = []; // regions the model decided
  const found: { span: ModelSpan; text: string }[] = [];
  let m = 0;
  let resumeAt = 0;
  for (const u of unsure) {
    if (u.start < resumeAt) continue;
    const paragraph = containing(paragraphs, u.start);
    // The region holding the mention starts at a capitalised word a little before it, or at the mention itself.
    for (let i = firstStartAtOrAfter(nameStarts, Math.max(resumeAt, paragraph.start, u.start - MAX_REACH)); i < nameStarts.length && nameStarts[i] <= u.start; i++) {
      const start = nameStarts[i];
      if (start < resumeAt || !isUpperCaseAt(text, start)) continue;
      const region = regionAt(text, start, paragraph.start, paragraph.end);
      if (!region) continue;
      const regionStart = region.tokens[region.from].start;
      const regionEnd = region.tokens[region.to - 1].end;
      resumeAt = regionEnd;
      if (regionEnd <= u.start) continue;
      while (m < mentions.length && mentions[m].end <= regionStart) m++;
      let n = m;
      while (n < mentions.length && mentions[n].start < regionEnd) n++;
      const said = mentions.slice(m, n);
      region.ruleTags = ruleTags(region, said);
      read.push({ start: regionStart, end: regionEnd });
      for (const span of model.tag(region, text)) {
        const name = text.slice(span.start, span.end);
        if (!isNameShaped(name, input.gazetteer)) continue;
        if (said.some((r) => r.start < span.end && span.start < r.end) || span.margin >= NEW_NAME_MARGIN) found.push({ span, text: name });
      }
      break;
    }
  }
  if (!read.length) return mentions;
  return merge(mentions, read, consistentKinds(found), firm);
}

function firstStartAtOrAfter(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Where the rules saw no name at all, the model must be sure (margin: how far its tagging beats tagging no
 * name, per word).
 */
const NEW_NAME_MARGIN = 1.5;

/**
 * Common words and titles alone ("MP", "People", "Bank"), or a name ending in a demonym ("Central Asian",
 * "Europeans"), are never the model's names: those were its false alarms on the dev set.
 */
function isNameShaped(name: string, gazetteer: Gazetteer): boolean {
  const words = name.split(' ');
  const last = words[words.length - 1];
  if (gazetteer.lookupDemonym(last) || (last.endsWith('s') && gazetteer.lookupDemonym(last.slice(0, -1)))) return false;
  return !words.every(isPlainWord);
}

/** One name, one kind: the kind the model gave a name most often in the document (ties: the first seen). */
function consistentKinds(found: readonly { span: ModelSpan; text: string }[]): EntityMention[] {
  const votes = new Map<string, Map<string, number>>();
  for (const { span, text } of found) {
    const byKind = votes.get(text) ?? new Map<string, number>();
    byKind.set(span.kind, (byKind.get(span.kind) ?? 0) + 1);
    votes.set(text, byKind);
  }
  return found.map(({ span, text }) => {
    let kind = span.kind;
    let best = 0;
    for (const [k, n] of votes.get(text)!) if (n > best) { best = n; kind = k as typeof kind; }
    const why = kind === span.kind ? `learned model (${kind})` : `learned model (${kind} elsewhere in the document)`;
    return { start: span.start, end: span.end, text, kind: kind as MentionKind, id: null, name: text, via: 'model', why };
  });
}

/** Rule mentions outside the regions read, knowledge-base and firm rule mentions everywhere, plus model names that overlap none of them. */
function merge(mentions: readonly EntityMention[], read: readonly Span[], names: readonly EntityMention[], firm: ReadonlySet<EntityMention>): EntityMention[] {
  const kept: EntityMention[] = [];
  let r = 0;
  for (const mention of mentions) {
    while (r < read.length && read[r].end <= mention.start) r++;
    const inRead = r < read.length && read[r].start < mention.end;
    if (!inRead || KB_VIAS.has(mention.via) || firm.has(mention)) kept.push(mention);
  }
  const out = [...kept];
  const sameSpan = new Map<string, EntityMention>();
  for (const mention of mentions) sameSpan.set(`${mention.start}:${mention.end}`, mention);
  let k = 0;
  for (const name of names) {
    while (k < kept.length && kept[k].end <= name.start) k++;
    if (k < kept.length && kept[k].start < name.end) continue;
    // The rules found the same name with the same kind: keep theirs, with its evidence, full name and reference.
    const rule = sameSpan.get(`${name.start}:${name.end}`);
    out.push(rule && rule.kind === name.kind ? rule : name);
  }
  return out.sort((a, b) => a.start - b.start);
}
