#!/usr/bin/env node
/**
 * `npm run kb:check`: re-checks the facts in scripts/kb/facts-sample.json (fifty, drawn evenly by the build)
 * against the pinned inputs in `.cache/kb-inputs/` and against the committed knowledge base: the input row
 * still says what the sample says (name, Wikidata id), and the KB entity carries that Wikidata id and cites
 * the input file at the pinned commit. Also re-checks the corrections of issue 14 against the curated files.
 * Exits 1 on any mismatch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CSC, ROOT, cachePath, cscUrl } from './inputs.mjs';

const sample = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts/kb/facts-sample.json'), 'utf8'));
const kb = new Map(fs.readdirSync(path.join(ROOT, 'seeds/kb')).filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds/kb', f), 'utf8')).entities).map((e) => [e.id, e]));
const problems = [];
const fail = (msg) => problems.push(msg);

if (sample.commit !== CSC.commit) fail(`the sample was drawn from ${sample.commit}, the build is pinned to ${CSC.commit}: rebuild`);

const tables = new Map();
function rows(file) {
  if (!tables.has(file)) {
    const p = cachePath(file);
    if (!fs.existsSync(p)) throw new Error(`missing input ${file}: run npm run kb:fetch first`);
    const text = fs.readFileSync(p, 'utf8');
    if (file.endsWith('.json')) tables.set(file, JSON.parse(text));
    else {
      const [head, ...lines] = text.split('\n').filter(Boolean);
      const split = (line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).slice(0, -1).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
      const cols = split(head);
      tables.set(file, lines.map((l) => Object.fromEntries(split(l).map((v, i) => [cols[i], v]))));
    }
  }
  return tables.get(file);
}

for (const fact of sample.facts) {
  const row = rows(fact.file).find((r) => Object.entries(fact.key).every(([k, v]) => String(r[k]) === String(v)));
  if (!row) { fail(`${fact.entity}: no row ${JSON.stringify(fact.key)} in ${fact.file}`); continue; }
  if (row.name !== fact.name) fail(`${fact.entity}: ${fact.file} names row ${JSON.stringify(fact.key)} "${row.name}", the sample "${fact.name}"`);
  if ((row.wikiDataId || null) !== fact.wikiDataId) fail(`${fact.entity}: ${fact.file} gives ${row.wikiDataId}, the sample ${fact.wikiDataId}`);
  const entity = kb.get(fact.entity);
  if (!entity) { fail(`${fact.entity}: not in the knowledge base`); continue; }
  if (entity.wikidata !== fact.wikiDataId) fail(`${fact.entity}: KB has ${entity.wikidata}, the input ${fact.wikiDataId}`);
  if (!entity.sources.includes(cscUrl(fact.file))) fail(`${fact.entity}: does not cite ${cscUrl(fact.file)}`);
}

// The corrections of issue 14 (the curated entries these came from had them wrong).
const niyazov = kb.get('saparmurat-niyazov')?.roles?.find((r) => r.type === 'head-of-state');
if (niyazov?.start !== '1990-11-02') fail(`Niyazov's presidency starts ${niyazov?.start}, not on 2 November 1990 (took office)`);
if (kb.get('bloomberg')?.wikidata !== 'Q13977') fail('Bloomberg L.P. is Q13977 (Q13975 is Bloomberg Television)');
if (!kb.get('zinaida-greceanii')?.aliases?.includes('Зинаида Гречаная')) fail('Zinaida Greceanii\'s Cyrillic alias is Зинаида Гречаная');

console.log(`${sample.facts.length} sampled facts re-checked against ${CSC.repo}@${CSC.commit.slice(0, 7)}, and 3 corrections`);
if (problems.length) {
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log('all facts agree');
