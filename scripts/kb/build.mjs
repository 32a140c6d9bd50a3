#!/usr/bin/env node
/**
 * `npm run kb:build`: builds the generated part of the built-in knowledge base from pinned open inputs
 * (scripts/kb/inputs.mjs) and writes
 *   seeds/kb/generated-regions.json   first-level regions (and the second-level units the input lists)
 *   seeds/kb/generated-cities.json    cities and towns
 *   scripts/kb/facts-sample.json      50 facts drawn from the inputs, re-checked by `npm run kb:check`
 * Hand-curated files (every other seeds/kb/*.json) win: a generated entity whose Wikidata id, id or name is
 * already the curated one's is left out, and no generated name may be a curated entity's name or alias.
 *
 * A name becomes matchable only when it is safe in English news: not a common English word, not a given
 * name, not on the stop-list (scripts/kb/stop-names.json), at least four letters, plain Latin letters, and
 * not shared by two generated places (unless one is ten times more populous: "Abovyan" is the town). An entity
 * whose own name is not safe is left out (counted in the output's $comment). Wikidata ids come only from
 * the Wikidata-derived table; a city known only to GeoNames gets `"wikidata": null`.
 *
 * The output is sorted and re-running the build on the same inputs gives the same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CSC, GAZETTEER, GEONAMES, ROOT, STATES, cachePath, cscUrl } from './inputs.mjs';
import { parseCsv } from './office-terms.mjs';

const KB_DIR = path.join(ROOT, 'seeds', 'kb');
const OUT_REGIONS = path.join(KB_DIR, 'generated-regions.json');
const OUT_CITIES = path.join(KB_DIR, 'generated-cities.json');
const OUT_SAMPLE = path.join(ROOT, 'scripts', 'kb', 'facts-sample.json');
/** Cities at or above this population are kept from GeoNames even without a Wikidata-derived row. */
const BIG_CITY = 100_000;
/** Towns of this size that the Wikidata-derived table lacks are kept from GeoNames when the gazetteer screened their name. */
const GEONAMES_TOWN = 5_000;
/** A place keeps a name it shares with others when it is this many times more populous than each of them. */
const DOMINANT_RATIO = 10;
/** A Wikidata-derived city and a GeoNames city are the same place when this close (km) and named alike. */
const SAME_PLACE_KM = 15;
/** Rows of the city table that are not settlements: districts, parts of a city, former places. */
const NOT_A_CITY = new Set(['district', 'section', 'abandoned', 'historical', 'municipality']);

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

// ---- inputs ---------------------------------------------------------------------------------------

function readInput(file) {
  const p = cachePath(file);
  if (!fs.existsSync(p)) {
    console.error(`missing input ${file}: run \`npm run kb:fetch -- --git-dir <clone of ${CSC.repo}>\` first (see scripts/kb/fetch-inputs.mjs)`);
    process.exit(1);
  }
  return fs.readFileSync(p, 'utf8');
}

function readStates() {
  return parseCsv(readInput('csv/states.csv')).filter((row) => STATES[row.country_code]);
}

function readCities() {
  return Object.keys(STATES).filter((cc) => cc !== 'RU')
    .flatMap((cc) => JSON.parse(readInput(`contributions/cities/${cc}.json`)).map((row) => ({ ...row, file: `contributions/cities/${cc}.json` })));
}

function checkPackageVersion(pkg, version) {
  const found = readJson(path.join(ROOT, 'node_modules', pkg, 'package.json')).version;
  if (found !== version) throw new Error(`${pkg} is ${found}, the build is pinned to ${version}`);
}

function readGeoNames() {
  checkPackageVersion(GEONAMES.package, GEONAMES.version);
  const dir = path.join(ROOT, 'node_modules', GEONAMES.package);
  const fields = ['id', 'name', 'asciiname', 'alternativeNames', 'lat', 'lon', 'featureClass', 'featureCode', 'country',
    'altCountry', 'adminCode', 'countrySubdivision', 'municipality', 'municipalitySubdivision', 'population'];
  return fs.readFileSync(path.join(dir, 'cities1000.txt'), 'utf8').split('\n').filter(Boolean).map((line) => {
    const f = line.split('\t');
    const row = Object.fromEntries(fields.map((name, i) => [name, f[i]]));
    return { ...row, lat: Number(row.lat), lon: Number(row.lon), population: Number(row.population || 0) };
  }).filter((row) => STATES[row.country]);
}

// ---- names ----------------------------------------------------------------------------------------

const commonWords = new Set(readJson(path.join(ROOT, 'server/src/core/data/common-words.json')).words);
const givenNamesFile = readJson(path.join(ROOT, 'server/src/core/data/given-names.json'));
const givenNames = new Set([...givenNamesFile.male, ...givenNamesFile.female, ...givenNamesFile.either]);
// Surname endings that mark a man's or any surname (not the weak ones, nor Armenian -yan, which many towns
// are named with): a town of under 100,000 called "Kasimov" would take "Ulugbek Kasimov" from the name
// recognizer, because a knowledge-base name is matched first.
const surnameFile = readJson(path.join(ROOT, 'server/src/core/data/surname-endings.json'));
const SURNAME_ENDINGS = [...surnameFile.male, ...surnameFile.either].filter((e) => !e.weak && e.ending !== 'yan').map((e) => e.ending);
const ANY_SURNAME_ENDINGS = [...SURNAME_ENDINGS, ...surnameFile.female.filter((e) => !e.weak).map((e) => e.ending)];
const endsLike = (name, endings) => /^[A-Z][a-z]+$/.test(name) && endings.some((end) => name.length >= end.length + 2 && name.toLowerCase().endsWith(end));
const looksLikeSurname = (name) => endsLike(name, SURNAME_ENDINGS);
/** An alias is only a spelling: one shaped like anyone's surname ("Ivanova" for Ivanovo) is not worth the false links. */
const aliasLooksLikeSurname = (alias) => endsLike(alias, ANY_SURNAME_ENDINGS);
const stopNames = new Set(readJson(path.join(ROOT, 'scripts/kb/stop-names.json')).names);
const LATIN_NAME = /^[A-Z\u00C0-\u024F\u1E00-\u1EFF][A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’‘ʻ.\- ]*[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]$/;
const CYRILLIC_NAME = /^[\u0400-\u04FF][\u0400-\u04FF\- ]*[\u0400-\u04FF]$/;

/** Why `name` may not be matched in English news, or undefined when it may. */
function unsafeReason(name, curatedLabels) {
  if (curatedLabels.has(name)) return 'a curated entity\'s name or alias';
  if (stopNames.has(name)) return 'on the stop-list';
  if (CYRILLIC_NAME.test(name)) return name.length < 4 ? 'shorter than 4 letters' : undefined;
  if (!LATIN_NAME.test(name)) return 'not plain Latin letters';
  if (name.replace(/[^A-Za-z\u00C0-\u024F]/g, '').length < 4) return 'shorter than 4 letters';
  if (commonWords.has(name.toLowerCase())) return 'a common English word';
  if (givenNames.has(name)) return 'a given name';
  return undefined;
}

/**
 * A city of 100,000 or more whose bare name is not safe ("Vladimir", "Ufa" next to a given name or a shorter
 * word) is still in the knowledge base, under "Vladimir (Russia)": a literal that running text does not
 * contain, so the bare word never links to it, while search, F12 and its Cyrillic alias still find it.
 */
function qualified(c) {
  return `${c.name} (${STATE_NAMES[c.cc]})`;
}
let STATE_NAMES = {};

function slug(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function fold(text) {
  return slug(text).replace(/-/g, '');
}

function km(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

// ---- curated ----------------------------------------------------------------------------------------

function readCurated() {
  const files = fs.readdirSync(KB_DIR).filter((f) => f.endsWith('.json') && !f.startsWith('generated-')).sort();
  return files.flatMap((f) => readJson(path.join(KB_DIR, f)).entities);
}

// ---- build ------------------------------------------------------------------------------------------

function build() {
  const curated = readCurated();
  const curatedIds = new Set(curated.map((e) => e.id));
  const curatedQids = new Set(curated.map((e) => e.wikidata).filter(Boolean));
  const curatedLabels = new Set(curated.flatMap((e) => [e.name, e.officialName, ...(e.aliases ?? []), ...(e.demonyms ?? [])]).filter(Boolean));
  const countryName = Object.fromEntries(Object.entries(STATES).map(([cc, id]) => {
    const country = curated.find((e) => e.id === id && e.kind === 'country');
    if (!country) throw new Error(`curated country "${id}" (${cc}) is missing`);
    return [cc, country.name];
  }));

  STATE_NAMES = countryName;
  const gazetteer = readJson(path.join(ROOT, GAZETTEER.file)).entries;
  const gazByRef = new Map(gazetteer.map((e) => [e.ref, e]));
  const dropped = new Map();
  const drop = (reason, what) => {
    dropped.set(reason, (dropped.get(reason) ?? 0) + 1);
    if (process.env.KB_BUILD_DEBUG && what) console.log(`  ${what}: ${reason}`);
  };

  // Regions -----------------------------------------------------------------------------------------
  const states = readStates();
  const stateById = new Map(states.map((s) => [s.id, s]));
  const regionName = (state) => gazByRef.get(`ISO 3166-2 ${state.iso3166_2}`)?.name ?? state.name;
  const candidates = [];
  for (const s of states) {
    const gaz = gazByRef.get(`ISO 3166-2 ${s.iso3166_2}`);
    const firstLevel = !s.parent_id;
    if (!gaz && !firstLevel) { drop('region: second-level unit without an English name in the gazetteer'); continue; }
    const parent = s.parent_id ? stateById.get(s.parent_id) : undefined;
    const kindWords = s.type ? ` (${s.type})` : '';
    candidates.push({
      kind: 'region', cc: s.country_code, qid: s.wikiDataId || null, population: Number(s.population || 0),
      name: gaz?.name ?? s.name,
      aliases: [...(gaz?.aliases ?? []), ...(s.native && CYRILLIC_NAME.test(s.native) ? [s.native] : [])],
      description: firstLevel
        ? `First-level administrative division of ${countryName[s.country_code]}${kindWords}.`
        : `Administrative division of ${countryName[s.country_code]}${kindWords}${parent ? `, in ${regionName(parent)}` : ''}.`,
      sources: [cscUrl('csv/states.csv')],
      facts: { file: 'csv/states.csv', key: { id: s.id }, name: s.name, wikiDataId: s.wikiDataId || null },
    });
  }

  // Cities: the Wikidata-derived table, matched to GeoNames for English names and population ---------
  const geo = readGeoNames();
  const geoByCountry = new Map();
  for (const g of geo) {
    if (!geoByCountry.has(g.country)) geoByCountry.set(g.country, []);
    geoByCountry.get(g.country).push(g);
  }
  const sameName = (g, name) => {
    const f = fold(name);
    return fold(g.name) === f || fold(g.asciiname) === f || (g.alternativeNames ?? '').split(',').some((a) => fold(a) === f);
  };
  // Each GeoNames city is the match of at most one row: the nearest one typed "city" (a district of the same
  // name, "Mykolaiv Raion", must not take the city's population).
  const cityRows = readCities().filter((c) => {
    if (NOT_A_CITY.has(c.type)) return drop(`city table row typed "${c.type}" (not a city or town)`), false;
    return c.wikiDataId || (drop('city: no Wikidata id in the Wikidata-derived table'), false);
  });
  const nearest = new Map();
  const matchOf = new Map();
  for (const c of cityRows) {
    const here = { lat: Number(c.latitude), lon: Number(c.longitude) };
    const g = (geoByCountry.get(c.country_code) ?? [])
      .filter((row) => km(row, here) <= SAME_PLACE_KM && sameName(row, c.name))
      .sort((a, b) => km(a, here) - km(b, here))[0];
    if (!g) continue;
    const rank = (c.type === 'city' ? 0 : 1000) + km(g, here);
    if (!nearest.has(g.id) || rank < nearest.get(g.id).rank) nearest.set(g.id, { rank, row: c });
    matchOf.set(c, g);
  }
  const usedGeo = new Set(nearest.keys());
  for (const c of cityRows) {
    const g = matchOf.get(c);
    const match = g && nearest.get(g.id).row === c ? g : undefined;
    const gaz = match ? gazByRef.get(`GeoNames ${match.id}`) : undefined;
    const state = stateById.get(String(c.state_id));
    // GeoNames' count when the two agree on the place; the table's own count is sometimes another place's.
    const population = match ? match.population : Number(c.population || 0);
    const cyrillic = [c.native, c.translations?.ru].filter((n) => n && CYRILLIC_NAME.test(n));
    candidates.push({
      kind: 'city', cc: c.country_code, qid: c.wikiDataId, population,
      name: gaz?.name ?? c.name,
      aliases: [...(gaz?.aliases ?? []), ...(gaz && gaz.name !== c.name ? [c.name] : []), ...cyrillic],
      description: `${population >= BIG_CITY ? 'City' : 'Town or settlement'} in ${state ? `${regionName(state)}, ` : ''}${countryName[c.country_code]}.`,
      sources: [cscUrl(c.file), ...(match ? [`https://www.geonames.org/${match.id}`] : [])],
      facts: { file: c.file, key: { id: c.id }, name: c.name, wikiDataId: c.wikiDataId },
    });
  }
  // Cities of 100,000 or more that the Wikidata-derived table lacks (all of Russia's), and towns of 5,000 or
  // more whose name the gazetteer screened: GeoNames alone, so no Wikidata id.
  for (const g of geo) {
    if (usedGeo.has(g.id) || g.population < GEONAMES_TOWN || g.featureClass !== 'P') continue;
    const gaz = gazByRef.get(`GeoNames ${g.id}`);
    if (!gaz && g.population < BIG_CITY) { drop('town: GeoNames only and not in the gazetteer'); continue; }
    candidates.push({
      kind: 'city', cc: g.country, qid: null, population: g.population,
      name: gaz?.name ?? g.name,
      aliases: [...(gaz?.aliases ?? [])],
      description: `${g.population >= BIG_CITY ? 'City' : 'Town'} in ${countryName[g.country]}.`,
      sources: [`https://www.geonames.org/${g.id}`],
      facts: undefined,
    });
  }

  // Curated entries win; names must be safe and, among generated places, unique ----------------------
  const kept = [];
  for (const c of candidates) {
    if (c.qid && curatedQids.has(c.qid)) { drop(`${c.kind}: already curated (same Wikidata id)`, c.name); continue; }
    let reason = unsafeReason(c.name, curatedLabels) ?? (c.population < BIG_CITY && looksLikeSurname(c.name) ? 'shaped like a surname' : undefined);
    // A region whose bare name is unsafe ("Lori", a given name) goes by its longer safe name ("Lori Province").
    const saferName = reason && c.kind === 'region' ? c.aliases.find((a) => a.startsWith(c.name) && !unsafeReason(a, curatedLabels)) : undefined;
    if (saferName) {
      c.name = saferName;
      reason = undefined;
    }
    if (reason && c.kind === 'city' && c.population >= BIG_CITY && !curatedLabels.has(c.name)) c.name = qualified(c);
    else if (reason) { drop(`${c.kind}: name is ${reason}`, c.name); continue; }
    c.aliases = [...new Set(c.aliases)].filter((a) => a !== c.name && !unsafeReason(a, curatedLabels) && !(c.population < BIG_CITY && looksLikeSurname(a)) && !aliasLooksLikeSurname(a));
    kept.push(c);
  }
  const byQid = new Map();
  for (const c of kept.filter((k) => k.qid)) byQid.set(c.qid, [...(byQid.get(c.qid) ?? []), c]);
  const unique = kept.filter((c) => {
    if (!c.qid || byQid.get(c.qid).length === 1) return true;
    const best = byQid.get(c.qid).slice().sort((a, b) => (a.kind === 'region') - (b.kind === 'region') || b.population - a.population)[0];
    if (best !== c) {
      drop(`${c.kind}: second row with the same Wikidata id`, c.name);
      // One Wikidata item is one entity: the city that keeps it answers to the unit's names too ("Lankaran District").
      best.aliases.push(c.name, ...c.aliases);
    }
    return best === c;
  });
  const claimants = new Map();
  for (const c of unique) {
    c.aliases = [...new Set(c.aliases)].filter((a) => a !== c.name && !unsafeReason(a, curatedLabels));
    for (const label of [c.name, ...c.aliases]) claimants.set(label, [...(claimants.get(label) ?? []), c]);
  }
  /** The place that may keep `label`: the only claimant, or one ten times more populous than each other. */
  const owner = (label) => {
    const list = claimants.get(label);
    if (list.length === 1) return list[0];
    const sorted = list.slice().sort((a, b) => b.population - a.population);
    // A city of republican significance or a state city is also a region ("Shymkent", "Jelgava"): the city keeps the name.
    const cities = list.filter((c) => c.kind === 'city');
    if (cities.length === 1) return cities[0];
    return sorted[0].population >= DOMINANT_RATIO * Math.max(1, sorted[1].population) ? sorted[0] : undefined;
  };
  const final = [];
  const qualifiedNames = new Set();
  for (const c of unique) {
    const q = qualified(c);
    if (owner(c.name) !== c && c.kind === 'city' && c.population >= BIG_CITY && !claimants.has(q) && !qualifiedNames.has(q)) {
      c.name = q;
      qualifiedNames.add(q);
    }
    else if (owner(c.name) !== c) { drop(`${c.kind}: name shared with another place of similar size`, c.name); continue; }
    c.aliases = c.aliases.filter((a) => owner(a) === c);
    final.push(c);
  }

  const qualifiedCount = final.filter((c) => c.name.endsWith(')')).length;
  if (qualifiedCount) dropped.set('(kept, but matched only as "Name (Country)": city of 100,000+ whose bare name is unsafe or shared)', qualifiedCount);

  // Ids: the name's slug, then with the country code, then with the Wikidata or GeoNames id ------------
  const taken = new Set(curatedIds);
  final.sort((a, b) => b.population - a.population || a.name.localeCompare(b.name, 'en') || String(a.qid).localeCompare(String(b.qid)));
  const entities = final.map((c) => {
    const base = slug(c.name) || 'place';
    const tail = c.qid ? c.qid.toLowerCase() : c.sources[0].split('/').pop();
    const id = [base, `${base}-${c.cc.toLowerCase()}`, `${base}-${c.cc.toLowerCase()}-${tail}`].find((s) => !taken.has(s));
    taken.add(id);
    const entity = {
      id, kind: 'place', name: c.name,
      ...(c.aliases.length ? { aliases: c.aliases.sort() } : {}),
      wikidata: c.qid,
      description: c.description,
      sources: [...(c.qid ? [`https://www.wikidata.org/wiki/${c.qid}`] : []), ...c.sources],
      country: STATES[c.cc],
      placeType: c.kind === 'region' ? 'region' : 'city',
    };
    return { entity, candidate: c };
  });
  return { entities, dropped };
}

// ---- output -----------------------------------------------------------------------------------------

function writeKbFile(file, entities, comment) {
  const lines = entities.map((e) => `    ${JSON.stringify(e)}`);
  const text = `{\n  "$schema": "../../schemas/cis-kb.schema.json",\n  "$comment": ${JSON.stringify(comment)},\n  "entities": [\n${lines.join(',\n')}\n  ]\n}\n`;
  fs.writeFileSync(file, text);
}

/** Fifty facts spread evenly over the entities that have a Wikidata-derived row, for `npm run kb:check`. */
function sampleFacts(built) {
  const withRow = built.filter((b) => b.candidate.facts);
  const step = withRow.length / 50;
  return Array.from({ length: Math.min(50, withRow.length) }, (_, i) => withRow[Math.floor(i * step)])
    .map(({ entity, candidate }) => ({ entity: entity.id, wikidata: entity.wikidata, ...candidate.facts }));
}

const { entities, dropped } = build();
const inputsNote = `Generated by scripts/kb/build.mjs (npm run kb:build); do not edit by hand, add hand-curated entries to the other files (they win). Inputs: ${CSC.repo} at ${CSC.commit} (${CSC.licence}; ${CSC.files.length} files), ${GEONAMES.package} ${GEONAMES.version} (${GEONAMES.licence}), names from ${GAZETTEER.file}.`;
const droppedNote = [...dropped].sort((a, b) => a[0].localeCompare(b[0])).map(([r, n]) => `${r}: ${n}`).join('; ');
const regions = entities.filter((b) => b.entity.placeType === 'region');
const cities = entities.filter((b) => b.entity.placeType === 'city');
writeKbFile(OUT_REGIONS, regions.map((b) => b.entity), `${inputsNote} Left out: ${droppedNote}.`);
writeKbFile(OUT_CITIES, cities.map((b) => b.entity), `${inputsNote} Left out: ${droppedNote}.`);
fs.writeFileSync(OUT_SAMPLE, `${JSON.stringify({ $comment: 'Facts drawn from the pinned inputs by scripts/kb/build.mjs; npm run kb:check re-reads the inputs and the KB and compares.', repo: CSC.repo, commit: CSC.commit, facts: sampleFacts(entities) }, null, 1)}\n`);
console.log(`${regions.length} regions, ${cities.length} cities (${cities.filter((b) => b.entity.wikidata).length} with a Wikidata id)`);
for (const [reason, n] of [...dropped].sort((a, b) => b[1] - a[1])) console.log(`  left out ${String(n).padStart(5)}  ${reason}`);
