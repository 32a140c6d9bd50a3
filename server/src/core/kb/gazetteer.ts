/**
 * Names of the world the knowledge base does not describe: every country and territory, large cities (and
 * the small towns of the post-Soviet states), first-level regions, continents and international bodies.
 * Built by `scripts/build-gazetteer.mjs` from pinned open data (see `data/GAZETTEER.md`). A gazetteer name
 * gives a mention its kind and an external reference ("GeoNames 616635"), never a knowledge-base card.
 */
import data from '../data/gazetteer.json';
import type { EntityKind } from './types';

export interface GazetteerEntry {
  readonly name: string;
  readonly kind: EntityKind;
  /** "ISO 3166-1 FR", "GeoNames 616635", or null when the data has no id. */
  readonly ref: string | null;
  readonly population?: number;
  readonly type?: string;
  readonly country?: string;
}

interface GazetteerFile {
  readonly entries: readonly (GazetteerEntry & { readonly aliases?: readonly string[]; readonly demonyms?: readonly string[] })[];
}

export class Gazetteer {
  private readonly byName = new Map<string, GazetteerEntry>();
  private readonly demonyms = new Map<string, GazetteerEntry>();

  constructor(file: GazetteerFile) {
    for (const entry of file.entries) {
      const plain: GazetteerEntry = { name: entry.name, kind: entry.kind, ref: entry.ref, population: entry.population, type: entry.type, country: entry.country };
      for (const name of [entry.name, ...(entry.aliases ?? [])]) if (!this.byName.has(name)) this.byName.set(name, plain);
      for (const demonym of entry.demonyms ?? []) if (!this.demonyms.has(demonym)) this.demonyms.set(demonym, plain);
    }
  }

  /** The entry named exactly `name` (case-sensitive, as news writes it). */
  lookup(name: string): GazetteerEntry | undefined {
    return this.byName.get(name);
  }

  /** The country or place a demonym names ("French" → France). */
  lookupDemonym(word: string): GazetteerEntry | undefined {
    return this.demonyms.get(word);
  }

  get size(): number {
    return this.byName.size;
  }
}

let builtIn: Gazetteer | undefined;

/** The gazetteer shipped with CIS Lens, indexed once on first use. */
export function builtInGazetteer(): Gazetteer {
  builtIn ??= new Gazetteer(data as unknown as GazetteerFile);
  return builtIn;
}
