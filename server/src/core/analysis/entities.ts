/**
 * Mentions of knowledge-base entities: literal names and aliases (longest first), upper-case datelines
 * (MOSCOW → Moscow) and demonyms (Russian → Russia). Names the KB does not know are the name
 * recognizer’s (`names.ts`).
 */
import type { KnowledgeBase, NameHit } from '../kb/knowledgeBase';
import type { KbEntity } from '../kb/types';
import type { EntityMention, Span } from '../types';
import { isHighSurrogate, isUpperCaseAt, isWordChar, isWordCodeAt, matchesAt } from '../text/chars';
import { scanMarks } from '../text/marks';
import { hashStep, WordTable } from '../text/wordTable';

/** `nameStarts`: where capitalised words may start, as `scanMarks` finds them (computed here when not given). */
export function findEntityMentions(text: string, paragraphs: readonly Span[], kb: KnowledgeBase, nameStarts: readonly number[] = scanMarks(text).nameStarts): EntityMention[] {
  const mentions: EntityMention[] = [];
  let paragraphIndex = 0;
  const facts = wordFactsFor(kb);
  let resumeAt = 0; // name starts before this are inside a word or mention already read
  for (let k = 0; k < nameStarts.length; k++) {
    const start = nameStarts[k];
    if (start < resumeAt) continue;
    while (paragraphIndex < paragraphs.length && paragraphs[paragraphIndex].end <= start) paragraphIndex++;
    const paragraph = paragraphs[paragraphIndex];
    if (!paragraph) break;
    if (start < paragraph.start) continue;
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
    const mention = matchKnown(text, start, facts(text, start, i, hash), paragraph.end);
    if (mention) {
      mentions.push(mention);
      resumeAt = Math.max(i, mention.end);
    }
  }
  return mentions;
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
  return kb.namesStartingWith(firstWord).map((name) => ({ name, rest: name.slice(firstWord.length), hit: kb.lookupName(name)[0] }));
}

function matchKnown(text: string, start: number, facts: WordFacts, limit: number): EntityMention | undefined {
  const word = facts.word;
  // Each name begins with `word`, so only what follows it is compared.
  for (const { name, rest, hit } of facts.names) {
    // The text there spells the name exactly, so the name itself is the mention's text (no slice).
    if ((!rest || matchesAt(text, start + word.length, rest)) && isBoundary(text, start + name.length, limit)) return mentionOf(name, start, hit);
  }
  // Datelines and headlines shout: MOSCOW → Moscow.
  for (const { name, hit } of facts.shoutedNames) {
    if (text.slice(start, start + name.length) === name.toUpperCase() && isBoundary(text, start + name.length, limit)) {
      return mentionOf(text.slice(start, start + name.length), start, hit);
    }
  }
  const demonym = facts.demonym;
  if (demonym && isBoundary(text, start + word.length, limit)) {
    return { start, end: start + word.length, text: word, kind: demonym.kind, id: demonym.id, name: demonym.name, via: 'demonym' };
  }
  return undefined;
}

function mentionOf(spelled: string, start: number, hit: NameHit): EntityMention {
  return { start, end: start + spelled.length, text: spelled, kind: hit.entity.kind, id: hit.entity.id, name: hit.entity.name, via: hit.via };
}

function isBoundary(text: string, index: number, limit: number): boolean {
  return index >= limit || !isWordChar(text, index);
}
