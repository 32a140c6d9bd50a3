#!/usr/bin/env node
/**
 * Part of `npm run kb:build`: the office holders of the fifteen states (heads of state and of government,
 * foreign and defence ministers, parliament speakers, central-bank heads) from the pinned Wikidata query
 * results in OFFICEHOLDERS (inputs.mjs), read by office-terms.mjs. Writes
 *   seeds/kb/generated-officeholders.json   people the curated files do not hold, with their dated terms
 *   scripts/kb/office-terms-sample.json     50 dated terms drawn from the inputs, re-checked by `npm run kb:check`
 *
 * Hand-curated people win. An input person is the curated one when the curated entity carries the same
 * Wikidata id, or (curated id null) has the same name and a term of the same office that starts in the same
 * year; that person's terms stay as curated (the build prints where the input has more or other dates).
 *
 * A term with no end was open on the day of the snapshot (`asOf`): it ends where the next holder of the office
 * (curated or input) starts, else it keeps `asOf`, so the KB claims nothing about later dates. A term that
 * surely overlaps another holder's term of the same office (compared at the coarser of the two precisions)
 * is left out: one of the two dates is wrong and the build cannot tell which. Names must be two or more
 * words of Latin letters and not another entity's name or alias. The output is sorted and re-running the
 * build on the same inputs gives the same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { OFFICEHOLDERS, ROOT } from './inputs.mjs';
import { readOfficeTerms } from './office-terms.mjs';

const KB_DIR = path.join(ROOT, 'seeds', 'kb');
const OUT = path.join(KB_DIR, 'generated-officeholders.json');
const OUT_SAMPLE = path.join(ROOT, 'scripts', 'kb', 'office-terms-sample.json');
const SAMPLE_SIZE = 50;
/** Terms that overlap by at most this many days are a handover (decree and inauguration days differ). */
const HANDOVER_DAYS = 92;
let trimmed = 0;
/** Days from a to b, each read as its first day when given as a year or month. */
const days = (a, b) => (Date.parse(`${(b + '-01-01').slice(0, 10)}T00:00:00Z`) - Date.parse(`${(a + '-01-01').slice(0, 10)}T00:00:00Z`)) / 86_400_000;
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

const slug = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const fold = (text) => slug(text).replace(/-/g, '');
const ascii = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const PERSON_NAME = /^[A-Z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’.-]*( [A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’.-]*)+$/;

/** The office a curated role is, in the build's terms (speakers and central-bank heads by their title words). */
export function officeOfRole(role) {
  if (role.type === 'head-of-state') return 'head-of-state';
  if (role.type === 'head-of-government') return 'head-of-government';
  if (role.type === 'minister' && /foreign/i.test(role.title)) return 'foreign';
  if (role.type === 'minister' && /defen[cs]e/i.test(role.title)) return 'defence';
  if (role.type === 'head-of-agency' && /bank/i.test(role.title)) return 'central-bank';
  if (role.type === 'other' && /chair|speaker|president of the/i.test(role.title) && !/security|cabinet|executive|committee/i.test(role.title)) return 'speaker';
  return undefined;
}

/** a < b, compared at the coarser precision of the two ("2005" is not before "2005-03-25"). */
const surelyBefore = (a, b) => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
};

function readKb() {
  const files = fs.readdirSync(KB_DIR).filter((f) => f.endsWith('.json') && f !== path.basename(OUT)).sort();
  return files.flatMap((f) => readJson(path.join(KB_DIR, f)).entities.map((e) => ({ ...e, curated: !f.startsWith('generated-') })));
}

/** The curated person an input person is, if any (see the header). */
function curatedMatch(person, terms, curatedPeople) {
  const byId = curatedPeople.find((p) => p.wikidata === person);
  if (byId) return byId;
  const names = new Set(terms.map((t) => fold(t.name)));
  return curatedPeople.find((p) => !p.wikidata && [p.name, ...(p.aliases ?? [])].some((n) => names.has(fold(n)))
    && terms.some((t) => (p.roles ?? []).some((r) => r.of === t.state && officeOfRole(r) === t.office && r.start
      && (r.start.slice(0, 4) === t.start.slice(0, 4) || (surelyBefore(r.start, t.end ?? '9999') && surelyBefore(t.start, r.end ?? '9999'))))));
}

function build() {
  const kb = readKb();
  const curatedPeople = kb.filter((e) => e.curated && e.kind === 'person');
  const takenNames = new Set(kb.flatMap((e) => [e.name, ...(e.aliases ?? [])]).map(fold));
  const takenIds = new Set(kb.map((e) => e.id));
  const all = readOfficeTerms();
  const skipped = new Map();
  const skip = (reason) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  for (const t of all.filter((t) => t.skip)) skip(t.skip);
  const terms = all.filter((t) => !t.skip);

  // People: curated ones keep their terms; the others become generated entities.
  const byPerson = new Map();
  for (const t of terms) byPerson.set(t.person, [...(byPerson.get(t.person) ?? []), t]);
  const curatedFor = new Map();
  const notes = { confirmedIds: [], curatedDiffers: [] };
  for (const [person, ts] of byPerson) {
    const c = curatedMatch(person, ts, curatedPeople);
    if (c) curatedFor.set(person, c);
  }

  // Every holder of every office, curated and input, to end open terms and find overlaps.
  // Speakers: one office per chamber (the Duma's chairman and the Federation Council's are two offices).
  const officeKey = (state, office, title) => `${state}\u0000${office}${office === 'speaker' ? `\u0000${title}` : ''}`;
  const holders = new Map();
  const addHolder = (key, h) => holders.set(key, [...(holders.get(key) ?? []), h]);
  for (const p of curatedPeople) {
    for (const r of p.roles ?? []) {
      const office = officeOfRole(r);
      // A curated open term known only up to its asOf claims nothing later (as isWithin reads it), so it does not
      // stand in the way of a later input term.
      if (office && r.of && r.start) addHolder(officeKey(r.of, office, r.title), { who: p.id, start: r.start, end: r.end ?? r.asOf, curated: true });
    }
  }
  const generatedTerms = terms.filter((t) => !curatedFor.has(t.person));
  for (const t of generatedTerms) addHolder(officeKey(t.state, t.office, t.title), { who: t.person, start: t.start, end: t.end, term: t });

  for (const t of generatedTerms) {
    if (t.end) continue;
    const next = holders.get(officeKey(t.state, t.office, t.title)).filter((h) => h.who !== t.person && surelyBefore(t.start, h.start))
      .sort((a, b) => a.start.localeCompare(b.start))[0];
    if (next) { t.endFromNext = next.start; } else t.openAsOf = t.asOf;
  }
  const endOf = (h) => h.term?.endAtNext ?? h.end ?? h.term?.endFromNext ?? h.term?.openAsOf ?? '9999';
  const kept = [];
  for (const t of generatedTerms) {
    const others = holders.get(officeKey(t.state, t.office, t.title)).filter((h) => h.who !== t.person);
    // A handover: this term's end falls a little after the next holder's start. The office has one holder, so
    // the term ends where the next begins (both dates are the input's).
    const next = others.filter((h) => surelyBefore(t.start, h.start) && surelyBefore(h.start, endOf({ ...t, term: t })))
      .sort((a, b) => a.start.localeCompare(b.start))[0];
    if (next && t.end && days(next.start, t.end) <= HANDOVER_DAYS) { t.endAtNext = next.start; trimmed++; }
    const clash = others.find((h) => surelyBefore(t.start, endOf(h)) && surelyBefore(h.start, endOf({ ...t, term: t }))
      && !(surelyBefore(h.start, t.start) && days(t.start, endOf(h)) <= HANDOVER_DAYS));
    if (clash) {
      skip(`overlaps another holder of the office (${clash.curated ? 'curated' : 'input'})`);
      if (process.env.KB_DEBUG) console.log(`overlap: ${t.cc} ${t.office} ${t.name} ${t.start}–${t.end ?? t.endFromNext ?? ''} with ${clash.who} ${clash.start}–${clash.end ?? ''}`);
    } else kept.push(t);
  }

  // Entities.
  const entities = [];
  const keptBy = new Map();
  for (const t of kept) keptBy.set(t.person, [...(keptBy.get(t.person) ?? []), t]);
  for (const [person, ts] of keptBy) {
    const name = ts[0].name;
    if (!PERSON_NAME.test(name)) { for (const _ of ts) skip('name is not two or more Latin words'); if (process.env.KB_DEBUG) console.log('name:', name); continue; }
    if (ts[0].gender !== 'male' && ts[0].gender !== 'female') { for (const _ of ts) skip('no gender in the input (pronouns need one)'); continue; }
    if (takenNames.has(fold(name))) { for (const _ of ts) skip('name is another entity\'s name or alias'); if (process.env.KB_DEBUG) console.log('taken:', name, person); continue; }
    takenNames.add(fold(name));
    let id = slug(name);
    if (takenIds.has(id)) id = `${id}-${person.toLowerCase()}`;
    takenIds.add(id);
    const aliases = ascii(name) !== name && !takenNames.has(fold(ascii(name))) ? [ascii(name)] : undefined;
    const roles = ts.sort((a, b) => a.start.localeCompare(b.start)).map((t) => ({
      title: t.title, of: t.state, type: t.type, start: t.start,
      ...(t.endAtNext || t.end || t.endFromNext ? { end: t.endAtNext ?? t.end ?? t.endFromNext } : { asOf: t.openAsOf }),
    }));
    const stateNames = new Map(kb.filter((e) => e.kind === 'country').map((e) => [e.id, e.name]));
    const span = (r) => `${r.start.slice(0, 4)}–${r.end ? r.end.slice(0, 4) : ''}`;
    entities.push({
      id, kind: 'person', name, ...(aliases ? { aliases } : {}), wikidata: person,
      description: roles.map((r) => `${r.title} of ${stateNames.get(r.of)} ${span(r)}`).join('; '),
      sources: [...new Set(ts.map((t) => t.url)), `https://www.wikidata.org/wiki/${person}`],
      gender: ts[0].gender,
      country: ts[0].state, roles,
    });
    for (const t of ts) t.entity = id;
  }

  // What the input says of curated people, for the curator (printed, not applied: curated wins).
  const agree = (a, b) => (a && b ? a.slice(0, Math.min(a.length, b.length)) === b.slice(0, Math.min(a.length, b.length)) : a === b);
  for (const [person, c] of curatedFor) {
    if (!c.wikidata) notes.confirmedIds.push(`${c.id} ${person}`);
    for (const t of byPerson.get(person)) {
      const roles = (c.roles ?? []).filter((r) => r.of === t.state && officeOfRole(r) === t.office);
      if (!roles.some((r) => agree(r.start, t.start) && (agree(r.end, t.end) || (!t.end && r.end)))) {
        notes.curatedDiffers.push(`${c.id}: ${t.title} ${t.start}–${t.end ?? ''} (curated: ${roles.map((r) => `${r.start}–${r.end ?? ''}`).join(', ') || 'none'})`);
      }
    }
  }
  entities.sort((a, b) => a.id.localeCompare(b.id));
  return { entities, kept: kept.filter((t) => t.entity), skipped, notes, curatedCount: curatedFor.size };
}

/** Fifty terms spread evenly over the generated terms, each with what the input row says. */
function sampleTerms(kept) {
  const ordered = [...kept].sort((a, b) => a.cc.localeCompare(b.cc) || a.office.localeCompare(b.office) || a.start.localeCompare(b.start) || a.person.localeCompare(b.person));
  const step = ordered.length / SAMPLE_SIZE;
  return Array.from({ length: Math.min(SAMPLE_SIZE, ordered.length) }, (_, i) => ordered[Math.floor(i * step)]).map((t) => ({
    entity: t.entity, state: t.state, repo: t.repo, commit: t.commit, file: t.file,
    row: { position: t.inputTitle, person: t.name, personID: t.person, start: t.start, end: t.end ?? '' },
    role: { title: t.title, start: t.start, ...(t.endAtNext || t.endFromNext ? { endsWhereNextStarts: t.endAtNext ?? t.endFromNext } : t.end ? { end: t.end } : { asOf: t.openAsOf }) },
  }));
}

const { entities, kept, skipped, notes, curatedCount } = build();
const pins = Object.values(OFFICEHOLDERS.states);
const comment = `Generated by scripts/kb/build-officeholders.mjs (npm run kb:build); do not edit by hand, add hand-curated people to the other files (they win). Inputs: html/holders21.csv of ${pins.length} every-politician-scrapers repositories at pinned commits (${OFFICEHOLDERS.licence}; see scripts/kb/inputs.mjs). ${kept.length} terms of ${entities.length} people (${trimmed} ended where the next holder started, a handover of at most ${HANDOVER_DAYS} days); ${curatedCount} input people are curated and keep their curated terms. Left out: ${[...skipped].sort().map(([r, n]) => `${r}: ${n}`).join('; ') || 'nothing'}.`;
const lines = entities.map((e) => `    ${JSON.stringify(e)}`);
fs.writeFileSync(OUT, `{\n  "$schema": "../../schemas/cis-kb.schema.json",\n  "$comment": ${JSON.stringify(comment)},\n  "entities": [\n${lines.join(',\n')}\n  ]\n}\n`);
fs.writeFileSync(OUT_SAMPLE, `${JSON.stringify({ $comment: 'Dated office terms drawn from the pinned inputs by scripts/kb/build-officeholders.mjs; npm run kb:check re-reads the input rows and the KB and compares.', facts: sampleTerms(kept) }, null, 1)}\n`);
console.log(`${path.relative(ROOT, OUT)}: ${entities.length} people, ${kept.length} terms (${curatedCount} input people are curated)`);
console.log(`left out: ${[...skipped].map(([r, n]) => `${r}: ${n}`).join('; ') || 'nothing'}`);
if (process.argv.includes('--report')) {
  console.log(`curated people whose Wikidata id the input confirms (${notes.confirmedIds.length}):\n  ${notes.confirmedIds.join('\n  ')}`);
  console.log(`input terms of curated people that the curated entity has otherwise (${notes.curatedDiffers.length}):\n  ${notes.curatedDiffers.join('\n  ')}`);
}
