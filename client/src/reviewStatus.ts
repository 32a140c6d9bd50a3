// Progress through the review: a status bar count of unverified claims in the active article,
// and commands to walk from one to the next.
import { commands, Diagnostic, ExtensionContext, languages, Range, Selection, StatusBarAlignment, TextEditorRevealType, window } from 'vscode';

const CODE = 'unverified-claim';

function unverified(uri = window.activeTextEditor?.document.uri): Diagnostic[] {
  if (!uri) return [];
  return languages.getDiagnostics(uri).filter((d) => d.source === 'cis-lens' && d.code === CODE).sort((a, b) => a.range.start.compareTo(b.range.start));
}

export function registerReviewStatus(context: ExtensionContext): void {
  const item = window.createStatusBarItem('cisLens.unverified', StatusBarAlignment.Left, 50);
  item.name = 'CIS Lens: unverified claims';
  item.command = 'cisLens.nextUnverifiedClaim';
  const update = () => {
    const count = unverified().length;
    const editor = window.activeTextEditor;
    if (!editor || (count === 0 && !languages.getDiagnostics(editor.document.uri).some((d) => d.source === 'cis-lens'))) return item.hide();
    item.text = `$(checklist) ${count} unverified`;
    item.tooltip = count ? `${count} claim${count === 1 ? '' : 's'} still to verify — click for the next one` : 'Every claim in this article is reviewed';
    item.show();
  };
  context.subscriptions.push(
    item,
    languages.onDidChangeDiagnostics(update),
    window.onDidChangeActiveTextEditor(update),
    commands.registerCommand('cisLens.nextUnverifiedClaim', () => step(1)),
    commands.registerCommand('cisLens.previousUnverifiedClaim', () => step(-1)),
  );
  update();
}

function step(direction: 1 | -1): void {
  const editor = window.activeTextEditor;
  const claims = unverified();
  if (!editor || claims.length === 0) return void window.showInformationMessage('CIS Lens: no unverified claims in this article.');
  const here = editor.selection.active;
  const next = direction === 1
    ? claims.find((d) => d.range.start.isAfter(here)) ?? claims[0]
    : [...claims].reverse().find((d) => d.range.start.isBefore(here)) ?? claims[claims.length - 1];
  reveal(next.range);
}

function reveal(range: Range): void {
  const editor = window.activeTextEditor!;
  editor.selection = new Selection(range.start, range.end);
  editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
}
