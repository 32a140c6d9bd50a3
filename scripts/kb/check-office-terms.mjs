#!/usr/bin/env node
/**
 * Part of `npm run kb:check`: re-checks the 50 dated office terms in scripts/kb/office-terms-sample.json (drawn
 * evenly by build-officeholders.mjs) against the pinned inputs in `.cache/kb-inputs/` and the committed KB:
 *  - the input file at the pinned commit still has the row (position, person, Wikidata id, start, end);
 *  - the KB entity carries that Wikidata id, cites the input file, and holds the role with that start and
 *    with the input's end; or, where the build ended the term at the next holder's start (an open term, or a
 *    handover), a KB holder of the same office in the same state starts on that day; or, for a term open in the
 *    snapshot and with no later holder, `asOf` is the snapshot's day.
 * Exits 1 on any mismatch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { OFFICEHOLDERS, ROOT, repoUrl } from './inputs.mjs';
import { parseCsv, readPinned } from './office-terms.mjs';

const sample = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts/kb/office-terms-sample.json'), 'utf8'));
const entities = fs.readdirSync(path.join(ROOT, 'seeds/kb')).filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds/kb', f), 'utf8')).entities);
const kb = new Map(entities.map((e) => [e.id, e]));
const problems = [];
const fail = (fact, msg) => problems.push(`${fact.entity} (${fact.row.position}, ${fact.row.start}): ${msg}`);

const ccOf = (repo) => Object.entries(OFFICEHOLDERS.states).find(([, pin]) => pin.repo === repo)?.[0];
const rowsCache = new Map();
const rowsOf = (cc, file) => {
  const key = `${cc}/${file}`;
  if (!rowsCache.has(key)) rowsCache.set(key, parseCsv(readPinned(cc, file)));
  return rowsCache.get(key);
};

let dated = 0;
for (const fact of sample.facts) {
  const cc = ccOf(fact.repo);
  const pin = OFFICEHOLDERS.states[cc];
  if (!pin || pin.commit !== fact.commit) { fail(fact, `drawn from ${fact.repo}@${fact.commit}, which is not the pinned input: rebuild`); continue; }
  const row = rowsOf(cc, fact.file).find((r) => r.personID === fact.row.personID && r.position === fact.row.position && r.start === fact.row.start);
  if (!row) { fail(fact, `no row for ${fact.row.personID} as ${fact.row.position} from ${fact.row.start} in ${fact.repo}/${fact.file}`); continue; }
  if (row.person !== fact.row.person) fail(fact, `the input names ${row.personID} "${row.person}", the sample "${fact.row.person}"`);
  if ((row.end ?? '') !== fact.row.end) fail(fact, `the input ends the term ${row.end || '(open)'}, the sample ${fact.row.end || '(open)'}`);
  const entity = kb.get(fact.entity);
  if (!entity) { fail(fact, 'not in the knowledge base'); continue; }
  if (entity.wikidata !== row.personID) fail(fact, `KB has ${entity.wikidata}, the input ${row.personID}`);
  if (!entity.sources.includes(repoUrl(pin.repo, pin.commit, fact.file))) fail(fact, `does not cite ${repoUrl(pin.repo, pin.commit, fact.file)}`);
  const role = (entity.roles ?? []).find((r) => r.of === fact.state && r.title === fact.role.title && r.start === row.start);
  if (!role) { fail(fact, `no ${fact.role.title} role of ${fact.state} starting ${row.start}`); continue; }
  if (fact.role.endsWhereNextStarts) {
    const next = fact.role.endsWhereNextStarts;
    if (role.end !== next) fail(fact, `ends ${role.end}, the next holder starts ${next}`);
    const successor = entities.some((e) => e.id !== entity.id && (e.roles ?? []).some((r) => r.of === fact.state && r.start === next && r.type === role.type));
    if (!successor) fail(fact, `no other KB holder of the office starts ${next}`);
    if (row.end && row.end < next) fail(fact, `the input ends the term ${row.end}, before the next holder starts`);
  } else if (row.end) {
    if (role.end !== row.end) fail(fact, `ends ${role.end ?? '(open)'} in the KB, ${row.end} in the input`);
  } else if (role.end !== undefined || role.asOf !== pin.asOf) fail(fact, `open in the input (as of ${pin.asOf}); the KB has end ${role.end}, asOf ${role.asOf}`);
  dated++;
}

console.log(`${sample.facts.length} dated office terms re-checked against ${Object.keys(OFFICEHOLDERS.states).length} pinned every-politician-scrapers inputs (${dated} found in the KB)`);
if (problems.length) {
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log('all office terms agree');
