/**
 * Quick fixes on CIS Lens diagnostics: record a verdict (verified / disputed / false / ignore here),
 * set a quote's speaker, add an unknown entity to the workspace KB. Verdicts that need input run a
 * client command (which asks, then calls the server's `cisLens.applyAnnotation`); the rest are
 * complete on their own.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReviewedArticle } from '../core/review';
import { SOURCE } from '../convert';

export const APPLY_ANNOTATION = 'cisLens.applyAnnotation';
export const ADD_TO_KB = 'cisLens.addToKnowledgeBase';
/** Client-side commands that ask the user for details first. */
export const ASK_AND_ANNOTATE = 'cisLens.annotate';
export const ASK_SPEAKER = 'cisLens.setSpeaker';
export const ADD_NOTE = 'cisLens.addNote';
export const DELETE_ANNOTATION = 'cisLens.deleteAnnotation';
/** The reviewer's own diagnostics: answered by removing the verdict, not by another verdict. */
const REVIEW_CODES = new Set(['disputed-claim', 'false-claim', 'orphaned-annotation']);
/** Asks for a date and writes it into the article's front matter (`SetDateEdit` says where). */
export const SET_ARTICLE_DATE = 'cisLens.setArticleDate';

/**
 * Where the article's date goes: `text` (with "{date}" for the date the user gives) replaces `length`
 * characters at `offset` (UTF-16). Front matter, not the `cisLens.articleDate` setting: the setting holds for
 * every article in the workspace, while the date belongs to this one, travels with the file (the CLI reads it
 * too), and is the one date nothing overrides.
 */
export interface SetDateEdit {
  readonly uri: string;
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

export interface AnnotationRequest {
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly status: 'verified' | 'disputed' | 'false' | 'ignored' | 'note' | 'speaker';
  readonly rule?: string;
  readonly note?: string;
  readonly source?: string;
  readonly speaker?: { readonly id: string | null; readonly name: string };
}

const VERDICTS = [
  { status: 'verified', title: 'Mark as verified…' },
  { status: 'disputed', title: 'Mark as disputed…' },
  { status: 'false', title: 'Mark as false…' },
] as const;

export function getCodeActions(doc: TextDocument, article: ReviewedArticle, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string' || REVIEW_CODES.has(diagnostic.code)) continue;
    const start = doc.offsetAt(diagnostic.range.start);
    const end = doc.offsetAt(diagnostic.range.end);
    const base = { uri: doc.uri, start, end, rule: diagnostic.code };
    for (const verdict of VERDICTS) {
      actions.push(action(`${verdict.title} (${diagnostic.code})`, diagnostic, ASK_AND_ANNOTATE, { ...base, status: verdict.status }, verdict.status === 'verified'));
    }
    actions.push(action(`Ignore ${diagnostic.code} here`, diagnostic, APPLY_ANNOTATION, { ...base, status: 'ignored' }));
    if (diagnostic.code === 'unattributed-quote') {
      const people = uniquePeople(article);
      actions.push(action('Set speaker…', diagnostic, ASK_SPEAKER, { ...base, status: 'speaker', candidates: people }));
    }
  }
  const from = doc.offsetAt(range.start);
  const to = doc.offsetAt(range.end);
  actions.push(...removeVerdictActions(doc, article, from, to, diagnostics));
  for (const mention of article.model.entities) {
    if (mention.id !== null || mention.end < from || mention.start > to || !ADDABLE_VIAS.has(mention.via)) continue;
    // A name of unknown kind: the reviewer says what it is.
    const kinds = mention.kind === 'other' ? ['person', 'organization', 'place'] : [mention.kind];
    for (const kind of kinds) {
      actions.push({
        title: `Add “${mention.name}” to the knowledge base${kinds.length > 1 ? ` as ${kind === 'organization' ? 'an' : 'a'} ${kind}` : ''}`,
        kind: CodeActionKind.QuickFix,
        command: { title: 'Add to knowledge base', command: ADD_TO_KB, arguments: [{ uri: doc.uri, name: mention.name, kind }] },
      });
    }
  }
  if (article.model.date.date === null) {
    // The date is unknown: time-aware checks assumed today. Offered wherever the cursor is.
    const assumed = diagnostics.filter((d) => d.source === SOURCE && d.code === 'kb-contradiction');
    actions.push({
      title: 'Set article date…',
      kind: CodeActionKind.QuickFix,
      diagnostics: assumed.length ? assumed : undefined,
      command: { title: 'Set article date', command: SET_ARTICLE_DATE, arguments: [articleDateEdit(doc.uri, article.model.text)] },
    });
  }
  if (to > from) {
    actions.push({ title: 'Add note…', kind: CodeActionKind.Empty, command: { title: 'Add note', command: ADD_NOTE, arguments: [{ uri: doc.uri, start: from, end: to, status: 'note' }] } });
  }
  return actions;
}

/** A `date:` line for the article's front matter: added to the front matter it has, or a new front matter block. */
export function articleDateEdit(uri: string, text: string): SetDateEdit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const front = /^---\r?\n/.exec(text);
  const close = front ? /^---[ \t]*$/m.exec(text.slice(front[0].length)) : null;
  if (!front || !close) return { uri, offset: 0, length: 0, text: `---${eol}date: {date}${eol}---${eol}` };
  const body = text.slice(front[0].length, front[0].length + close.index);
  const dateLine = /^date:.*$/m.exec(body);
  if (dateLine) return { uri, offset: front[0].length + dateLine.index, length: dateLine[0].replace(/\r$/, '').length, text: 'date: {date}' };
  return { uri, offset: front[0].length, length: 0, text: `date: {date}${eol}` };
}

/** Names found without the knowledge base, which a reviewer may add to it. */
const ADDABLE_VIAS = new Set(['name', 'context', 'gazetteer', 'document', 'model']);

function action(title: string, diagnostic: Diagnostic, command: string, args: object, preferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred || undefined, command: { title, command, arguments: [args] } };
}

function uniquePeople(article: ReviewedArticle): { id: string | null; name: string }[] {
  const seen = new Map<string, { id: string | null; name: string }>();
  for (const e of article.model.entities) if (e.kind === 'person') seen.set(e.id ?? e.name, { id: e.id, name: e.name });
  return [...seen.values()];
}

/**
 * *Remove verdict*: undoes a verdict, speaker or note the reviewer recorded here. Disputed, false and orphaned
 * ones are found through their diagnostic; verified and ignored ones left no diagnostic, so they are found by
 * where they are anchored.
 */
function removeVerdictActions(doc: TextDocument, article: ReviewedArticle, from: number, to: number, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  const remove = (id: string, title: string, diagnostic?: Diagnostic) => {
    if (seen.has(id)) return;
    seen.add(id);
    actions.push({ title, kind: CodeActionKind.QuickFix, ...(diagnostic ? { diagnostics: [diagnostic] } : {}), command: { title, command: DELETE_ANNOTATION, arguments: [{ uri: doc.uri, id }] } });
  };
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data as { annotationId?: unknown; status?: unknown; rule?: unknown } | undefined;
    if (diagnostic.source !== SOURCE || typeof data?.annotationId !== 'string') continue;
    remove(data.annotationId, `Remove verdict (${String(data.status)}${typeof data.rule === 'string' ? `, ${data.rule}` : ''})`, diagnostic);
  }
  for (const a of article.anchored) {
    if (a.span.end < from || a.span.start > to) continue;
    const { status, rule } = a.annotation.cisLens;
    const what = status === 'note' ? 'Remove note' : status === 'speaker' ? 'Remove the speaker set by hand' : `Remove verdict (${status}${rule ? `, ${rule}` : ''})`;
    remove(a.annotation.id, what);
  }
  return actions;
}
