// Shows the reviewer's annotations as read-only comment threads (VS Code Comments API).
// Reads `<article>.annotations.json`; a file it cannot parse is ignored here (the server reports it) and never written.
import * as fs from 'node:fs';
import { CommentMode, comments, CommentThread, CommentThreadCollapsibleState, ExtensionContext, MarkdownString, Range, TextDocument, window, workspace } from 'vscode';

interface StoredAnnotation {
  id?: string;
  created?: string;
  creator?: { name?: string };
  target?: { selector?: { type?: string; start?: number; end?: number }[] };
  cisLens?: { status?: string; note?: string; source?: string; author?: string; speaker?: { name?: string } };
}

export function registerReviewComments(context: ExtensionContext): void {
  const controller = comments.createCommentController('cis-lens', 'CIS Lens review');
  const threads = new Map<string, CommentThread[]>();
  const refresh = (doc: TextDocument) => {
    for (const t of threads.get(doc.uri.toString()) ?? []) t.dispose();
    if (doc.uri.scheme !== 'file') return;
    threads.set(doc.uri.toString(), readAnnotations(`${doc.uri.fsPath}.annotations.json`).flatMap((a) => {
      const position = a.target?.selector?.find((s) => s.type === 'TextPositionSelector');
      if (!a.cisLens?.status || position?.start === undefined || position.end === undefined || position.end > doc.getText().length) return [];
      const range = new Range(doc.positionAt(position.start), doc.positionAt(position.end));
      const v = a.cisLens;
      const body = new MarkdownString([`**${v.status}**`, v.note, v.speaker?.name ? `Speaker: ${v.speaker.name}` : undefined, v.source ? `Source: ${v.source}` : undefined].filter(Boolean).join('\n\n'));
      const thread = controller.createCommentThread(doc.uri, range, [{ body, mode: CommentMode.Preview, author: { name: v.author ?? a.creator?.name ?? 'reviewer' }, label: a.created?.slice(0, 10) }]);
      thread.canReply = false;
      thread.label = `CIS Lens: ${v.status}`;
      thread.collapsibleState = CommentThreadCollapsibleState.Collapsed;
      return [thread];
    }));
  };
  const watcher = workspace.createFileSystemWatcher('**/*.annotations.json');
  const onAnnotationsChanged = (uri: { fsPath: string }) => {
    const doc = workspace.textDocuments.find((d) => `${d.uri.fsPath}.annotations.json` === uri.fsPath);
    if (doc) refresh(doc);
  };
  context.subscriptions.push(
    controller,
    watcher,
    watcher.onDidChange(onAnnotationsChanged),
    watcher.onDidCreate(onAnnotationsChanged),
    watcher.onDidDelete(onAnnotationsChanged),
    workspace.onDidOpenTextDocument(refresh),
    workspace.onDidSaveTextDocument(refresh),
  );
  workspace.textDocuments.forEach(refresh);
  if (window.activeTextEditor) refresh(window.activeTextEditor.document);
}

function readAnnotations(file: string): StoredAnnotation[] {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    const items = parsed?.first?.items ?? parsed?.items ?? [];
    return Array.isArray(items) ? items : [];
  } catch {
    return [];
  }
}
