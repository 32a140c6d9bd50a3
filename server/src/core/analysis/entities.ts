/**
 * Mentions of knowledge-base entities: literal names and aliases (longest first), upper-case datelines
 * (MOSCOW → Moscow) and demonyms (Russian → Russia). Names the KB does not know are the name
 * recognizer’s (`names.ts`).
 *
 * Linking the right one: most names name one entity and link at once. Two kinds wait until the whole text
 * has been read (`resolveWaiting`):
 * - a name several entities share ("Aliyev": Ilham or Heydar) goes to the one named in full earlier, else the
 *   one holding the office a title before it names ("President Sargsyan"), else the only one in office on the
 *   article's date, else the only one whose country the article mentions; when nothing decides, the mention
 *   is ambiguous: no id, and its `candidates` listed (hover shows them);
 * - a name the KB flags `needsContext` for an entity (common words and other things' names: "Commonwealth",
 *   "GUAM", "RT", "Petersburg") links to it only when the article named the entity in full earlier or a CIS
 *   cue stands nearby (a mention of a post-Soviet state, its demonym, or a person, place or body of one);
 *   otherwise it is left to the name recognizer, as any unknown name.
 */
import type { KnowledgeBase, NameHit } from '../kb/knowledgeBase';
import { isWithin } from '../kb/knowledgeBase';
import type { KbEntity } from '../kb/types';
import type { EntityMention, Span } from '../types';
import { isHighSurrogate, isUpperCaseAt, isWordChar, isWordCodeAt, matchesAt } from '../text/chars';
import { scanMarks } from '../text/marks';
import { hashStep, WordTable } from '../text/wordTable';
import { roleMatchesTitle } from './titles';

/**
 * `nameStarts`: where capitalised words may start, as `scanMarks` finds them (computed here when not given).
 * `date`: the article's date when known (YYYY-MM-DD), which decides between people sharing a name.
 * The names matched in each paragraph (`matchParagraph`), then linked across the document (`linkMentions`).
 */
export function findEntityMentions(
  text: string,
  paragraphs: readonly Span[],
  kb: KnowledgeBase,
  nameStarts: readonly number[] = scanMarks(text).nameStarts,
  date: string | null = null,
): EntityMention[] {
  const matched: ParagraphMatches[] = new Array(paragraphs.length);
  let s = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    while (s < nameStarts.length && nameStarts[s] < paragraphs[i].start) s++;
    matched[i] = matchParagraph(text, paragraphs[i], kb, nameStarts, s);
  }
  return linkMentions(text, matched, kb, date);
}

/**
 * The knowledge-base names matched in one paragraph, before the document pass links the shared ones.
 * Paragraph-local on purpose: it reads only the paragraph's text and the KB, so an incremental analysis may
 * keep it for a paragraph an edit did not touch.
 */
export interface ParagraphMatches {
  /** Sorted by start; a mention that waits for the whole text is held with no id. */
  readonly mentions: readonly EntityMention[];
  /** The mentions that wait (by index into `mentions`), with every entity each may stand for. */
  readonly waiting: readonly Waiting[];
}

const NO_WAITING: readonly Waiting[] = [];

/** The names in `paragraph`; `firstStart`: the index in `nameStarts` of the first at or after its start. */
export function matchParagraph(text: string, paragraph: Span, kb: KnowledgeBase, nameStarts: readonly number[], firstStart: number): ParagraphMatches {
  const mentions: EntityMention[] = [];
  let waiting: Waiting[] | undefined; // names that wait for the whole text (shared, or needing context)
  const facts = wordFactsFor(kb);
  let resumeAt = 0; // name starts before this are inside a word or mention already read
  for (let k = firstStart; k < nameStarts.length; k++) {
    const start = nameStarts[k];
    if (start >= paragraph.end) break;
    if (start < resumeAt) continue;
    let i = start + 1;
    let hash = hashStep(0, text.charCodeAt(start));
    for (; i < paragraph.end; i++) {
      const code = text.charCodeAt(i);
      if (!isWordCodeAt(text, i, code)) break;
      hash = hashStep(hash, code);
    }
    resumeAt = i;
    // Only capitals start names (the scan passes non-ASCII letters of every case).
    if (text.charCodeAt(start) > 127 && !isUpperCaseAt(text, start)) continue;
    const found = matchKnown(text, start, facts(text, start, i, hash), paragraph.end);
    if (!found) continue;
    resumeAt = Math.max(i, found.mention.end);
    if (found.hits) {
      // Held without an id until decided, so that it is no cue or country for the others waiting.
      (waiting ??= []).push({ index: mentions.length, hits: found.hits });
      mentions.push({ ...found.mention, id: null });
    } else mentions.push(found.mention);
  }
  return { mentions, waiting: waiting ?? NO_WAITING };
}

/**
 * The document pass: every paragraph's mentions in text order, each waiting one linked, dropped or marked
 * ambiguous with the whole text read. `matched[i]` is `matchParagraph` for the i-th paragraph.
 */
export function linkMentions(text: string, matched: readonly ParagraphMatches[], kb: KnowledgeBase, date: string | null): EntityMention[] {
  const mentions: EntityMention[] = [];
  let waiting: Waiting[] | undefined;
  for (const m of matched) {
    for (const w of m.waiting) (waiting ??= []).push({ index: mentions.length + w.index, hits: w.hits });
    for (const mention of m.mentions) mentions.push(mention);
  }
  return waiting ? resolveWaiting(text, mentions, waiting, kb, date) : mentions;
}

/** Three or more upper-case letters and nothing else ("MOSCOW", "STORY"); stops at the first other character. */
function isAllCaps(word: string): boolean {
  let letters = 0;
  for (let i = 0; i < word.length; i += isHighSurrogate(word.charCodeAt(i)) ? 2 : 1) {
    if (!isUpperCaseAt(word, i)) return false;
    letters++;
  }
  return letters >= 3;
}

/** What the matcher needs to know about one capitalised word, worked out once per knowledge base. */
interface WordFacts {
  readonly word: string;
  /** KB names and aliases beginning with the word, longest first, each with what it names. */
  readonly names: readonly KnownName[];
  /** The same for the word title-cased, when the word is in capitals (MOSCOW → Moscow). */
  readonly shoutedNames: readonly KnownName[];
  readonly demonym: KbEntity | undefined;
}

interface KnownName {
  readonly name: string;
  /** The name after its first word (which the scanner has already matched), or "". */
  readonly rest: string;
  readonly hit: NameHit;
  /** Every entity the name may stand for, when it cannot link at once (shared, or needing context). */
  readonly waits: readonly NameHit[] | undefined;
}

/** News repeats its capitalised words; facts are kept per KB (the cache is dropped when it grows past this). */
const WORD_FACTS_LIMIT = 50_000;
type FactsLookup = (text: string, start: number, end: number, hash: number) => WordFacts;
const wordFactsByKb = new WeakMap<KnowledgeBase, FactsLookup>();

/** Facts of the word text[start, end) whose `hashStep` hash is `hash`, from the KB's cache or worked out once. */
function wordFactsFor(kb: KnowledgeBase): FactsLookup {
  let lookup = wordFactsByKb.get(kb);
  if (!lookup) wordFactsByKb.set(kb, (lookup = factsLookup(kb)));
  return lookup;
}

function factsLookup(kb: KnowledgeBase): FactsLookup {
  const known = new WordTable<WordFacts>();
  return (text, start, end, hash) => {
    let facts = known.get(text, start, end, hash);
    if (!facts) {
      if (known.size >= WORD_FACTS_LIMIT) known.clear();
      const word = text.slice(start, end);
      facts = {
        word,
        names: knownNames(kb, word),
        shoutedNames: isAllCaps(word) ? knownNames(kb, word.charAt(0) + word.slice(1).toLowerCase()) : [],
        demonym: kb.lookupDemonym(word),
      };
      known.add(word, hash, facts);
    }
    return facts;
  };
}

function knownNames(kb: KnowledgeBase, firstWord: string): KnownName[] {
  return kb.namesStartingWith(firstWord).map((name) => {
    const hits = kb.lookupName(name);
    const waits = hits.length > 1 || hits[0].needsContext ? hits : undefined;
    return { name, rest: name.slice(firstWord.length), hit: hits[0], waits };
  });
}

/** A name found in the text, and (when it must wait for the whole text) every entity it may stand for. */
interface Found {
  readonly mention: EntityMention;
  readonly hits: readonly NameHit[] | undefined;
}

function matchKnown(text: string, start: number, facts: WordFacts, limit: number): Found | undefined {
  const word = facts.word;
  // Each name begins with `word`, so only what follows it is compared.
  for (const known of facts.names) {
    // The text there spells the name exactly, so the name itself is the mention's text (no slice).
    if ((!known.rest || matchesAt(text, start + word.length, known.rest)) && isBoundary(text, start + known.name.length, limit)) {
      return { mention: mentionOf(known.name, start, known.hit), hits: known.waits };
    }
  }
  // Datelines and headlines shout: MOSCOW → Moscow.
  for (const known of facts.shoutedNames) {
    if (text.slice(start, start + known.name.length) === known.name.toUpperCase() && isBoundary(text, start + known.name.length, limit)) {
      return { mention: mentionOf(text.slice(start, start + known.name.length), start, known.hit), hits: known.waits };
    }
  }
  const demonym = facts.demonym;
  if (demonym && isBoundary(text, start + word.length, limit)) {
    return { mention: { start, end: start + word.length, text: word, kind: demonym.kind, id: demonym.id, name: demonym.name, via: 'demonym' }, hits: undefined };
  }
  return undefined;
}

function mentionOf(spelled: string, start: number, hit: NameHit): EntityMention {
  return { start, end: start + spelled.length, text: spelled, kind: hit.entity.kind, id: hit.entity.id, name: hit.entity.name, via: hit.via };
}

function isBoundary(text: string, index: number, limit: number): boolean {
  return index >= limit || !isWordChar(text, index);
}

/** A mention at `mentions[index]` that waits for the whole text, and what it may stand for. */
export interface Waiting {
  readonly index: number;
  readonly hits: readonly NameHit[];
}

/** How near a CIS cue must stand to a name that needs context (about a paragraph). */
const CUE_WINDOW = 300;
/** A title right before a shared name: "President Aliyev", "Prime Minister Sargsyan". */
const TITLE_BEFORE = /\b(President|Prime Minister|Premier|Chancellor|Foreign Minister|Leader)\s+$/i;

/** Links, drops or marks ambiguous each waiting mention, in text order (an earlier decision informs a later one). */
function resolveWaiting(text: string, mentions: readonly EntityMention[], waiting: readonly Waiting[], kb: KnowledgeBase, date: string | null): EntityMention[] {
  const out: EntityMention[] = [];
  const cis = cisRelatedIds(kb);
  let countries: Set<string> | undefined;
  let w = 0;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (w >= waiting.length || waiting[w].index !== i) {
      out.push(m);
      continue;
    }
    const { hits } = waiting[w++];
    // A name needing context links only where the entity was named before or a CIS cue stands near.
    const supported = hits.filter((h) => !h.needsContext || namedBefore(out, h.entity.id) || cueNear(mentions, i, cis));
    if (!supported.length) continue;
    if (supported.length === 1) {
      out.push(mentionOf(m.text, m.start, supported[0]));
      continue;
    }
    const chosen = decide(text, m, supported, out, date, () => (countries ??= countriesIn(mentions, kb)));
    out.push(chosen ? mentionOf(m.text, m.start, chosen) : ambiguous(m, supported));
  }
  return out;
}

/** Among entities sharing a name, the one the article means, or undefined when nothing decides. */
function decide(text: string, m: EntityMention, hits: readonly NameHit[], before: readonly EntityMention[], date: string | null, countries: () => Set<string>): NameHit | undefined {
  // 1. Named in full earlier ("Ilham Aliyev … Aliyev"): the latest such mention.
  for (let j = before.length - 1; j >= 0; j--) {
    const hit = hits.find((h) => h.entity.id === before[j].id);
    if (hit) return hit;
  }
  // 2. A title before it: whoever held that office then (on the article's date, or ever when it is unknown).
  const title = TITLE_BEFORE.exec(text.slice(Math.max(0, m.start - 20), m.start))?.[1];
  if (title) {
    const holders = hits.filter((h) => (h.entity.roles ?? []).some((r) => roleMatchesTitle(r, title) && (date === null || isWithin(r, date))));
    if (holders.length === 1) return holders[0];
  }
  // 3. The article's date: the only one in office then.
  if (date !== null) {
    const inOffice = hits.filter((h) => (h.entity.roles ?? []).some((r) => isWithin(r, date)));
    if (inOffice.length === 1) return inOffice[0];
  }
  // 4. The country in context: the only one whose country the article mentions.
  const mentioned = countries();
  const ofCountry = hits.filter((h) => h.entity.country !== undefined && mentioned.has(h.entity.country));
  return ofCountry.length === 1 ? ofCountry[0] : undefined;
}

/** A name that fits several entities and nothing decides: no id, the candidates listed. */
function ambiguous(m: EntityMention, hits: readonly NameHit[]): EntityMention {
  const kind = hits.every((h) => h.entity.kind === hits[0].entity.kind) ? hits[0].entity.kind : 'other';
  return { start: m.start, end: m.end, text: m.text, kind, id: null, name: m.text, via: m.via, candidates: hits.map((h) => h.entity.id) };
}

function namedBefore(before: readonly EntityMention[], id: string): boolean {
  for (const m of before) if (m.id === id) return true;
  return false;
}

/** Whether a mention of something post-Soviet stands within `CUE_WINDOW` of mentions[index] (waiting ones do not count). */
function cueNear(mentions: readonly EntityMention[], index: number, cis: ReadonlySet<string>): boolean {
  const here = mentions[index];
  for (let j = index - 1; j >= 0 && here.start - mentions[j].end <= CUE_WINDOW; j--) if (isCue(mentions[j], cis)) return true;
  for (let j = index + 1; j < mentions.length && mentions[j].start - here.end <= CUE_WINDOW; j++) if (isCue(mentions[j], cis)) return true;
  return false;
}

function isCue(m: EntityMention, cis: ReadonlySet<string>): boolean {
  return m.id !== null && cis.has(m.id);
}

/** Countries the article mentions (by name or demonym), and the countries of what it mentions. */
function countriesIn(mentions: readonly EntityMention[], kb: KnowledgeBase): Set<string> {
  const ids = new Set<string>();
  for (const m of mentions) {
    if (m.id === null) continue;
    if (m.kind === 'country') ids.add(m.id);
    const country = kb.get(m.id)?.country;
    if (country) ids.add(country);
  }
  return ids;
}

/**
 * Ids of everything post-Soviet in the KB, per KB: the states with a CIS history, and every entity of one of
 * them (its people, places, bodies, media), every CIS body, and every bloc a state of the region belongs to.
 */
const cisIdsByKb = new WeakMap<KnowledgeBase, ReadonlySet<string>>();

function cisRelatedIds(kb: KnowledgeBase): ReadonlySet<string> {
  let ids = cisIdsByKb.get(kb);
  if (ids) return ids;
  const states = new Set<string>();
  for (const { entity } of kb.entities()) if (entity.kind === 'country' && entity.cis?.length) states.add(entity.id);
  const related = new Set<string>(states);
  for (const { entity } of kb.entities()) {
    const ofState = entity.country !== undefined && states.has(entity.country);
    const roleInState = entity.roles?.some((r) => r.of !== undefined && states.has(r.of));
    const blocOfStates = entity.members?.some((m) => states.has(m.member));
    if (ofState || roleInState || blocOfStates || entity.orgType === 'cis-body') related.add(entity.id);
  }
  cisIdsByKb.set(kb, (ids = related));
  return ids;
}
