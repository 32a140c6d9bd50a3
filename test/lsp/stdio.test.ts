/** LSP over stdio against the bundled server, as an editor would drive it. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  HoverRequest,
  ReferencesRequest,
  SemanticTokensDeltaRequest,
  SemanticTokensRequest,
  WorkspaceSymbolRequest,
  type DocumentSymbol,
  type Location,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from '../helpers/kb';
import { positionOf, startTestServer, type TestServer } from '../helpers/lspClient';

const seedsDir = path.join(repoRoot, 'seeds', 'articles');
const seeds = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();

suite('LSP over stdio', () => {
  let server: TestServer;
  suiteSetup(async () => {
    server = await startTestServer();
  });
  suiteTeardown(async () => server?.stop());

  test('every seed gets diagnostics with source cis-lens, and the gold-expected codes', async () => {
    for (const seed of seeds) {
      const { diagnostics } = await server.open(path.join(seedsDir, seed));
      const gold = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'gold', seed.replace('.txt', '.gold.json')), 'utf8'));
      assert.ok(diagnostics.every((d) => d.source === 'cis-lens'));
      for (const expected of gold.diagnostics.expect) assert.ok(diagnostics.some((d) => d.code === expected.code), `${seed}: ${expected.code}`);
    }
  });

  test('hover on Putin shows Vladimir Putin’s card with role and Wikidata id', async () => {
    const file = path.join(seedsDir, seeds[0]);
    const { uri, text } = await server.open(file);
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, 'Vladimir Putin') });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /\*\*Vladimir Putin\*\*/);
    assert.match(value, /President of Russia/);
    assert.match(value, /Q7747/);
  });

  test('hover on a quote shows its speaker and how it was attributed', async () => {
    const { uri, text } = await server.open(path.join(seedsDir, seeds[0]));
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, 'organised crime') });
    assert.match((hover!.contents as MarkupContent).value, /Speaker: \*\*Vladimir Putin\*\*/);
  });

  test('the Outline groups People, Countries, Organizations, Quotes by speaker and Claims', async () => {
    const { uri } = await server.open(path.join(seedsDir, seeds[2]));
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const names = symbols.map((s) => s.name);
    for (const group of ['People', 'Countries', 'Organizations', 'Quotes', 'Claims to check']) assert.ok(names.includes(group), `missing ${group}: ${names}`);
    const people = symbols.find((s) => s.name === 'People')!;
    assert.ok(people.children!.some((c) => c.name === 'Vladimir Putin'));
    const quotes = symbols.find((s) => s.name === 'Quotes')!;
    assert.ok(quotes.children!.some((c) => c.name === 'Vladimir Putin' && c.children!.length >= 3));
  });

  test('definition jumps to the entity’s object in its KB file, at the right line', async () => {
    const { uri, text } = await server.open(path.join(seedsDir, seeds[3]));
    const result = (await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: positionOf(text, 'Putin') })) as Location;
    assert.match(result.uri, /seeds\/kb\/people\.json$/);
    const kbLines = fs.readFileSync(path.join(repoRoot, 'seeds', 'kb', 'people.json'), 'utf8').split('\n');
    assert.match(kbLines[result.range.start.line], /"id":\s*"vladimir-putin"/);
  });

  test('references list every mention of the entity, titles and pronouns included', async () => {
    const { uri, text } = await server.open(path.join(seedsDir, seeds[3]));
    const refs = await server.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: positionOf(text, 'Putin'), context: { includeDeclaration: false } });
    assert.ok(refs!.length >= 8, `only ${refs!.length}`);
    assert.ok(refs!.every((r) => r.uri === uri));
  });

  test('semantic tokens come in whole quintuples and cover entities', async () => {
    const { uri } = await server.open(path.join(seedsDir, seeds[0]));
    const tokens = await server.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    assert.ok(tokens!.data.length > 50 && tokens!.data.length % 5 === 0);
  });

  test('semantic tokens answer full/delta requests with edits that give the new full list', async () => {
    const file = path.join(os.tmpdir(), 'cis-lens-delta.txt');
    const { uri, text } = await server.open(file, 'plaintext', fs.readFileSync(path.join(seedsDir, seeds[0]), 'utf8'));
    const first = await server.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    assert.ok(first!.resultId);
    const edited = text.replace('Putin', 'Tokayev');
    const next = server.diagnostics(uri, 2);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    await next;
    const delta = await server.connection.sendRequest(SemanticTokensDeltaRequest.type, { textDocument: { uri }, previousResultId: first!.resultId! });
    assert.ok(delta && 'edits' in delta, 'a delta answer');
    const applied = [...first!.data];
    for (const e of [...delta.edits].reverse()) applied.splice(e.start, e.deleteCount, ...(e.data ?? []));
    const full = await server.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    assert.deepEqual(applied, full!.data);
    assert.notDeepEqual(applied, first!.data);
  });

  test('workspace symbols find KB entities by alias', async () => {
    const symbols = await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'Tokayev' });
    assert.ok((symbols as { name: string }[]).some((s) => s.name === 'Kassym-Jomart Tokayev'));
  });

  test('didChange re-publishes diagnostics for the new version', async () => {
    const { uri } = await server.open(path.join(os.tmpdir(), 'cis-lens-change.txt'), 'plaintext', 'Putin met Tokayev.');
    const next = server.diagnostics(uri, 2);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: 'Analysts say trade reached $5 billion.' }],
    });
    const codes = (await next).map((d) => d.code).sort();
    assert.deepEqual(codes, ['unverified-claim', 'vague-source']);
  });
});

suite('LSP review workflow', () => {
  let server: TestServer;
  let dir: string;
  suiteSetup(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cis-lens-review-'));
    server = await startTestServer(dir);
  });
  suiteTeardown(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('code actions offer every verdict, and “Mark as verified” silences the claim through the annotations file', async () => {
    const file = path.join(dir, 'article.txt');
    fs.writeFileSync(file, 'Trade reached almost $90 billion in ten months, officials said.\n');
    const { uri, diagnostics } = await server.open(file);
    const claim = diagnostics.find((d) => d.code === 'unverified-claim')!;
    const actions = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: claim.range, context: { diagnostics: [claim] } });
    const titles = actions!.map((a) => a.title);
    for (const t of ['Mark as verified…', 'Mark as disputed…', 'Mark as false…', 'Ignore unverified-claim here']) assert.ok(titles.some((x) => x.startsWith(t)), `missing ${t} in ${titles}`);
    const verified = actions!.find((a) => a.title.startsWith('Mark as verified')) as { command: { command: string; arguments: object[] } };
    assert.equal(verified.command.command, 'cisLens.annotate');
    const republished = server.diagnostics(uri, 1);
    const ok = await server.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'cisLens.applyAnnotation',
      arguments: [{ ...verified.command.arguments[0], status: 'verified', source: 'https://example.org/stats', note: 'Customs data' }],
    });
    assert.equal(ok, true);
    await republished;
    const saved = JSON.parse(fs.readFileSync(`${file}.annotations.json`, 'utf8'));
    assert.match(JSON.stringify(saved), /Customs data/);
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: claim.range.start });
    assert.match((hover!.contents as MarkupContent).value, /Review: verified/);
  });

  test('“Set speaker…”, disputed and false verdicts, and notes: each recorded and reflected in diagnostics, quotes and the Outline', async () => {
    const file = path.join(dir, 'speaker.txt');
    fs.writeFileSync(file, 'The talks stalled. "We will never accept these terms."\nTrade fell by 40% and 2,000 jobs were lost.\n');
    const { uri, diagnostics } = await server.open(file);
    const unattributed = diagnostics.find((d) => d.code === 'unattributed-quote')!;
    const actions = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: unattributed.range, context: { diagnostics: [unattributed] } });
    const setSpeaker = actions!.find((a) => a.title === 'Set speaker…') as { command: { command: string; arguments: { start: number; end: number }[] } };
    assert.equal(setSpeaker.command.command, 'cisLens.setSpeaker');
    const [percent, jobs] = diagnostics.filter((d) => d.code === 'unverified-claim');
    const apply = async (args: object) => {
      const next = server.diagnostics(uri, 1);
      assert.equal(await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'cisLens.applyAnnotation', arguments: [args] }), true);
      return next;
    };
    const offsets = (d: typeof percent) => ({ start: d.data.start as number, end: d.data.end as number });
    await apply({ ...setSpeaker.command.arguments[0], status: 'speaker', speaker: { id: 'sergey-lavrov', name: 'Sergey Lavrov' } });
    await apply({ uri, ...offsets(percent), status: 'disputed', rule: 'unverified-claim', note: 'Ministry says 25%' });
    await apply({ uri, ...offsets(jobs), status: 'false', rule: 'unverified-claim', note: 'No jobs were lost', source: 'https://example.org/report' });
    await apply({ uri, start: 0, end: 17, status: 'note', note: 'Check the date of the talks' });
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const quotes = symbols.find((s) => s.name === 'Quotes')!;
    assert.equal(quotes.children![0].name, 'Sergey Lavrov');
    const notes = symbols.find((s) => s.name === 'Notes')!;
    assert.equal(notes.children!.length, 4);
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.match((hover!.contents as MarkupContent).value, /Check the date of the talks/);
    const next = server.diagnostics(uri, 2);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: fs.readFileSync(file, 'utf8') }] });
    const reopened = { diagnostics: await next };
    const codes = reopened.diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('unattributed-quote'), codes.join());
    assert.ok(codes.includes('disputed-claim') && codes.includes('false-claim'), codes.join());
    assert.ok(reopened.diagnostics.find((d) => d.code === 'disputed-claim')!.message.includes('Ministry says 25%'));
  });

  test('a broken annotations file is reported and never overwritten', async () => {
    const file = path.join(dir, 'broken.txt');
    fs.writeFileSync(file, 'Analysts say the summit failed.\n');
    const broken = '{ "items": [ oops';
    fs.writeFileSync(`${file}.annotations.json`, broken);
    const { uri, diagnostics } = await server.open(file);
    assert.ok(diagnostics.some((d) => d.code === 'annotations-file'));
    const vague = diagnostics.find((d) => d.code === 'vague-source')!;
    const ok = await server.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'cisLens.applyAnnotation', arguments: [{ uri, start: 0, end: 12, status: 'ignored', rule: vague.code }],
    });
    assert.equal(ok, false);
    assert.equal(fs.readFileSync(`${file}.annotations.json`, 'utf8'), broken);
  });

  test('“Add to knowledge base” on an unknown entity returns a workspace edit creating .cis/entities.cis.json', async () => {
    const file = path.join(dir, 'unknown.txt');
    fs.writeFileSync(file, 'The talks were held in Zhetisu Oblast yesterday.\n');
    const { uri, text } = await server.open(file);
    let edit: unknown;
    server.connection.onRequest('workspace/applyEdit', (p: { edit: unknown }) => { edit = p.edit; return { applied: true }; });
    const pos = positionOf(text, 'Zhetisu');
    const actions = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: [] } });
    const add = actions!.find((a) => a.title.startsWith('Add “Zhetisu Oblast”')) as { command: { command: string; arguments: object[] } };
    assert.ok(add, `no add action in ${actions!.map((a) => a.title)}`);
    const ok = await server.connection.sendRequest(ExecuteCommandRequest.type, { command: add.command.command, arguments: add.command.arguments });
    assert.equal(ok, true);
    const changes = (edit as { documentChanges: { kind?: string; uri?: string; edits?: { newText: string }[] }[] }).documentChanges;
    assert.equal(changes[0].kind, 'create');
    assert.match(changes[0].uri!, /\.cis\/entities\.cis\.json$/);
    assert.match(changes[1].edits![0].newText, /"name": "Zhetisu Oblast"/);
  });
});
