// The reviewer's annotations as comment threads (VS Code Comments API), with highlights on the words.
//
// Where a thread sits comes from the server only (`cisLens/annotations`, one message per analysed document
// version): the server's re-anchoring is the one source of truth, so a thread follows its words as the user
// types and lands where diagnostics and hover say. The stored TextPositionSelector is never read here.
//
// Annotations on the same range form one thread (a reply is a note on the thread's range). A comment can be
// edited (its note) or removed; every change goes to the server (`cisLens.applyAnnotation`,
// `cisLens.updateAnnotation`, `cisLens.deleteAnnotation`), which writes through its one safe save path and
// sends the new state back. Orphans (their words are gone) stay visible as threads on the first line.
import {
  commands, Comment, CommentAuthorInformation, CommentMode, CommentReply, comments, CommentThread, CommentThreadCollapsibleState,
  DecorationOptions, Disposable, ExtensionContext, MarkdownString, OverviewRulerLane, Range, TextDocument, TextEditorDecorationType,
  ThemeColor, Uri, window, workspace,
} from 'vscode';
import { ExecuteCommandRequest, LanguageClient } from 'vscode-languageclient/node';

export const ANCHORED_ANNOTATIONS = 'cisLens/annotations';

interface LspRange { start: { line: number; character: number }; end: { line: number; character: number } }

/** One annotation as the server anchored it (see server/src/features/anchoredAnnotations.ts). */
export interface AnchoredItem {
  id: string;
  status: string;
  range: LspRange | null;
  method: string;
  exact: string;
  note?: string;
  source?: string;
  rule?: string;
  author?: string;
  speaker?: { id: string | null; name: string };
  created?: string;
  modified?: string;
}

interface AnchoredParams { uri: string; version: number; annotations: AnchoredItem[] }

class ReviewComment implements Comment {
  contextValue = 'cisLens.annotation';
  mode = CommentMode.Preview;
  body: string | MarkdownString;
  readonly author: CommentAuthorInformation;
  readonly label?: string;
  constructor(readonly item: AnchoredItem, readonly thread: () => CommentThread | undefined) {
    this.body = commentBody(item);
    this.author = { name: item.author ?? 'reviewer' };
    this.label = [item.status === 'note' ? undefined : item.status, (item.modified ?? item.created)?.slice(0, 10)].filter(Boolean).join(' · ') || undefined;
  }
}

interface ThreadEntry { thread: CommentThread; signature: string; uri: string }

export interface ReviewComments {
  /** Call after the language client started (it is replaced on restart). */
  attach(client: LanguageClient): Disposable;
  /** What the threads show now, by document (e2e tests read it through the extension's API). */
  threadsFor(uri: Uri): { range: Range; ids: string[]; label: string | undefined }[];
}

export function registerReviewComments(context: ExtensionContext, getClient: () => LanguageClient | undefined, onReviewChanged: (uri: Uri) => void): ReviewComments {
  const controller = comments.createCommentController('cis-lens', 'CIS Lens review');
  const threads = new Map<string, Map<string, ThreadEntry>>();
  const items = new Map<string, AnchoredItem[]>();
  const highlight = window.createTextEditorDecorationType({
    borderWidth: '0 0 1px 0', borderStyle: 'dotted', borderColor: new ThemeColor('editorInfo.foreground'),
    overviewRulerColor: new ThemeColor('editorInfo.foreground'), overviewRulerLane: OverviewRulerLane.Center,
  });

  const update = (params: AnchoredParams) => {
    const doc = workspace.textDocuments.find((d) => d.uri.toString() === params.uri);
    if (!doc || doc.version !== params.version) return; // a newer version's message is on its way
    const before = contentSignature(items.get(params.uri) ?? []);
    items.set(params.uri, params.annotations);
    placeThreads(controller, threads, doc, params.annotations);
    decorate(highlight, doc, params.annotations);
    if (contentSignature(params.annotations) !== before) onReviewChanged(doc.uri);
  };

  const requestFor = async (doc: TextDocument) => {
    const client = getClient();
    if (!client || doc.uri.scheme !== 'file') return;
    const params = await client.sendRequest<AnchoredParams | null>(ANCHORED_ANNOTATIONS, { uri: doc.uri.toString() }).catch(() => null);
    if (params) update(params);
  };

  const server = async (command: string, args: object) => {
    const client = getClient();
    if (!client) return void window.showErrorMessage('CIS Lens: the language server is not running.');
    await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] });
  };

  context.subscriptions.push(
    controller,
    highlight,
    window.onDidChangeVisibleTextEditors(() => {
      for (const editor of window.visibleTextEditors) {
        const list = items.get(editor.document.uri.toString());
        if (list) decorate(highlight, editor.document, list);
      }
    }),
    workspace.onDidCloseTextDocument((doc) => {
      const key = doc.uri.toString();
      for (const entry of threads.get(key)?.values() ?? []) entry.thread.dispose();
      threads.delete(key);
      items.delete(key);
    }),
    commands.registerCommand('cisLens.replyToThread', async (reply: CommentReply) => {
      const doc = workspace.textDocuments.find((d) => d.uri.toString() === reply.thread.uri.toString());
      if (!doc || !reply.text.trim()) return;
      await server('cisLens.applyAnnotation', { uri: doc.uri.toString(), start: doc.offsetAt(reply.thread.range.start), end: doc.offsetAt(reply.thread.range.end), status: 'note', note: reply.text.trim() });
    }),
    commands.registerCommand('cisLens.editComment', (comment: ReviewComment) => {
      comment.mode = CommentMode.Editing;
      comment.body = comment.item.note ?? '';
      refreshComments(comment);
    }),
    commands.registerCommand('cisLens.cancelEditComment', (comment: ReviewComment) => {
      comment.mode = CommentMode.Preview;
      comment.body = commentBody(comment.item);
      refreshComments(comment);
    }),
    commands.registerCommand('cisLens.saveComment', async (comment: ReviewComment) => {
      const note = typeof comment.body === 'string' ? comment.body : comment.body.value;
      comment.mode = CommentMode.Preview;
      refreshComments(comment);
      const uri = comment.thread()?.uri.toString();
      if (uri) await server('cisLens.updateAnnotation', { uri, id: comment.item.id, note });
    }),
    commands.registerCommand('cisLens.deleteComment', async (comment: ReviewComment) => {
      const what = comment.item.status === 'note' ? 'this note' : comment.item.status === 'speaker' ? 'the speaker you set' : `this ${comment.item.status} verdict`;
      const choice = await window.showWarningMessage(`Remove ${what}? The finding it answered comes back.`, { modal: true }, 'Remove');
      const uri = comment.thread()?.uri.toString();
      if (choice === 'Remove' && uri) await server('cisLens.deleteAnnotation', { uri, id: comment.item.id });
    }),
  );

  return {
    attach(client) {
      const subscription = client.onNotification(ANCHORED_ANNOTATIONS, (params: AnchoredParams) => update(params));
      workspace.textDocuments.forEach((doc) => void requestFor(doc));
      const opened = workspace.onDidOpenTextDocument((doc) => void requestFor(doc));
      return Disposable.from(subscription, opened);
    },
    threadsFor(uri) {
      return [...(threads.get(uri.toString())?.values() ?? [])].map((e) => ({
        range: e.thread.range ?? new Range(0, 0, 0, 0),
        ids: e.thread.comments.map((c) => (c as ReviewComment).item.id),
        label: e.thread.label,
      }));
    },
  };
}

/** Threads in place: moved when only their range changed, rebuilt when what they say changed. */
function placeThreads(controller: ReturnType<typeof comments.createCommentController>, threads: Map<string, Map<string, ThreadEntry>>, doc: TextDocument, list: readonly AnchoredItem[]): void {
  const key = doc.uri.toString();
  const current = threads.get(key) ?? new Map<string, ThreadEntry>();
  const next = new Map<string, ThreadEntry>();
  for (const group of groupByRange(list)) {
    const range = group.orphan ? new Range(0, 0, 0, 0) : toRange(group.items[0]!.range!);
    const signature = contentSignature(group.items);
    const existing = current.get(group.key);
    if (existing && existing.signature === signature) {
      if (!existing.thread.range?.isEqual(range)) existing.thread.range = range;
      next.set(group.key, existing);
      current.delete(group.key);
      continue;
    }
    existing?.thread.dispose();
    current.delete(group.key);
    let thread: CommentThread | undefined;
    const made = group.items.map((item) => new ReviewComment(item, () => thread));
    thread = controller.createCommentThread(doc.uri, range, made);
    thread.canReply = !group.orphan;
    thread.contextValue = group.orphan ? 'cisLens.orphan' : 'cisLens.thread';
    thread.label = threadLabel(group.items, group.orphan);
    thread.collapsibleState = existing ? CommentThreadCollapsibleState.Expanded : CommentThreadCollapsibleState.Collapsed;
    next.set(group.key, { thread, signature, uri: key });
  }
  for (const stale of current.values()) stale.thread.dispose();
  threads.set(key, next);
}

interface Group { key: string; orphan: boolean; items: AnchoredItem[] }

/** Annotations on the same range, oldest first; the key is the oldest one's id (stable while replies come and go). */
function groupByRange(list: readonly AnchoredItem[]): Group[] {
  const byRange = new Map<string, AnchoredItem[]>();
  for (const item of list) {
    const r = item.range;
    const key = r ? `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}` : `orphan:${item.id}`;
    byRange.set(key, [...(byRange.get(key) ?? []), item]);
  }
  return [...byRange.entries()].map(([rangeKey, items]) => {
    const sorted = [...items].sort((a, b) => (a.created ?? '').localeCompare(b.created ?? '') || a.id.localeCompare(b.id));
    return { key: sorted[0]!.id, orphan: rangeKey.startsWith('orphan:'), items: sorted };
  });
}

function threadLabel(items: readonly AnchoredItem[], orphan: boolean): string {
  const main = items.find((i) => i.status !== 'note') ?? items[0]!;
  const what = main.status === 'speaker' && main.speaker ? `speaker ${main.speaker.name}` : `${main.status}${main.rule ? ` (${main.rule})` : ''}`;
  return orphan ? `CIS Lens: orphaned ${what} — “${oneLine(main.exact, 40)}” is no longer in the text` : `CIS Lens: ${what}`;
}

function commentBody(item: AnchoredItem): MarkdownString {
  const lines = [
    item.status === 'note' ? undefined : `**${item.status}**${item.rule ? ` (${item.rule})` : ''}`,
    item.note,
    item.speaker ? `Speaker: ${item.speaker.name}${item.speaker.id ? ` (${item.speaker.id})` : ''}` : undefined,
    item.source ? `Source: ${item.source}` : undefined,
    item.range === null ? `_Orphaned: “${oneLine(item.exact, 80)}” was not found in the article._` : item.method === 'fuzzy' ? `_The words changed since; they were “${oneLine(item.exact, 80)}”._` : undefined,
  ];
  const body = new MarkdownString(lines.filter((l): l is string => !!l).join('\n\n') || '_(no note)_');
  body.isTrusted = false;
  return body;
}

function refreshComments(comment: ReviewComment): void {
  const thread = comment.thread();
  if (thread) thread.comments = [...thread.comments];
}

function decorate(type: TextEditorDecorationType, doc: TextDocument, list: readonly AnchoredItem[]): void {
  const options: DecorationOptions[] = list.filter((i) => i.range).map((i) => ({ range: toRange(i.range!) }));
  for (const editor of window.visibleTextEditors) if (editor.document === doc) editor.setDecorations(type, options);
}

/** What the reviewer wrote, without positions: a change here is a change the Outline must show. */
function contentSignature(list: readonly AnchoredItem[]): string {
  return JSON.stringify(list.map((i) => [i.id, i.status, i.note, i.source, i.rule, i.speaker?.name, i.modified, i.range === null]));
}

function toRange(r: LspRange): Range {
  return new Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function oneLine(text: string, max: number): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
