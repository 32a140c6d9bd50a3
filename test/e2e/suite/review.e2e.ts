/**
 * The review workflow in a real editor, as a reviewer does it: verify a claim, dispute a vague source, add a
 * note, set a quote's speaker; insert a paragraph above everything and save; then check that the comment
 * threads sit on the same words, the annotations file holds the new positions, the Problems count and the
 * status bar say what is left, Previous/Next walk what is open, and the export carries every note.
 * A screenshot of the workbench is taken after each step (test-results/review/, git-ignored) when the runner
 * offers it (E2E_SHOTS, see runCodeServer.ts).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import * as vscode from 'vscode';
import { activate, codeOf, describeDiagnostics, FIRST_WAIT_MS, hoverText, ours, patience, waitFor, waitForServer } from './util';

const ARTICLE = [
  'ASTANA, 14 March 2024 — Trade between Kazakhstan and Russia reached $28 billion last year, President Kassym-Jomart Tokayev said on Thursday.',
  '',
  'Analysts say the new pipeline will double exports within five years.',
  '',
  '"We will never accept these terms."',
  '',
  'The customs union now covers 12% of regional trade, and the new rail link created 2,000 jobs, the ministry said.',
  '',
].join('\n');
const PARAGRAPH = 'A paragraph the editor added above the review.\n\n';
const NOT_TO_REVIEW = new Set(['disputed-claim', 'false-claim', 'annotations-file', 'file-too-large']);

interface Api {
  review: { threadsFor(uri: vscode.Uri): { range: vscode.Range; ids: string[]; label: string | undefined }[]; statusText(): string | undefined };
}

interface StoredItem { id: string; cisLens: { status: string; note?: string }; target: { selector: { type: string; start?: number; end?: number; exact?: string }[] } }

let shotNumber = 0;
/** Asks the runner for a screenshot of the workbench now (best effort: a missing runner never fails a test). */
async function screenshot(name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS;
  if (!dir) return;
  const base = path.join(dir, `${String(++shotNumber).padStart(2, '0')}-${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(`${base}.request`, '');
  for (let i = 0; i < 40 && fs.existsSync(`${base}.request`); i++) await new Promise((r) => setTimeout(r, 250));
}

suite('CIS Lens e2e: the review workflow', () => {
  let dir: string;
  let file: string;
  let doc: vscode.TextDocument;
  let api: Api;
  const run = <T>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(command, ...args);
  const open = () => ours(doc.uri).filter((d) => !NOT_TO_REVIEW.has(codeOf(d)));
  const find = (code: string, text?: string) => ours(doc.uri).find((d) => codeOf(d) === code && (text === undefined || doc.getText(d.range) === text));
  const stored = () => (JSON.parse(fs.readFileSync(`${file}.annotations.json`, 'utf8')).first.items as StoredItem[]);
  const span = (d: vscode.Diagnostic) => ({ start: doc.offsetAt(d.range.start), end: doc.offsetAt(d.range.end) });
  const apply = async (args: object, settled: () => boolean, what: string) => {
    assert.strictEqual(await run<boolean>('cisLens.applyAnnotation', { uri: doc.uri.toString(), ...args }), true, `${what}: the server did not record it`);
    await waitFor(what, () => settled(), patience());
  };

  suiteSetup(async function () {
    this.timeout(FIRST_WAIT_MS + 30_000);
    api = (await activate()).exports as Api;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cis-lens-review-e2e-'));
    file = path.join(dir, 'review-article.txt');
    fs.writeFileSync(file, ARTICLE);
    doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc, { preview: false });
    if (await waitForServer()) await waitFor('diagnostics on the review article', () => open().length === 5, patience()).catch(() => undefined);
  });

  suiteTeardown(async () => {
    await run('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('1. the article opens with five findings to review', async () => {
    assert.strictEqual(open().length, 5, describeDiagnostics(ours(doc.uri)));
    await waitFor('status bar "5 to review"', () => /\b5 to review\b/.test(api.review.statusText() ?? ''), patience());
    await screenshot('opened');
  });

  test('2. verify "$28 billion": the claim leaves the list, the count drops', async () => {
    const claim = find('unverified-claim', '$28 billion')!;
    await apply({ ...span(claim), status: 'verified', rule: 'unverified-claim', source: 'https://stat.gov.kz/trade-2023', note: 'Customs statistics, table 3' },
      () => !find('unverified-claim', '$28 billion') && /\b4 to review\b/.test(api.review.statusText() ?? ''), 'the verified claim to disappear');
    await screenshot('verified');
  });

  test('3. dispute "Analysts say": the vague-source finding is replaced by one disputed-claim naming it', async () => {
    const before = ours(doc.uri).length;
    const vague = find('vague-source')!;
    await apply({ ...span(vague), status: 'disputed', rule: 'vague-source', note: 'No analyst is named anywhere' },
      () => !find('vague-source') && !!find('disputed-claim'), 'the dispute to replace the finding');
    assert.match(find('disputed-claim')!.message, /vague-source/);
    assert.strictEqual(ours(doc.uri).length, before, 'the Problems count went up after the reviewer dealt with a finding');
    await waitFor('status bar "3 to review"', () => /\b3 to review\b/.test(api.review.statusText() ?? ''), patience());
    await screenshot('disputed');
  });

  test('4. a note on "customs union" becomes a comment thread on those words', async () => {
    const at = doc.getText().indexOf('customs union');
    await apply({ start: at, end: at + 'customs union'.length, status: 'note', note: 'Which customs union: the EAEU?' },
      () => api.review.threadsFor(doc.uri).some((t) => doc.getText(t.range) === 'customs union'), 'a thread on the note');
    // The Outline view, for the screenshot: its Notes group shows the new note without a keystroke.
    await run('outline.focus').then(undefined, () => undefined);
    await screenshot('note');
  });

  test('5. set the quote\'s speaker: the finding goes, the hover says who set it', async () => {
    const quote = find('unattributed-quote')!;
    await apply({ ...span(quote), status: 'speaker', rule: 'unattributed-quote', speaker: { id: 'kassym-jomart-tokayev', name: 'Kassym-Jomart Tokayev' } },
      () => !find('unattributed-quote'), 'the unattributed quote to be answered');
    const inside = doc.positionAt(doc.getText().indexOf('never accept'));
    const hover = await waitFor('the speaker hover', async () => {
      const text = hoverText(await run<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, inside));
      return /set by .+ on \d{4}-\d{2}-\d{2}/.test(text) ? text : undefined;
    }, patience());
    assert.doesNotMatch(hover, /named directly/);
    assert.strictEqual(open().length, 2, describeDiagnostics(ours(doc.uri)));
    await screenshot('speaker');
  });

  test('6. insert a paragraph above and save: threads, stored positions, Problems and the status bar all follow', async () => {
    const exactById = new Map(stored().map((a) => [a.id, a.target.selector.find((s) => s.type === 'TextQuoteSelector')!.exact!]));
    const problemsBefore = ours(doc.uri).length;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), PARAGRAPH);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await doc.save(), 'the article was not saved');
    const onTheirWords = () => {
      const threads = api.review.threadsFor(doc.uri);
      return threads.length === exactById.size && threads.every((t) => t.ids.every((id) => doc.getText(t.range) === exactById.get(id)));
    };
    try {
      await waitFor('every thread on its own words', onTheirWords, patience());
    } catch {
      assert.fail(`threads: ${JSON.stringify(api.review.threadsFor(doc.uri).map((t) => [doc.getText(t.range), t.ids.map((id) => exactById.get(id))]))}`);
    }
    const text = fs.readFileSync(file, 'utf8');
    await waitFor('the annotations file to hold the new positions', () => stored().every((a) => {
      const p = a.target.selector.find((s) => s.type === 'TextPositionSelector')!;
      return text.slice(p.start, p.end) === exactById.get(a.id);
    }), patience());
    for (const a of stored()) assert.strictEqual(a.target.selector.find((s) => s.type === 'TextQuoteSelector')!.exact, exactById.get(a.id), 'a stored quote changed');
    await waitFor('the same Problems count after the edit', () => ours(doc.uri).length === problemsBefore && open().length === 2, patience());
    assert.match(api.review.statusText() ?? '', /\b2 to review\b/);
    await run('workbench.action.expandAllComments').then(undefined, () => undefined);
    await screenshot('edited-and-saved');
  });

  test('7. Previous/Next walk the open findings in text order, wrap, and never stay on the same one', async () => {
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const selected = () => doc.getText(editor.selection);
    await run('cisLens.nextFinding');
    assert.strictEqual(selected(), '12%');
    await run('cisLens.nextFinding');
    assert.strictEqual(selected(), '2,000 jobs');
    await run('cisLens.previousUnverifiedClaim');
    assert.strictEqual(selected(), '12%', 'Previous stayed on the same claim');
    await run('cisLens.previousUnverifiedClaim');
    assert.strictEqual(selected(), '2,000 jobs', 'Previous did not wrap to the last claim');
    await run('cisLens.nextUnverifiedClaim');
    assert.strictEqual(selected(), '12%', 'Next did not wrap to the first claim');
    await screenshot('navigation');
  });

  test('8. export: the CSV carries the note, the W3C export file: URIs, and the whole folder can be exported', async () => {
    const csv = path.join(dir, 'out.csv');
    assert.strictEqual(await run<boolean>('cisLens.exportAnnotations', { format: 'csv', input: dir, out: csv }), true);
    const rows = fs.readFileSync(csv, 'utf8');
    assert.match(rows, /Which customs union: the EAEU\?/);
    assert.match(rows, /No analyst is named anywhere/);
    assert.match(rows, /,speaker,[^\r\n]*,Kassym-Jomart Tokayev\r\n/, 'the speaker row names the speaker');
    const w3c = path.join(dir, 'out.jsonld');
    assert.strictEqual(await run<boolean>('cisLens.exportAnnotations', { format: 'w3c', input: file, out: w3c }), true);
    const items = JSON.parse(fs.readFileSync(w3c, 'utf8')).first.items as { target: { source: string } }[];
    assert.strictEqual(items.length, 4);
    for (const item of items) assert.strictEqual(item.target.source, pathToFileURL(file).href);
    await screenshot('exported');
  });

  test('9. edit the note and remove the dispute: the thread, the finding and the status bar follow at once', async () => {
    const note = stored().find((a) => a.cisLens.status === 'note')!;
    const dispute = stored().find((a) => a.cisLens.status === 'disputed')!;
    assert.strictEqual(await run<boolean>('cisLens.updateAnnotation', { uri: doc.uri.toString(), id: note.id, note: 'The EAEU customs union' }), true);
    await waitFor('the edited note in the file', () => stored().find((a) => a.id === note.id)?.cisLens.note === 'The EAEU customs union', patience());
    assert.strictEqual(await run<boolean>('cisLens.deleteAnnotation', { uri: doc.uri.toString(), id: dispute.id }), true);
    await waitFor('the vague-source finding back, the dispute and its thread gone', () =>
      !!find('vague-source') && !find('disputed-claim') && !api.review.threadsFor(doc.uri).some((t) => t.ids.includes(dispute.id)), patience());
    await waitFor('status bar "3 to review"', () => /\b3 to review\b/.test(api.review.statusText() ?? ''), patience());
    await screenshot('edited-and-removed');
  });
});
