/**
 * In-memory knowledge base: indexes entities by literal name, alias and demonym, and answers
 * date-scoped questions (who held a role, what a state's CIS status was). No IO here; see
 * server/src/kbLoader.ts for reading files.
 */
import type { CisStatusPeriod, KbEntity, KbLocation, Period, Role } from './types';

export interface KbEntry {
  readonly entity: KbEntity;
  /** Where the entity is defined (user file first when overridden). */
  readonly location?: KbLocation;
}

export interface NameHit {
  readonly entity: KbEntity;
  readonly via: 'name' | 'alias';
  /** The name is a common word or another thing's name for this entity: it links only with supporting context. */
  readonly needsContext: boolean;
}

/** True when `date` (YYYY-MM-DD) falls inside the period. Partial dates compare as prefixes. */
export function isWithin(period: Period & { readonly asOf?: string }, date: string): boolean {
  if (period.start && compareDates(date, period.start) < 0) return false;
  if (period.end && compareDates(date, period.end) >= 0) return false;
  // An open role known only up to a snapshot (`asOf`) says nothing about later dates.
  if (!period.end && period.asOf && compareDates(date, period.asOf) > 0) return false;
  return true;
}

/**
 * Whether a period had surely begun by `date`. A start known only to the year or month ("1994", "1994-06")
 * might fall after any day of that year or month, so those days are not sure: a title resolved there could
 * name the successor while the predecessor still held the office.
 */
export function surelyStartedBy(period: Period, date: string): boolean {
  const start = period.start;
  if (!start || start.length === 10) return true;
  const [year, month] = start.split('-').map(Number);
  const firstSureDay = month === undefined ? `${year + 1}-01-01` : month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return compareDates(date, firstSureDay) >= 0;
}

/** Compares ISO dates of possibly different precision; "2018" counts as its first day. */
function compareDates(a: string, b: string): number {
  const left = a.length === 10 ? a : (a + '-01-01').slice(0, 10);
  const right = b.length === 10 ? b : (b + '-01-01').slice(0, 10);
  return left < right ? -1 : left > right ? 1 : 0;
}

export class KnowledgeBase {
  private readonly byId = new Map<string, KbEntry>();
  private readonly byName = new Map<string, NameHit[]>();
  private readonly byDemonym = new Map<string, KbEntity>();
  /** Entities that have members (CSTO, EAEU, …): few, so membership questions walk them. */
  private readonly blocs: KbEntity[] = [];
  constructor(entries: readonly KbEntry[]) {
    for (const entry of entries) this.byId.set(entry.entity.id, entry);
    for (const { entity } of this.byId.values()) {
      this.indexEntity(entity);
      if (entity.members?.length) this.blocs.push(entity);
    }
    for (const names of this.namesByFirstWord.values()) names.sort((a, b) => b.length - a.length);
  }

  static fromEntities(entities: readonly KbEntity[]): KnowledgeBase {
    return new KnowledgeBase(entities.map((entity) => ({ entity })));
  }

  get size(): number {
    return this.byId.size;
  }

  entities(): IterableIterator<KbEntry> {
    return this.byId.values();
  }

  get(id: string): KbEntity | undefined {
    return this.byId.get(id)?.entity;
  }

  location(id: string): KbLocation | undefined {
    return this.byId.get(id)?.location;
  }

  /** Entities whose canonical name or alias is exactly `name` (case-sensitive); more than one when they share it ("Aliyev"). */
  lookupName(name: string): readonly NameHit[] {
    return this.byName.get(name) ?? [];
  }

  /** Names and aliases that begin with `word`, longest first, so the matcher prefers "Russian Federation" to "Russia". */
  namesStartingWith(word: string): readonly string[] {
    return this.namesByFirstWord.get(word) ?? [];
  }

  lookupDemonym(word: string): KbEntity | undefined {
    return this.byDemonym.get(word);
  }

  /** People holding a role matching `predicate` at `date`, most recent start first. */
  holders(date: string, predicate: (role: Role) => boolean): KbEntity[] {
    const found: { entity: KbEntity; start: string }[] = [];
    for (const { entity } of this.byId.values()) {
      for (const role of entity.roles ?? []) {
        if (predicate(role) && isWithin(role, date)) found.push({ entity, start: role.start ?? '' });
      }
    }
    return found.sort((a, b) => (a.start < b.start ? 1 : -1)).map((f) => f.entity);
  }

  rolesAt(entity: KbEntity, date: string): Role[] {
    return (entity.roles ?? []).filter((r) => isWithin(r, date));
  }

  cisStatusAt(countryId: string, date: string): CisStatusPeriod | undefined {
    const periods = this.get(countryId)?.cis ?? [];
    return periods.find((p) => isWithin(p, date));
  }

  /** Blocs (entities with `members`) the entity belongs to on `date`, suspended memberships left out. */
  blocsOf(memberId: string, date: string): string[] {
    const found: string[] = [];
    for (const bloc of this.blocs) {
      if (bloc.members!.some((m) => m.member === memberId && m.status !== 'suspended' && m.status !== 'observer' && isWithin(m, date))) found.push(bloc.id);
    }
    return found;
  }

  /** A bloc's members on `date` (observers and suspended members left out). */
  membersAt(blocId: string, date: string): string[] {
    const members = this.get(blocId)?.members ?? [];
    return members.filter((m) => m.status !== 'suspended' && m.status !== 'observer' && isWithin(m, date)).map((m) => m.member);
  }

  isMedia(id: string | null): boolean {
    return id !== null && this.get(id)?.orgType === 'media';
  }

  private readonly namesByFirstWord = new Map<string, string[]>();

  private indexEntity(entity: KbEntity): void {
    const weak = entity.needsContext?.length ? new Set(entity.needsContext) : undefined;
    const add = (name: string, via: NameHit['via'], spelledAs = name) => {
      const key = name.trim();
      if (!key) return;
      const hits = this.byName.get(key);
      const hit = { entity, via, needsContext: weak !== undefined && weak.has(spelledAs) };
      if (hits === undefined) {
        this.byName.set(key, [hit]);
        // A new name: file it under its first word (each list is sorted once, after all entities are in).
        const first = firstWord(key);
        const names = this.namesByFirstWord.get(first);
        if (names === undefined) this.namesByFirstWord.set(first, [key]);
        else names.push(key);
      } else if (!hits.some((h) => h.entity.id === entity.id)) hits.push(hit);
    };
    add(entity.name, 'name');
    if (entity.officialName) add(entity.officialName, 'alias');
    for (const alias of entity.aliases ?? []) add(alias, 'alias');
    // British and American spellings name one entity ("Collective Security Treaty Organisation").
    for (const variant of spellingVariants(entity.name)) add(variant, 'alias', entity.name);
    if (entity.officialName) for (const variant of spellingVariants(entity.officialName)) add(variant, 'alias', entity.officialName);
    for (const alias of entity.aliases ?? NO_NAMES) for (const variant of spellingVariants(alias)) add(variant, 'alias', alias);
    for (const demonym of entity.demonyms ?? []) {
      if (!this.byDemonym.has(demonym)) this.byDemonym.set(demonym, entity);
    }
  }
}

/** Word pairs spelled one way in British and another in American English, as they occur in names. */
const SPELLINGS: readonly (readonly [string, string])[] = [
  ['Organization', 'Organisation'], ['Defense', 'Defence'], ['Center', 'Centre'], ['Program', 'Programme'],
  ['Labor', 'Labour'], ['Cooperation', 'Co-operation'], ['Harbor', 'Harbour'], ['Theater', 'Theatre'],
];

const NO_NAMES: readonly string[] = [];

/** The other spellings of a name that holds a word of `SPELLINGS` (empty when it holds none). */
export function spellingVariants(name: string | undefined): readonly string[] {
  // Most names hold none of the words: answer those without allocating (thousands of places at load).
  if (!name || !SPELLINGS.some(([american, british]) => name.includes(american) || name.includes(british))) return NO_NAMES;
  let spellings = [name];
  for (const [american, british] of SPELLINGS) {
    const from = name.includes(american) ? american : name.includes(british) ? british : undefined;
    if (!from) continue;
    const to = from === american ? british : american;
    spellings = [...spellings, ...spellings.map((s) => s.split(from).join(to))]; // every mix of the two spellings
  }
  return spellings.slice(1);
}

/** The leading run of letters/digits of a name, the key the matcher probes with. */
export function firstWord(name: string): string {
  const m = /^[\p{L}\p{N}]+/u.exec(name);
  return m ? m[0] : name.charAt(0);
}
