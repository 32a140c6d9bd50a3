/** LSP over stdio against the bundled server, as an editor would drive it. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidSaveTextDocumentNotification,
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
import { createAnnotation, createAnnotationFile, serializeAnnotationFile } from '../../server/src/core/annotations/model';
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
    fs.writeFileSync(file, 'The talks were held in Qaratal Oblast yesterday.\n');
    const { uri, text } = await server.open(file);
    let edit: unknown;
    server.connection.onRequest('workspace/applyEdit', (p: { edit: unknown }) => { edit = p.edit; return { applied: true }; });
    const pos = positionOf(text, 'Qaratal');
    const actions = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: [] } });
    const add = actions!.find((a) => a.title.startsWith('Add “Qaratal Oblast”')) as { command: { command: string; arguments: object[] } };
    assert.ok(add, `no add action in ${actions!.map((a) => a.title)}`);
    const ok = await server.connection.sendRequest(ExecuteCommandRequest.type, { command: add.command.command, arguments: add.command.arguments });
    assert.equal(ok, true);
    const changes = (edit as { documentChanges: { kind?: string; uri?: string; edits?: { newText: string }[] }[] }).documentChanges;
    assert.equal(changes[0].kind, 'create');
    assert.match(changes[0].uri!, /\.cis\/entities\.cis\.json$/);
    assert.match(changes[1].edits![0].newText, /"name": "Qaratal Oblast"/);
  });

  suite('re-anchored write-back and verdicts that replace findings', () => {
    const ARTICLE = 'Analysts say trade grew by 40% last year.\nThe minister said talks will resume in May.\n';
    const PARAGRAPH = 'A paragraph inserted above the review.\n\n';
    interface Item { id: string; status: string; range: { start: { line: number; character: number } } | null; exact: string }
    const anchoredNotes = (uri: string, version: number) => new Promise<Item[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no cisLens/annotations for version ${version}`)), 15000);
      const sub = server.connection.onNotification('cisLens/annotations', (p: { uri: string; version: number; annotations: Item[] }) => {
        if (p.uri !== uri || p.version !== version) return;
        clearTimeout(timer);
        sub.dispose();
        resolve(p.annotations);
      });
    });
    const stored = (file: string) => JSON.parse(fs.readFileSync(`${file}.annotations.json`, 'utf8')).first.items as { id: string; target: { selector: { type: string; start?: number; end?: number; exact?: string; prefix?: string }[] } }[];
    const position = (item: ReturnType<typeof stored>[number]) => item.target.selector.find((x) => x.type === 'TextPositionSelector')!;
    const quote = (item: ReturnType<typeof stored>[number]) => item.target.selector.find((x) => x.type === 'TextQuoteSelector')!;
    const write = (file: string) => {
      const at = (needle: string) => ({ start: ARTICLE.indexOf(needle), end: ARTICLE.indexOf(needle) + needle.length });
      const items = [
        createAnnotation(ARTICLE, at('Analysts say'), { status: 'disputed', rule: 'vague-source', note: 'Which analysts?', author: 'Leyla' }, '2024-05-01T00:00:00Z', 'urn:uuid:dispute'),
        createAnnotation(ARTICLE, at('talks will resume'), { status: 'note', note: 'Ask the ministry' }, '2024-05-01T00:00:00Z', 'urn:uuid:note'),
        createAnnotation('Words that were cut from the article.', { start: 0, end: 20 }, { status: 'note', note: 'kept' }, '2024-05-01T00:00:00Z', 'urn:uuid:orphan'),
      ];
      fs.writeFileSync(`${file}.annotations.json`, serializeAnnotationFile(createAnnotationFile(items)));
    };

    test('a dispute replaces the vague-source finding it answers and names it; the count does not grow', async () => {
      const file = path.join(dir, 'replace.txt');
      fs.writeFileSync(file, ARTICLE);
      const plain = await server.open(file);
      const before = plain.diagnostics.filter((d) => d.code !== 'orphaned-annotation').length;
      assert.ok(plain.diagnostics.some((d) => d.code === 'vague-source'), 'the fixture must have a vague-source finding');
      const vague = plain.diagnostics.find((d) => d.code === 'vague-source')!;
      const ok = await server.connection.sendRequest(ExecuteCommandRequest.type, {
        command: 'cisLens.applyAnnotation', arguments: [{ uri: plain.uri, start: vague.data.start, end: vague.data.end, status: 'disputed', rule: 'vague-source', note: 'Which analysts?' }],
      });
      assert.equal(ok, true);
      await waitUntil(() => server.latest(plain.uri).some((d) => d.code === 'disputed-claim'));
      const after = server.latest(plain.uri);
      const codes = after.map((d) => d.code);
      assert.ok(!codes.includes('vague-source'), `vague-source still open: ${codes}`);
      const disputed = after.find((d) => d.code === 'disputed-claim');
      assert.ok(disputed && /vague-source/.test(disputed.message), JSON.stringify(disputed));
      assert.equal(after.length, before, `count went from ${before} to ${after.length}`);
      const actions = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: plain.uri }, range: disputed.range, context: { diagnostics: [disputed] } });
      const removeVerdict = actions!.find((a) => a.title.startsWith('Remove verdict (disputed, vague-source)')) as { command: { command: string; arguments: object[] } } | undefined;
      assert.ok(removeVerdict, `no Remove verdict in ${actions!.map((a) => a.title)}`);
      assert.ok(!actions!.some((a) => a.title.startsWith('Mark as verified… (disputed-claim)')), 'a verdict offered on a verdict');
      assert.equal(await server.connection.sendRequest(ExecuteCommandRequest.type, { command: removeVerdict.command.command, arguments: removeVerdict.command.arguments }), true);
      assert.deepEqual(stored(file), []);
      await waitUntil(() => server.latest(plain.uri).some((d) => d.code === 'vague-source'));
      assert.ok(!server.latest(plain.uri).some((d) => d.code === 'disputed-claim'), 'removing the verdict reopens the finding and drops the dispute');
    });

    test('after a paragraph is inserted above and the article saved, the file holds the new positions, the same quotes, and the orphan', async () => {
      const file = path.join(dir, 'writeback.txt');
      fs.writeFileSync(file, ARTICLE);
      write(file);
      const original = stored(file);
      const { uri } = await server.open(file);
      const edited = PARAGRAPH + ARTICLE;
      const moved = anchoredNotes(uri, 2);
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: PARAGRAPH }] });
      const items = await moved;
      const dispute = items.find((i) => i.id === 'urn:uuid:dispute')!;
      assert.deepEqual(dispute.range!.start, { line: 2, character: 0 }, 'the thread follows the words before the save');
      assert.equal(items.find((i) => i.id === 'urn:uuid:orphan')!.range, null);
      assert.deepEqual(stored(file), original, 'nothing is written before the save');
      fs.writeFileSync(file, edited);
      const republished = server.diagnostics(uri, 2);
      await server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
      await republished;
      await waitUntil(() => position(stored(file)[0]!).start !== position(original[0]!).start);
      const saved = stored(file);
      for (const id of ['urn:uuid:dispute', 'urn:uuid:note']) {
        const now = saved.find((x) => x.id === id)!;
        const was = original.find((x) => x.id === id)!;
        const pos = position(now);
        assert.equal(pos.start, position(was).start! + PARAGRAPH.length, `${id}: position not moved`);
        assert.equal(edited.slice(pos.start, pos.end), quote(was).exact, `${id}: the saved position is not on the words`);
        assert.equal(quote(now).exact, quote(was).exact, `${id}: the quote changed`);
      }
      assert.ok(quote(saved.find((x) => x.id === 'urn:uuid:dispute')!).prefix!.endsWith('review.\n\n'), 'the prefix describes the saved text');
      const orphan = saved.find((x) => x.id === 'urn:uuid:orphan');
      assert.ok(orphan, 'the orphan was dropped');
      assert.deepEqual(orphan.target.selector, original.find((x) => x.id === 'urn:uuid:orphan')!.target.selector, 'the orphan\'s selectors were rewritten');
    });

    test('a save never writes over an annotations file that could not be read', async () => {
      const file = path.join(dir, 'unreadable.txt');
      fs.writeFileSync(file, ARTICLE);
      const broken = '{ "type": "AnnotationCollection", "first": { "items": [ {';
      fs.writeFileSync(`${file}.annotations.json`, broken);
      const { uri } = await server.open(file);
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: PARAGRAPH }] });
      fs.writeFileSync(file, PARAGRAPH + ARTICLE);
      const republished = server.diagnostics(uri, 2);
      await server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
      await republished;
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(fs.readFileSync(`${file}.annotations.json`, 'utf8'), broken);
    });

    test('a note is edited and deleted through the server; a speaker set by hand says who set it and when', async () => {
      const file = path.join(dir, 'edit.txt');
      fs.writeFileSync(file, ARTICLE);
      write(file);
      const { uri } = await server.open(file);
      assert.equal(await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'cisLens.updateAnnotation', arguments: [{ uri, id: 'urn:uuid:note', note: 'Asked; no answer yet' }] }), true);
      assert.equal(stored(file).find((x) => x.id === 'urn:uuid:note') !== undefined, true);
      assert.match(JSON.stringify(stored(file).find((x) => x.id === 'urn:uuid:note')), /Asked; no answer yet/);
      assert.equal(await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'cisLens.deleteAnnotation', arguments: [{ uri, id: 'urn:uuid:note' }] }), true);
      assert.deepEqual(stored(file).map((x) => x.id).sort(), ['urn:uuid:dispute', 'urn:uuid:orphan']);
      const requested = await server.connection.sendRequest('cisLens/annotations', { uri }) as { annotations: Item[] };
      assert.deepEqual(requested.annotations.map((a) => a.id).sort(), ['urn:uuid:dispute', 'urn:uuid:orphan']);

      const quoted = path.join(dir, 'speaker-hover.txt');
      const text = 'The talks stalled. "We will never accept these terms."\n';
      fs.writeFileSync(quoted, text);
      const opened = await server.open(quoted);
      const q = text.indexOf('"We');
      assert.equal(await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'cisLens.applyAnnotation', arguments: [{ uri: opened.uri, start: q, end: text.indexOf('."') + 2, status: 'speaker', rule: 'unattributed-quote', speaker: { id: null, name: 'Ivan Petrov' } }] }), true);
      let value = '';
      await waitUntil(async () => {
        const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: opened.uri }, position: positionOf(text, 'never accept') });
        value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
        return value.includes('Ivan Petrov');
      });
      assert.match(value, /Speaker: \*\*Ivan Petrov\*\*/);
      assert.match(value, /Attributed: set by .+ on \d{4}-\d{2}-\d{2}/);
      assert.doesNotMatch(value, /named directly/);
    });

    /** The server saves through a queue and publishes on the next turn: poll for up to 5 s. */
    async function waitUntil(probe: () => boolean | Promise<boolean>): Promise<void> {
      for (let i = 0; i < 100; i++) {
        if (await probe()) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.fail(`timed out waiting for ${probe}`);
    }
  });
});
