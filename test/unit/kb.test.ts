/** The knowledge base: schema validity, sourcing, gold coverage, date-scoped lookups, user files and their errors. */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { surelyStartedBy } from '../../server/src/core/kb/knowledgeBase';
import * as os from 'node:os';
import { buildKnowledgeBase, loadKnowledgeBase } from '../../server/src/kbLoader';
import { builtInKb, repoRoot } from '../helpers/kb';

const kbDir = path.join(repoRoot, 'seeds', 'kb');
const kbFiles = fs.readdirSync(kbDir).filter((f) => f.endsWith('.json'));
const entity = (id: string, extra: object = {}) => ({ id, kind: 'person', name: id, wikidata: 'Q1', description: 'd', sources: ['https://example.org'], ...extra });
const file = (uri: string, entities: object[]) => ({ uri, text: JSON.stringify({ entities }, null, 2) });

suite('Knowledge base', () => {
  test('a start known to the year or month is sure only after that year or month', () => {
    assert.equal(surelyStartedBy({ start: '1994' }, '1994-12-31'), false);
    assert.equal(surelyStartedBy({ start: '1994' }, '1995-01-01'), true);
    assert.equal(surelyStartedBy({ start: '1994-06' }, '1994-06-30'), false);
    assert.equal(surelyStartedBy({ start: '1994-06' }, '1994-07-01'), true);
    assert.equal(surelyStartedBy({ start: '1994-12' }, '1995-01-01'), true);
    assert.equal(surelyStartedBy({ start: '1994-06-15' }, '1994-06-15'), true);
    assert.equal(surelyStartedBy({}, '1900-01-01'), true);
  });

  test('every built-in file validates against the JSON Schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'cis-kb.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, formats: { uri: /^https?:\/\/\S+$/ } }).compile(schema);
    for (const f of kbFiles) {
      const ok = validate(JSON.parse(fs.readFileSync(path.join(kbDir, f), 'utf8')));
      assert.ok(ok, `${f}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
  });

  test('the validator script passes: unique ids, references resolve, no conflicting aliases', () => {
    const out = execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'validate-kb.mjs')], { encoding: 'utf8' });
    console.log(`      ${out.trim().split('\n').slice(-3).join(' | ')}`);
  });

  test('the built-in KB loads without problems; every entity has a source and a real Wikidata id or null', () => {
    const { kb, problems } = builtInKb();
    assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
    let withoutId = 0;
    for (const { entity: e } of kb.entities()) {
      if (e.wikidata === null) withoutId++;
      else assert.match(e.wikidata, /^Q[1-9]\d*$/, `${e.id} has no real Wikidata id (the Q0 placeholder is retired: use null)`);
      assert.ok(e.sources.length > 0 && e.sources.every((s) => /^https?:\/\//.test(s)), e.id);
    }
    console.log(`      KB: ${kb.size} entities; ${withoutId} without a Wikidata id yet`);
  });

  test('every gold entity and title resolves to its KB entry by name and kind', () => {
    const { kb } = builtInKb();
    const goldDir = path.join(repoRoot, 'test', 'fixtures', 'gold');
    for (const f of fs.readdirSync(goldDir)) {
      const gold = JSON.parse(fs.readFileSync(path.join(goldDir, f), 'utf8'));
      for (const g of gold.entities) {
        const hits = [...kb.lookupName(g.text), ...kb.lookupName(g.name)];
        assert.ok(hits.some((h) => h.entity.name === g.name && h.entity.kind === g.kind), `${f}: ${g.text} → ${g.name} (${g.kind})`);
      }
    }
  });

  test('CIS status and office holders depend on the date', () => {
    const { kb } = builtInKb();
    assert.equal(kb.cisStatusAt('ukraine', '2017-04-05')?.status, 'participant');
    assert.equal(kb.cisStatusAt('ukraine', '2019-01-01')?.status, 'withdrawn');
    assert.equal(kb.cisStatusAt('turkmenistan', '2010-01-01')?.status, 'associate');
    assert.equal(kb.cisStatusAt('georgia', '2012-01-01')?.status, 'withdrawn');
    const president = (date: string) => kb.holders(date, (r) => r.of === 'russia' && r.type === 'head-of-state' && r.title === 'President')[0]?.name;
    assert.equal(president('2009-06-01'), 'Dmitry Medvedev');
    assert.equal(president('2013-06-01'), 'Vladimir Putin');
  });

  test('a user file overrides a built-in entity by id, and definition goes to the user file', () => {
    const loaded = buildKnowledgeBase([file('file:///kb/people.json', [entity('jane-doe')]), file('file:///ws/.cis/people.cis.json', [entity('jane-doe', { name: 'Jane Doe' })])], [], 1);
    assert.equal(loaded.kb.get('jane-doe')?.name, 'Jane Doe');
    assert.equal(loaded.kb.location('jane-doe')?.uri, 'file:///ws/.cis/people.cis.json');
    assert.equal(loaded.kb.location('jane-doe')?.line, 3);
    assert.deepEqual(loaded.problems, []);
  });

  test('a file read from disk is read again for F12: the right line while it is unchanged, the top of the file once it changed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cis-lens-kb-'));
    const kbFile = path.join(dir, 'people.cis.json');
    const text = file('', [entity('jane-doe'), entity('john-roe')]).text;
    fs.writeFileSync(kbFile, text);
    const unchanged = loadKnowledgeBase([], [kbFile]).kb;
    assert.equal(unchanged.location('john-roe')?.line, text.split('\n').findIndex((line) => line.includes('"id": "john-roe"')));
    assert.ok(unchanged.location('john-roe')!.line > 0);
    const changed = loadKnowledgeBase([], [kbFile]).kb;
    fs.writeFileSync(kbFile, file('', [entity('someone-else'), entity('jane-doe'), entity('john-roe')]).text);
    assert.equal(changed.location('john-roe')?.line, 0, 'no guessed line in a file that changed since it was loaded');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('errors in a KB file are reported at the right place, and the other entities still load', () => {
    const text = '{ "entities": [\n  { "id": "ok-one", "kind": "person", "name": "Ok", "wikidata": "Q1", "description": "d", "sources": ["https://x"] },\n  { "id": "bad", "kind": "person", "name": "Bad", "wikidata": "nope", "description": "d", "sources": ["https://x"] },\n  { "id": "late", "kind": "person", "name": "Late", "wikidata": "Q2", "description": "d", "sources": ["https://x"], "roles": [{ "title": "Mayor", "start": "2020", "end": "2010" }] }\n ,,]\n}';
    const loaded = buildKnowledgeBase([{ uri: 'file:///ws/x.cis.json', text }]);
    assert.ok(loaded.kb.get('ok-one'));
    const messages = loaded.problems.map((p) => `${text.slice(0, p.offset).split('\n').length}:${p.message}`);
    assert.ok(messages.some((m) => m.startsWith('3:') && /wikidata/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('4:') && /ends \(2010\) before it starts/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('5:') && /JSON syntax error/.test(m)), messages.join('\n'));
  });

  test('duplicate ids in one file and an alias claimed by two entities of one kind are reported', () => {
    const org = { kind: 'organization', aliases: ['Shared'] };
    const loaded = buildKnowledgeBase([file('file:///ws/a.cis.json', [entity('one', org), entity('two', org), entity('one')])]);
    const messages = loaded.problems.map((p) => p.message).join('\n');
    assert.match(messages, /Duplicate id "one"/);
    assert.match(messages, /Alias "Shared" is claimed by both "one" and "two"/);
  });

  test('two people sharing a surname alias is not a problem (the linker decides between them)', () => {
    const loaded = buildKnowledgeBase([file('file:///ws/a.cis.json', [entity('ilham', { name: 'Ilham A', aliases: ['A'] }), entity('heydar', { name: 'Heydar A', aliases: ['A'] })])]);
    assert.deepEqual(loaded.problems.map((p) => p.message), []);
  });

  test('aliases are literal strings, never patterns', () => {
    const loaded = buildKnowledgeBase([file('file:///ws/a.cis.json', [entity('dot', { kind: 'organization', name: 'A.B', aliases: ['X.*'] })])]);
    assert.equal(loaded.kb.lookupName('XYZ').length, 0);
    assert.equal(loaded.kb.lookupName('X.*')[0].entity.id, 'dot');
  });
});
