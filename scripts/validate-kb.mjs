#!/usr/bin/env node
// Validates the built-in knowledge base (seeds/kb/*.json) against the rules the language server
// relies on. No dependencies beyond node built-ins.
//
//   node scripts/validate-kb.mjs [dir]      (default: <repo>/seeds/kb)
//
// Checks: every file parses and has an "entities" array; required fields and their formats (id slug,
// kind, QID, ISO dates, source URLs); no unknown properties (typos); ids unique across all files;
// every referenced id (role.of, country, capital, members[].member) exists; no period ends before
// it starts; no alias (or name) claimed by two entities of the same kind, except a name shared by
// people (a surname: the linker decides by given name, title, the article's date and country, or marks
// the mention ambiguous); per-kind fields are used on the right kinds only; no two entities share a QID;
// every entity has at least one source URL. "wikidata" is a QID or null (no Wikidata-derived source has
// confirmed one yet); the old "Q0" placeholder is an error. Prints counts per kind (and how many have a
// Wikidata id) and exits 1 on any problem.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const kbDir = resolve(process.argv[2] ?? join(repoRoot, 'seeds', 'kb'));

const KINDS = ['person', 'country', 'organization', 'place', 'event'];
const ROLE_TYPES = ['head-of-state', 'head-of-government', 'minister', 'spokesperson', 'head-of-agency', 'secretary-general', 'other'];
const CIS_STATUSES = ['founding-member', 'member', 'associate', 'participant', 'withdrawn', 'non-member'];
const MEMBER_STATUSES = ['member', 'associate', 'observer', 'suspended'];
const ORG_TYPES = ['media', 'intergovernmental', 'bloc', 'cis-body', 'government', 'security-service', 'ministry', 'other'];
const PLACE_TYPES = ['city', 'region', 'venue', 'continent', 'other'];
const GENDERS = ['male', 'female'];

const ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const QID_RE = /^Q[1-9][0-9]*$/;
const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const ENTITY_KEYS = new Set([
  'id', 'kind', 'name', 'aliases', 'needsContext', 'wikidata', 'description', 'sources',
  'gender', 'roles', 'country',
  'officialName', 'demonyms', 'capital', 'cis',
  'orgType', 'members', 'founded',
  'placeType', 'date',
]);
const ROLE_KEYS = new Set(['title', 'of', 'type', 'start', 'end', 'asOf']);
const CIS_KEYS = new Set(['status', 'start', 'end', 'note']);
const MEMBER_KEYS = new Set(['member', 'status', 'start', 'end']);
// Fields that only make sense on some kinds (country is allowed on person, organization, place).
const KIND_ONLY = {
  gender: ['person'], roles: ['person'],
  officialName: ['country'], demonyms: ['country'], capital: ['country'], cis: ['country'],
  orgType: ['organization'], members: ['organization'], founded: ['organization'],
  placeType: ['place'], date: ['event', 'place'],
  country: ['person', 'organization', 'place', 'event', 'country'],
};

const problems = [];
const warn = (where, msg) => problems.push(`${where}: ${msg}`);

/** Validate a date string, and return a sortable, comparable key or undefined. */
function checkDate(where, field, value) {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !DATE_RE.test(value)) {
    warn(where, `${field} "${value}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    return undefined;
  }
  const [y, m, d] = value.split('-').map(Number);
  if (m !== undefined && (m < 1 || m > 12)) warn(where, `${field} "${value}" has month ${m}`);
  if (d !== undefined) {
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    if (d < 1 || d > days) warn(where, `${field} "${value}" has day ${d}`);
  }
  return value;
}

/** A period ends before it starts? Partial dates compare on the precision they share. */
function checkPeriod(where, period) {
  const s = checkDate(where, 'start', period.start);
  const e = checkDate(where, 'end', period.end);
  if (s && e) {
    const n = Math.min(s.length, e.length);
    if (e.slice(0, n) < s.slice(0, n)) warn(where, `ends (${e}) before it starts (${s})`);
  }
}

function checkUnknownKeys(where, obj, allowed) {
  for (const k of Object.keys(obj)) if (!allowed.has(k)) warn(where, `unknown property "${k}"`);
}

function checkStringArray(where, field, value, { nonEmpty = false } = {}) {
  if (value === undefined) return [];
  if (!Array.isArray(value)) { warn(where, `${field} must be an array`); return []; }
  if (nonEmpty && value.length === 0) warn(where, `${field} must not be empty`);
  const seen = new Set();
  for (const v of value) {
    if (typeof v !== 'string' || v.trim() === '') warn(where, `${field} has an empty or non-string item`);
    else if (v !== v.trim()) warn(where, `${field} item "${v}" has surrounding whitespace`);
    if (seen.has(v)) warn(where, `${field} repeats "${v}"`);
    seen.add(v);
  }
  return value.filter((v) => typeof v === 'string');
}

// ---- load ---------------------------------------------------------------------------------------

let files;
try {
  files = readdirSync(kbDir).filter((f) => f.endsWith('.json')).sort();
} catch (err) {
  console.error(`cannot read ${kbDir}: ${err.message}`);
  process.exit(1);
}
if (files.length === 0) {
  console.error(`no *.json files in ${kbDir}`);
  process.exit(1);
}

/** @type {{file: string, index: number, e: any}[]} */
const all = [];
for (const file of files) {
  const path = join(kbDir, file);
  const rel = relative(repoRoot, path);
  let doc;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    warn(rel, `invalid JSON: ${err.message}`);
    continue;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) { warn(rel, 'top level must be an object'); continue; }
  checkUnknownKeys(rel, doc, new Set(['$schema', '$comment', 'entities']));
  if (!Array.isArray(doc.entities)) { warn(rel, '"entities" must be an array'); continue; }
  doc.entities.forEach((e, index) => all.push({ file: rel, index, e }));
}

// ---- per-entity checks --------------------------------------------------------------------------

const byId = new Map();
for (const { file, index, e } of all) {
  const where = `${file} #${index}${e && typeof e.id === 'string' ? ` (${e.id})` : ''}`;
  if (e === null || typeof e !== 'object' || Array.isArray(e)) { warn(where, 'entity must be an object'); continue; }
  checkUnknownKeys(where, e, ENTITY_KEYS);

  for (const f of ['id', 'kind', 'name', 'description']) {
    if (typeof e[f] !== 'string' || e[f].trim() === '') warn(where, `missing required string "${f}"`);
  }
  if (typeof e.id === 'string') {
    if (!ID_RE.test(e.id)) warn(where, `id "${e.id}" is not a lower-case kebab slug`);
    if (byId.has(e.id)) warn(where, `duplicate id "${e.id}" (first in ${byId.get(e.id).file})`);
    else byId.set(e.id, { file, e });
  }
  if (typeof e.kind === 'string' && !KINDS.includes(e.kind)) warn(where, `kind "${e.kind}" is not one of ${KINDS.join(', ')}`);
  if (!('wikidata' in e)) warn(where, 'missing "wikidata" (a QID, or null when no source has confirmed one)');
  else if (e.wikidata !== null && (typeof e.wikidata !== 'string' || !QID_RE.test(e.wikidata))) {
    warn(where, `wikidata ${JSON.stringify(e.wikidata)} is not a QID like Q159 (use null when no Wikidata-derived source confirms one)`);
  }

  if (!Array.isArray(e.sources) || e.sources.length === 0) warn(where, 'needs at least one source URL');
  else for (const s of e.sources) {
    let ok = typeof s === 'string';
    if (ok) { try { const u = new URL(s); ok = u.protocol === 'http:' || u.protocol === 'https:'; } catch { ok = false; } }
    if (!ok) warn(where, `source "${s}" is not an http(s) URL`);
  }

  checkStringArray(where, 'aliases', e.aliases);
  // needsContext names the entity's own names that link only with supporting context ("GUAM", "RT").
  for (const n of checkStringArray(where, 'needsContext', e.needsContext)) {
    if (n !== e.name && !(Array.isArray(e.aliases) && e.aliases.includes(n))) warn(where, `needsContext "${n}" is not one of its names or aliases`);
  }
  checkStringArray(where, 'demonyms', e.demonyms);

  for (const [field, kinds] of Object.entries(KIND_ONLY)) {
    if (e[field] !== undefined && typeof e.kind === 'string' && !kinds.includes(e.kind)) {
      warn(where, `"${field}" is not used on kind ${e.kind}`);
    }
  }
  if (e.gender !== undefined && !GENDERS.includes(e.gender)) warn(where, `gender "${e.gender}" is not male or female`);
  if (e.kind === 'person' && e.gender === undefined) warn(where, 'person has no gender (needed for pronoun resolution)');
  if (e.orgType !== undefined && !ORG_TYPES.includes(e.orgType)) warn(where, `orgType "${e.orgType}" is not one of ${ORG_TYPES.join(', ')}`);
  if (e.placeType !== undefined && !PLACE_TYPES.includes(e.placeType)) warn(where, `placeType "${e.placeType}" is not one of ${PLACE_TYPES.join(', ')}`);
  checkDate(where, 'founded', e.founded);
  checkDate(where, 'date', e.date);
  for (const f of ['officialName', 'country', 'capital']) {
    if (e[f] !== undefined && (typeof e[f] !== 'string' || e[f] === '')) warn(where, `"${f}" must be a non-empty string`);
  }

  if (e.roles !== undefined) {
    if (!Array.isArray(e.roles)) warn(where, '"roles" must be an array');
    else e.roles.forEach((r, i) => {
      const w = `${where} roles[${i}]`;
      if (r === null || typeof r !== 'object') { warn(w, 'role must be an object'); return; }
      checkUnknownKeys(w, r, ROLE_KEYS);
      if (typeof r.title !== 'string' || r.title === '') warn(w, 'missing "title"');
      if (r.type !== undefined && !ROLE_TYPES.includes(r.type)) warn(w, `type "${r.type}" is not one of ${ROLE_TYPES.join(', ')}`);
      checkPeriod(w, r);
      const asOf = checkDate(w, 'asOf', r.asOf);
      if (asOf && r.end !== undefined) warn(w, '"asOf" is for a role with no end');
      if (asOf && r.start && asOf < r.start) warn(w, `is known as of ${asOf}, before it starts (${r.start})`);
    });
  }
  if (e.cis !== undefined) {
    if (!Array.isArray(e.cis)) warn(where, '"cis" must be an array');
    else e.cis.forEach((c, i) => {
      const w = `${where} cis[${i}]`;
      if (c === null || typeof c !== 'object') { warn(w, 'CIS status must be an object'); return; }
      checkUnknownKeys(w, c, CIS_KEYS);
      if (!CIS_STATUSES.includes(c.status)) warn(w, `status "${c.status}" is not one of ${CIS_STATUSES.join(', ')}`);
      checkPeriod(w, c);
    });
  }
  if (e.members !== undefined) {
    if (!Array.isArray(e.members)) warn(where, '"members" must be an array');
    else e.members.forEach((m, i) => {
      const w = `${where} members[${i}]`;
      if (m === null || typeof m !== 'object') { warn(w, 'membership must be an object'); return; }
      checkUnknownKeys(w, m, MEMBER_KEYS);
      if (typeof m.member !== 'string' || m.member === '') warn(w, 'missing "member"');
      if (m.status !== undefined && !MEMBER_STATUSES.includes(m.status)) warn(w, `status "${m.status}" is not one of ${MEMBER_STATUSES.join(', ')}`);
      checkPeriod(w, m);
    });
  }
}

// ---- cross-entity checks ------------------------------------------------------------------------

function checkRef(where, field, id, wantKinds) {
  if (typeof id !== 'string') return;
  const target = byId.get(id);
  if (!target) { warn(where, `${field} refers to unknown id "${id}"`); return; }
  if (wantKinds && !wantKinds.includes(target.e.kind)) {
    warn(where, `${field} "${id}" is a ${target.e.kind}, expected ${wantKinds.join(' or ')}`);
  }
}

for (const { file, index, e } of all) {
  if (e === null || typeof e !== 'object') continue;
  const where = `${file} #${index} (${e.id})`;
  checkRef(where, 'country', e.country, ['country']);
  checkRef(where, 'capital', e.capital, ['place']);
  if (Array.isArray(e.roles)) e.roles.forEach((r, i) => r && checkRef(where, `roles[${i}].of`, r.of, ['country', 'organization']));
  if (Array.isArray(e.members)) {
    e.members.forEach((m, i) => m && checkRef(where, `members[${i}].member`, m.member, ['country', 'organization']));
  }
  if (e.kind === 'country' && e.id === e.country) warn(where, 'country refers to itself');
}

// No alias claimed by two entities of the same kind (names count as aliases; case-sensitive). People
// may share one (a surname): context disambiguates them, and they are counted, not rejected.
const claims = new Map(); // `${kind}\u0000${alias}` -> id
let sharedByPeople = 0;
for (const { e } of all) {
  if (e === null || typeof e !== 'object' || typeof e.kind !== 'string') continue;
  const labels = new Set([e.name, e.officialName, ...(Array.isArray(e.aliases) ? e.aliases : [])].filter((s) => typeof s === 'string'));
  for (const label of labels) {
    const key = `${e.kind}\u0000${label}`;
    const prev = claims.get(key);
    if (prev !== undefined && prev !== e.id) {
      if (e.kind === 'person' && label !== e.name && label !== byId.get(prev)?.e.name) sharedByPeople++;
      else warn(`${e.kind} "${label}"`, `claimed by both "${prev}" and "${e.id}"`);
    } else claims.set(key, e.id);
  }
}

// Two entities sharing a QID is almost always a copy-paste slip.
const byQid = new Map();
for (const { e } of all) {
  if (e === null || typeof e !== 'object' || typeof e.wikidata !== 'string') continue;
  const prev = byQid.get(e.wikidata);
  if (prev !== undefined) warn(`wikidata ${e.wikidata}`, `used by both "${prev}" and "${e.id}"`);
  else byQid.set(e.wikidata, e.id);
}

// ---- report -------------------------------------------------------------------------------------

const counts = Object.fromEntries(KINDS.map((k) => [k, 0]));
for (const { e } of all) if (e && KINDS.includes(e.kind)) counts[e.kind]++;
console.log(`${all.length} entities in ${files.length} files under ${relative(repoRoot, kbDir) || kbDir}`);
for (const k of KINDS) console.log(`  ${k.padEnd(13)} ${counts[k]}`);

const withQid = all.filter(({ e }) => e && typeof e.wikidata === 'string').length;
console.log(`  with a Wikidata id: ${withQid}; without (null): ${all.length - withQid}; aliases shared by people: ${sharedByPeople}`);

if (problems.length > 0) {
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'}:`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log('knowledge base OK');
