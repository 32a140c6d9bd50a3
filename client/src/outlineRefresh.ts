// Makes the Outline (and breadcrumbs) ask the server for symbols again after a review change.
//
// VS Code re-requests document symbols when the document changes or when the set of symbol providers
// changes, and offers no refresh event for them (LSP has none either). A verdict, note or speaker changes the
// Outline's Notes and Quotes without changing the text, so after one this swaps a tiny extra provider that
// contributes nothing: the provider set changed, the Outline reloads from the language server, and the empty
// group it adds is dropped by the Outline. Costs one request, only when the reviewer changed something.
import { Disposable, DocumentSelector, languages } from 'vscode';

export class OutlineRefresher implements Disposable {
  private registration: Disposable | undefined;

  constructor(private readonly selector: () => DocumentSelector) {}

  refresh(): void {
    this.registration?.dispose();
    this.registration = languages.registerDocumentSymbolProvider(this.selector(), { provideDocumentSymbols: () => [] }, { label: 'CIS Lens review' });
  }

  dispose(): void {
    this.registration?.dispose();
  }
}
