/**
 * The knowledge-base data model: what a `seeds/kb/*.json` or user `*.cis.json` file holds.
 * The JSON Schema in `schemas/cis-kb.schema.json` describes the same shape for editors.
 */

export type EntityKind = 'person' | 'country' | 'organization' | 'place' | 'event';

/** An ISO date, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` when only that much is known). */
export type IsoDate = string;

/** A time-bounded fact. A missing `end` means "still true"; a missing `start` means "since before we know". */
export interface Period {
  readonly start?: IsoDate;
  readonly end?: IsoDate;
}

/**
 * A position held by a person. `type` is a normalised key used for title resolution:
 * "the Kazakh president" looks for `head-of-state` roles whose `title` contains "President" and whose `of` is Kazakhstan.
 */
export interface Role extends Period {
  /** Human title as articles write it: "President", "Prime Minister", "Foreign Minister", "Press Secretary". */
  readonly title: string;
  /** Entity id of the state or organization the role is in. */
  readonly of?: string;
  readonly type?: 'head-of-state' | 'head-of-government' | 'minister' | 'spokesperson' | 'head-of-agency' | 'secretary-general' | 'other';
  /**
   * For a role with no `end`: the last day a source confirms it was held (a dated snapshot of office holders).
   * After that day the role is unknown, so it answers no "who held it then" question: a stale holder would be a guess.
   */
  readonly asOf?: IsoDate;
}

/** A state's relationship to the CIS over time. */
export interface CisStatusPeriod extends Period {
  readonly status: 'founding-member' | 'member' | 'associate' | 'participant' | 'withdrawn' | 'non-member';
  readonly note?: string;
}

/** Membership of a bloc (CSTO, EAEU, …), stored on the bloc. */
export interface Membership extends Period {
  readonly member: string;
  readonly status?: 'member' | 'associate' | 'observer' | 'suspended';
}

export interface KbEntity {
  /** Stable id, lower-case kebab slug, unique across all files: "vladimir-putin", "russia", "tass". */
  readonly id: string;
  readonly kind: EntityKind;
  /** Canonical English name. */
  readonly name: string;
  /** Literal alternative names (never regular expressions): short names, transliterations, the Russian Cyrillic name, abbreviations. */
  readonly aliases?: readonly string[];
  /**
   * Which of the names above are common words or other things' names ("Commonwealth", "GUAM", "RT"): they
   * link only with supporting context (the full name earlier, or a CIS cue nearby). See `core/analysis/entities.ts`.
   */
  readonly needsContext?: readonly string[];
  /** Wikidata QID, "Q159", or null when no Wikidata-derived source has confirmed one yet (never guessed). */
  readonly wikidata: string | null;
  readonly description: string;
  /** URLs the facts were checked against. */
  readonly sources: readonly string[];

  // person
  readonly gender?: 'male' | 'female';
  readonly roles?: readonly Role[];
  /** Entity id of the person's country (or an organization's / place's country). */
  readonly country?: string;

  // country
  readonly officialName?: string;
  /** Adjectives and demonyms that refer to the country: "Russian", "Kazakh", "Kazakhstani". */
  readonly demonyms?: readonly string[];
  readonly capital?: string;
  readonly cis?: readonly CisStatusPeriod[];

  // organization
  /** Finer type: "media" makes attribution through it second-hand; "intergovernmental", "government", "security-service", "bloc", "cis-body". */
  readonly orgType?: 'media' | 'intergovernmental' | 'bloc' | 'cis-body' | 'government' | 'security-service' | 'ministry' | 'other';
  readonly members?: readonly Membership[];
  readonly founded?: IsoDate;

  // place / event
  readonly placeType?: 'city' | 'region' | 'venue' | 'continent' | 'other';
  readonly date?: IsoDate;
}

/** One KB file as parsed from disk. */
export interface KbFile {
  readonly $schema?: string;
  readonly entities: readonly KbEntity[];
}

/** Where an entity is defined, for go-to-definition. Lines and characters are zero-based; offsets UTF-16. */
export interface KbLocation {
  readonly uri: string;
  readonly line: number;
  readonly character: number;
  readonly offset: number;
}
