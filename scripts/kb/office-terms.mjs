/**
 * Reads the dated office terms of the pinned office-holder inputs (OFFICEHOLDERS in inputs.mjs): one term per
 * holders21.csv row whose position is one of the offices the build reads. Shared by the build
 * (build-officeholders.mjs) and the check (check-office-terms.mjs), so both read the inputs the same way.
 */
import fs from 'node:fs';
import { OFFICEHOLDERS, OFFICE_KINDS, STATES, repoCachePath, repoUrl } from './inputs.mjs';

/** A CSV text as rows of named cells (double quotes around cells with commas, "" for a quote). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  const [head, ...body] = rows.filter((r) => r.length > 1 || r[0]);
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

export function readPinned(state, file) {
  const pin = OFFICEHOLDERS.states[state];
  const p = repoCachePath(pin.repo, pin.commit, file);
  if (!fs.existsSync(p)) {
    throw new Error(`missing input ${pin.repo}/${file} at ${pin.commit}: run \`npm run kb:fetch -- --git-dir <clone of ${pin.repo}>\` (scripts/kb/fetch-inputs.mjs)`);
  }
  return fs.readFileSync(p, 'utf8');
}

/** Wikidata dates as the query wrote them: YYYY-MM-DD, YYYY-MM or YYYY; a decade ("1990s") is too coarse to use. */
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Every term of the offices the build reads, in input order: { state, office, position, title, type, person
 * (Wikidata id), name, gender, start, end, file, url }. Rows without a person id, or with a date the KB cannot
 * hold (empty start, decade), are returned with `skip` saying why.
 */
export function readOfficeTerms() {
  const terms = [];
  for (const [cc, pin] of Object.entries(OFFICEHOLDERS.states)) {
    const titleOf = new Map();
    for (const file of ['wikidata/wanted-positions.csv', 'wikidata/xtra-positions.csv']) {
      for (const row of parseCsv(readPinned(cc, file))) titleOf.set(row.position, row.title);
    }
    const wanted = new Map();
    for (const [office, positions] of Object.entries(pin.offices)) {
      for (const position of positions) {
        const label = titleOf.get(position);
        if (!label) throw new Error(`${pin.repo}: position ${position} (${office}) is not in its positions lists`);
        const others = [...titleOf].filter(([q, t]) => t === label && q !== position);
        if (others.length) throw new Error(`${pin.repo}: the title "${label}" of ${position} is also ${others.map(([q]) => q).join(', ')}`);
        wanted.set(label, { office, position });
      }
    }
    const gender = new Map(pin.files.includes('html/bio.csv') ? parseCsv(readPinned(cc, 'html/bio.csv')).map((r) => [r.id, r.gender]) : []);
    const file = 'html/holders21.csv';
    for (const row of parseCsv(readPinned(cc, file))) {
      const hit = wanted.get(row.position);
      if (!hit) continue;
      const kind = OFFICE_KINDS[hit.office];
      const term = {
        state: STATES[cc], cc, office: hit.office, position: hit.position, inputTitle: row.position,
        title: kind.title ?? OFFICEHOLDERS.titles[hit.position], type: kind.type,
        person: row.personID, name: row.person, gender: row.gender || gender.get(row.personID) || undefined,
        start: row.start, end: row.end || undefined, asOf: pin.asOf,
        file, url: repoUrl(pin.repo, pin.commit, file), repo: pin.repo, commit: pin.commit,
      };
      if (!/^Q\d+$/.test(row.personID)) term.skip = 'no Wikidata id';
      else if (!DATE.test(row.start)) term.skip = `start "${row.start}" is not a date`;
      else if (row.end && !DATE.test(row.end)) term.skip = `end "${row.end}" is not a date`;
      else if (row.end && row.end < row.start) term.skip = 'ends before it starts';
      terms.push(term);
    }
  }
  return terms;
}
