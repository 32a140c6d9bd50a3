/**
 * Title references ("the Russian president", "The Russian leader", "Armenia’s prime minister",
 * "the president") resolved to the person holding that office on the article's date. When the article's
 * date is unknown, a title is resolved only to a person the article named before it who held that office at
 * some time: today's holder would be a guess.
 */
import { surelyStartedBy, type KnowledgeBase } from '../kb/knowledgeBase';
import type { KbEntity, Role } from '../kb/types';
import type { EntityMention } from '../types';
import { matchBefore, upperBound } from '../text/search';
import { TriggeredPattern, type TriggerScan } from '../text/triggers';

/** Office words a title reference ends in; a capitalised name right after means "the president Vladimir Putin", a name, not a title. */
const TITLE_WORD = new TriggeredPattern(
  /\b(?:president|leader|prime minister|premier|chancellor|foreign minister|defen[cs]e minister|head of state|head of government|parliament(?:ary)? speaker|speaker of (?:the )?parliament|(?:[Cc]entral|[Nn]ational) [Bb]ank (?:governor|chief|head|chairman|chairwoman))\b(?![’']?\s+\p{Lu}\p{Ll})/u,
  ['president', 'leader', 'prime', 'premier', 'chancellor', 'foreign', 'defence', 'defense', 'head', 'parliament', 'parliamentary', 'speaker', 'central', 'national'],
);
const QUALIFIER_WINDOW = 40;
/** What may stand before a title word: "the", "the Russian", or a possessive "Armenia’s". */
const QUALIFIER_BEFORE = /(?:\b([Tt]he)\s+(?:(\p{Lu}[\p{L}-]+)\s+)?|\b(\p{Lu}[\p{L}-]+)[’']s\s+)$/u;

export function roleMatchesTitle(role: Role, title: string): boolean {
  switch (title.toLowerCase()) {
    case 'president':
      return /\bpresident\b/i.test(role.title) && !/vice|acting/i.test(role.title) && role.type === 'head-of-state';
    case 'leader':
    case 'head of state':
      return role.type === 'head-of-state';
    case 'prime minister':
    case 'premier':
    case 'head of government':
      return role.type === 'head-of-government' || /prime minister|premier/i.test(role.title);
    case 'chancellor':
      return /\bchancellor\b/i.test(role.title) && role.type === 'head-of-government';
    case 'foreign minister':
      return /foreign (affairs )?minister|minister of foreign affairs/i.test(role.title);
    case 'defence minister':
    case 'defense minister':
      return /defen[cs]e minister|minister of defen[cs]e/i.test(role.title);
    default:
      if (SPEAKER_TITLE.test(title)) return isSpeakerRole(role);
      if (BANK_HEAD_TITLE.test(title)) return isBankHeadRole(role);
      return false;
  }
}

const SPEAKER_TITLE = /^(?:parliament(?:ary)? speaker|speaker of (?:the )?parliament)$/i;
const BANK_HEAD_TITLE = /^(?:central|national) bank /i;
/**
 * The knowledge base writes a chamber's head in each state's own words ("Speaker of the Seimas", "Chairman
 * of the Verkhovna Rada", "President of the Parliament"). Deputies are not the speaker.
 */
const SPEAKER_ROLE = /^(?:acting )?(?:speaker|chair(?:man|woman|person)?|president) of the (?!.*\b(?:government|cabinet|ministers|security|bank|committee)\b)/i;

function isSpeakerRole(role: Role): boolean {
  return role.type === 'other' && SPEAKER_ROLE.test(role.title);
}

/** The chamber a speaker's role names ("Chair of the Senate" → "senate"). */
function chamberOf(role: Role): string {
  return role.title.replace(SPEAKER_ROLE, '').trim().toLowerCase();
}

/**
 * A chamber whose name alone says the parliament has two: its chair is never simply "the parliament speaker",
 * even when the knowledge base lacks the other chamber's chairs for those years.
 */
const UPPER_CHAMBER = /^(?:senate|federation council|council of the republic)$/;

/**
 * For each country, the first date from which its parliament had two chambers, as far as the knowledge base
 * shows: an upper chamber's first chair, or the earliest chair of two chambers whose known terms overlap.
 * From then on "the <country> parliament speaker" could mean either chair, so the title names nobody, even on
 * a date when only one chamber's chair is known (a gap in the data is not evidence of one chamber).
 */
const twoChambersSinceCache = new WeakMap<KnowledgeBase, Map<string, string>>();

function twoChambersSince(kb: KnowledgeBase, countryId: string): string | undefined {
  let byCountry = twoChambersSinceCache.get(kb);
  if (!byCountry) twoChambersSinceCache.set(kb, (byCountry = findTwoChamberStarts(kb)));
  return byCountry.get(countryId);
}

function findTwoChamberStarts(kb: KnowledgeBase): Map<string, string> {
  // country → chamber → the span of its known chairs' terms
  const spans = new Map<string, Map<string, { start: string; end: string }>>();
  for (const { entity } of kb.entities()) {
    for (const role of entity.roles ?? []) {
      if (!role.of || !role.start || !isSpeakerRole(role)) continue;
      const chambers = spans.get(role.of) ?? spans.set(role.of, new Map()).get(role.of)!;
      const end = role.end ?? '9999';
      const span = chambers.get(chamberOf(role));
      if (!span) chambers.set(chamberOf(role), { start: role.start, end });
      else {
        if (role.start < span.start) span.start = role.start;
        if (end > span.end) span.end = end;
      }
    }
  }
  const since = new Map<string, string>();
  for (const [country, chambers] of spans) {
    const list = [...chambers];
    for (const [name, span] of list) {
      const paired = UPPER_CHAMBER.test(name) || list.some(([other, o]) => other !== name && o.start < span.end && span.start < o.end);
      const known = since.get(country);
      if (paired && (known === undefined || span.start < known)) since.set(country, span.start);
    }
  }
  return since;
}

function isBankHeadRole(role: Role): boolean {
  return role.type === 'head-of-agency' && /\bbank\b/i.test(role.title) && !/deputy/i.test(role.title);
}

/**
 * Finds title references in `text`. `known` are the name mentions found so far (sorted by start),
 * used both to find the country a title names and to pick "the president" from people already mentioned.
 */
export function findTitleMentions(triggers: TriggerScan, known: readonly EntityMention[], kb: KnowledgeBase, date: string, dateKnown = true): EntityMention[] {
  const found: EntityMention[] = [];
  const text = triggers.text;
  for (const t of TITLE_WORD.matches(triggers)) {
    // Title words are rare, so the qualifier before them is checked only where one occurs.
    const before = matchBefore(text, t.index, QUALIFIER_BEFORE, QUALIFIER_WINDOW);
    if (!before) continue;
    const q = before.match;
    const start = before.start;
    const end = t.index + t[0].length;
    const qualifier = q[2] ?? q[3];
    const title = t[0];
    let country: KbEntity | undefined;
    if (qualifier) {
      country = kb.lookupDemonym(qualifier) ?? kb.lookupName(qualifier).find((h) => h.entity.kind === 'country')?.entity;
      if (!country) continue; // "the Security Council president" is not a head of state we can resolve
    }
    const holders = dateKnown ? undefined : everHeldBy(kb, title, country?.id);
    const person = holders ? lastPersonIn(known, start, kb, holders) : country ? holderOf(kb, country.id, title, date) : lastPersonWithTitle(known, start, kb, date, title);
    if (!person) continue;
    found.push({ start, end, text: text.slice(start, end), kind: 'person', id: person.id, name: person.name, via: 'title' });
  }
  return found;
}

/** Office holders by country, title and date, per knowledge base: titles repeat across articles of a day. */
const holderCache = new WeakMap<KnowledgeBase, Map<string, KbEntity | null>>();
/** Who holds a title on a date (any country), per knowledge base: "the president" asks it of every earlier person. */
const titleHolderCache = new WeakMap<KnowledgeBase, Map<string, ReadonlySet<string>>>();
/** Each cache is started afresh past this many keys (dates and titles repeat; a long-running server must not grow). */
const CACHE_LIMIT = 10_000;

function cacheFor<V>(caches: WeakMap<KnowledgeBase, Map<string, V>>, kb: KnowledgeBase): Map<string, V> {
  let cache = caches.get(kb);
  if (!cache || cache.size > CACHE_LIMIT) caches.set(kb, (cache = new Map()));
  return cache;
}

function holderOf(kb: KnowledgeBase, countryId: string, title: string, date: string): KbEntity | undefined {
  const cache = cacheFor(holderCache, kb);
  const key = `${countryId}\u0000${title.toLowerCase()}\u0000${date}`;
  let holder = cache.get(key);
  if (holder === undefined) {
    const bicameral = SPEAKER_TITLE.test(title) && (twoChambersSince(kb, countryId) ?? '9999') <= date;
    const holders = bicameral ? [] : kb.holders(date, (r) => r.of === countryId && roleMatchesTitle(r, title) && surelyStartedBy(r, date));
    // Two holders at once (a two-chamber parliament's speakers, an acting head beside a suspended one): nothing
    // in the title says which one is meant, and a wrong person costs more than none.
    holder = holders.length === 1 ? holders[0] : null;
    cache.set(key, holder);
  }
  return holder ?? undefined;
}

function titleHolderIds(kb: KnowledgeBase, title: string, date: string): ReadonlySet<string> {
  const cache = cacheFor(titleHolderCache, kb);
  const key = `${title.toLowerCase()}\u0000${date}`;
  let ids = cache.get(key);
  if (!ids) cache.set(key, (ids = new Set(kb.holders(date, (r) => roleMatchesTitle(r, title) && surelyStartedBy(r, date)).map((e) => e.id))));
  return ids;
}

function lastPersonWithTitle(known: readonly EntityMention[], before: number, kb: KnowledgeBase, date: string, title: string): KbEntity | undefined {
  return lastPersonIn(known, before, kb, titleHolderIds(kb, title, date));
}

/** Who ever held a title (of one country, or any), per knowledge base: for articles whose date is unknown. */
const everHeldCache = new WeakMap<KnowledgeBase, Map<string, ReadonlySet<string>>>();

function everHeldBy(kb: KnowledgeBase, title: string, countryId: string | undefined): ReadonlySet<string> {
  const cache = cacheFor(everHeldCache, kb);
  const key = `${title.toLowerCase()}\u0000${countryId ?? ''}`;
  let ids = cache.get(key);
  if (!ids) {
    const found = new Set<string>();
    for (const { entity } of kb.entities()) {
      if (entity.roles?.some((r) => (countryId === undefined || r.of === countryId) && roleMatchesTitle(r, title))) found.add(entity.id);
    }
    cache.set(key, (ids = found));
  }
  return ids;
}

/** The latest person mentioned before `before` whose id is in `holders`. */
function lastPersonIn(known: readonly EntityMention[], before: number, kb: KnowledgeBase, holders: ReadonlySet<string>): KbEntity | undefined {
  for (let i = upperBound(known, before) - 1; i >= 0; i--) {
    const mention = known[i];
    if (mention.kind === 'person' && mention.id && holders.has(mention.id)) return kb.get(mention.id);
  }
  return undefined;
}
