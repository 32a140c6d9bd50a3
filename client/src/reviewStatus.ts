// Progress through the review: "N to review" in the status bar (every open finding of the active article,
// with a tooltip by rule), and Next/Previous Finding and Next/Previous Unverified Claim, which walk the open
// findings in text order from the selection (the order itself is client/src/navigation.ts, tested as a
// property). A finding the reviewer gave a verdict on has left the diagnostics, so it leaves this list too.
import { commands, Diagnostic, ExtensionContext, languages, MarkdownString, Selection, StatusBarAlignment, TextEditorRevealType, Uri, window } from 'vscode';
import { stepFrom } from './navigation';

const SOURCE = 'cis-lens';
const UNVERIFIED = 'unverified-claim';
/** Not findings to review: the reviewer's own verdicts, and problems with the file rather than the text. */
const NOT_TO_REVIEW = new Set(['disputed-claim', 'false-claim', 'annotations-file', 'file-too-large', 'kb-file']);

function codeOf(d: Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

/** The open findings of a document: CIS Lens diagnostics a verdict can still close. */
export function openFindings(uri: Uri | undefined): Diagnostic[] {
  if (!uri) return [];
  return languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && !NOT_TO_REVIEW.has(codeOf(d)));
}

/** "unverified-claim: 3", … most first. */
export function countsByRule(findings: readonly Diagnostic[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const d of findings) counts.set(codeOf(d), (counts.get(codeOf(d)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Returns what the status bar item says now (e2e tests read it through the extension's API). */
export function registerReviewStatus(context: ExtensionContext): () => string | undefined {
  const item = window.createStatusBarItem('cisLens.toReview', StatusBarAlignment.Left, 50);
  item.name = 'CIS Lens: findings to review';
  item.command = 'cisLens.nextFinding';
  const update = () => {
    const editor = window.activeTextEditor;
    const all = editor ? languages.getDiagnostics(editor.document.uri).filter((d) => d.source === SOURCE) : [];
    if (!editor || all.length === 0) return item.hide();
    const open = openFindings(editor.document.uri);
    item.text = `$(checklist) ${open.length} to review`;
    const tooltip = new MarkdownString(open.length
      ? `**${open.length} finding${open.length === 1 ? '' : 's'} to review** — click for the next one\n\n${countsByRule(open).map(([code, n]) => `- \`${code}\`: ${n}`).join('\n')}`
      : 'Every finding in this article has been reviewed.');
    item.tooltip = tooltip;
    item.show();
  };
  context.subscriptions.push(
    item,
    languages.onDidChangeDiagnostics(update),
    window.onDidChangeActiveTextEditor(update),
    commands.registerCommand('cisLens.nextFinding', () => step(1, () => true, 'findings to review')),
    commands.registerCommand('cisLens.previousFinding', () => step(-1, () => true, 'findings to review')),
    commands.registerCommand('cisLens.nextUnverifiedClaim', () => step(1, (d) => codeOf(d) === UNVERIFIED, 'unverified claims')),
    commands.registerCommand('cisLens.previousUnverifiedClaim', () => step(-1, (d) => codeOf(d) === UNVERIFIED, 'unverified claims')),
  );
  update();
  return () => (item.text && (window.activeTextEditor ? item.text : undefined));
}

function step(direction: 1 | -1, wanted: (d: Diagnostic) => boolean, what: string): void {
  const editor = window.activeTextEditor;
  const findings = openFindings(editor?.document.uri).filter(wanted);
  if (!editor || findings.length === 0) return void window.showInformationMessage(`CIS Lens: no ${what} in this article.`);
  const doc = editor.document;
  const place = (d: Diagnostic) => ({ start: doc.offsetAt(d.range.start), end: doc.offsetAt(d.range.end) });
  const selection = { start: doc.offsetAt(editor.selection.start), end: doc.offsetAt(editor.selection.end) };
  const next = stepFrom(findings.map(place), selection, direction);
  if (!next) return;
  const range = new Selection(doc.positionAt(next.start), doc.positionAt(next.end));
  editor.selection = range;
  editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
}
