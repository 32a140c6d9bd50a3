// Review commands that need the user's input before the server records an annotation:
// verdicts (source URL + note), setting a quote's speaker, adding a note, the article date, export.
import { fork } from 'node:child_process';
import { commands, ConfigurationTarget, ExtensionContext, ProgressLocation, Range, Uri, window, workspace, WorkspaceEdit } from 'vscode';
import { ExecuteCommandRequest, LanguageClient } from 'vscode-languageclient/node';

interface AnnotationArgs {
  uri: string;
  start: number;
  end: number;
  status: 'verified' | 'disputed' | 'false' | 'ignored' | 'note' | 'speaker';
  rule?: string;
  note?: string;
  source?: string;
  speaker?: { id: string | null; name: string };
  candidates?: { id: string | null; name: string }[];
}

const URL_LIKE = /^(https?:\/\/\S+|doi:\S+)$/i;

export function registerReviewCommands(context: ExtensionContext, getClient: () => LanguageClient | undefined): void {
  const apply = async (args: AnnotationArgs) => {
    const client = getClient();
    if (!client) return void window.showErrorMessage('CIS Lens: the language server is not running.');
    const { candidates: _candidates, ...request } = args;
    await client.sendRequest(ExecuteCommandRequest.type, { command: 'cisLens.applyAnnotation', arguments: [request] });
  };
  context.subscriptions.push(
    commands.registerCommand('cisLens.annotate', async (args: AnnotationArgs) => {
      const source = await window.showInputBox({
        title: `Mark as ${args.status}`,
        prompt: args.status === 'verified' ? 'Source URL that confirms it' : 'Source URL (optional)',
        placeHolder: 'https://…',
        validateInput: (v) => (v === '' && args.status !== 'verified') || URL_LIKE.test(v.trim()) ? undefined : 'Enter a URL (https://…)',
      });
      if (source === undefined) return;
      const note = await window.showInputBox({ title: `Mark as ${args.status}`, prompt: 'Note for the record (optional)' });
      if (note === undefined) return;
      await apply({ ...args, source: source.trim() || undefined, note: note || undefined });
    }),
    commands.registerCommand('cisLens.setSpeaker', async (args: AnnotationArgs) => {
      const items = [...(args.candidates ?? []).map((c) => ({ label: c.name, description: c.id ?? 'not in the knowledge base', speaker: c })), { label: 'Other…', description: 'type a name', speaker: undefined }];
      const picked = await window.showQuickPick(items, { title: 'Who said this?' });
      if (!picked) return;
      let speaker = picked.speaker;
      if (!speaker) {
        const name = await window.showInputBox({ title: 'Speaker name' });
        if (!name) return;
        speaker = { id: null, name };
      }
      await apply({ ...args, speaker });
    }),
    commands.registerCommand('cisLens.addNote', async (args?: AnnotationArgs) => {
      const target = args ?? selectionTarget();
      if (!target) return void window.showInformationMessage('Select the text to annotate first.');
      const note = await window.showInputBox({ title: 'Add note', prompt: 'Your note on the selected text' });
      if (!note) return;
      await apply({ ...target, status: 'note', note });
    }),
    commands.registerCommand('cisLens.setArticleDate', async (edit?: SetDateEdit) => {
      // From the quick fix: this article's date, written into its front matter. From the palette: the setting.
      if (edit?.uri) return setDateInArticle(edit);
      const date = await window.showInputBox({
        title: 'Article date', prompt: 'YYYY-MM-DD; empty to detect it from the article (or use today)',
        value: workspace.getConfiguration('cisLens').get<string>('articleDate') ?? '',
        validateInput: (v) => (v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : 'Use YYYY-MM-DD'),
      });
      if (date === undefined) return;
      await workspace.getConfiguration('cisLens').update('articleDate', date, ConfigurationTarget.Workspace);
    }),
    commands.registerCommand('cisLens.exportAnnotations', (preset?: ExportArgs) => exportAnnotations(context, preset)),
  );
}

/** What the server's "Set article date…" quick fix sends (server/src/features/codeActions.ts). */
interface SetDateEdit {
  uri: string;
  offset: number;
  length: number;
  text: string;
}

function isRealDate(v: string): boolean {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(v) ? Date.parse(`${v}T00:00:00Z`) : NaN;
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(v);
}

async function setDateInArticle(edit: SetDateEdit): Promise<void> {
  const date = await window.showInputBox({
    title: 'Article date', prompt: 'YYYY-MM-DD, written into the article’s front matter (date: …)',
    validateInput: (v) => (isRealDate(v) ? undefined : 'Use a real date, YYYY-MM-DD'),
  });
  if (!date) return;
  const doc = await workspace.openTextDocument(Uri.parse(edit.uri));
  const change = new WorkspaceEdit();
  change.replace(doc.uri, new Range(doc.positionAt(edit.offset), doc.positionAt(edit.offset + edit.length)), edit.text.replace('{date}', date));
  await workspace.applyEdit(change);
}

function selectionTarget(): AnnotationArgs | undefined {
  const editor = window.activeTextEditor;
  if (!editor || editor.selection.isEmpty) return undefined;
  const doc = editor.document;
  return { uri: doc.uri.toString(), start: doc.offsetAt(editor.selection.start), end: doc.offsetAt(editor.selection.end), status: 'note' };
}

/** Preset answers for *Export Annotations…* (scripts and tests); a person is asked for whatever is missing. */
interface ExportArgs {
  format?: 'w3c' | 'brat' | 'jsonl' | 'csv';
  /** An article or a folder to export. */
  input?: string;
  /** The output file (a folder for brat). */
  out?: string;
}

/** The active article, or a whole workspace folder (every article in it, with its annotations). */
async function pickExportInput(): Promise<string | undefined> {
  const active = window.activeTextEditor?.document.uri;
  const items = [
    ...(active?.scheme === 'file' ? [{ label: `$(file) ${workspace.asRelativePath(active)}`, description: 'this article', path: active.fsPath }] : []),
    ...(workspace.workspaceFolders ?? []).map((f) => ({ label: `$(folder) ${f.name}`, description: 'every article in the workspace folder', path: f.uri.fsPath })),
  ];
  if (items.length <= 1) return items[0]?.path;
  return (await window.showQuickPick(items, { title: 'Export what?' }))?.path;
}

async function exportAnnotations(context: ExtensionContext, preset: ExportArgs = {}): Promise<boolean> {
  const format = preset.format ?? (await window.showQuickPick(['w3c', 'brat', 'jsonl', 'csv'], { title: 'Export format' })) as ExportArgs['format'];
  if (!format) return false;
  const input = preset.input ?? (await pickExportInput());
  if (!input) {
    void window.showErrorMessage('Open an article or a folder to export.');
    return false;
  }
  const out = preset.out ? Uri.file(preset.out) : format === 'brat'
    ? (await window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Export here' }))?.[0]
    : await window.showSaveDialog({ defaultUri: Uri.file(`${input}.${format === 'w3c' ? 'jsonld' : format}`) });
  if (!out) return false;
  return window.withProgress({ location: ProgressLocation.Notification, title: `CIS Lens: exporting ${format}…` }, () =>
    new Promise<boolean>((resolve) => {
      let stderr = '';
      const child = fork(context.asAbsolutePath('dist/cli.js'), ['export', input, '--format', format, '--out', out.fsPath], { silent: true });
      child.stderr?.on('data', (d) => (stderr += String(d)));
      child.on('exit', (code) => {
        if (code === 0) void window.showInformationMessage(`CIS Lens: exported ${format} to ${out.fsPath}`);
        else void window.showErrorMessage(`CIS Lens: export failed (${code}). ${stderr.trim()}`);
        resolve(code === 0);
      });
    }));
}
