/** The one boundary between core offsets (UTF-16 code units) and LSP ranges/diagnostics. */
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity, Span } from './core';

export const SOURCE = 'cis-lens';

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function toSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    default:
      return DiagnosticSeverity.Hint;
  }
}

export function toDiagnostic(doc: TextDocument, finding: Finding): Diagnostic {
  return {
    range: toRange(doc, finding),
    severity: toSeverity(finding.severity),
    code: finding.code,
    source: SOURCE,
    message: finding.message,
    relatedInformation: finding.related?.map((r) => ({ location: { uri: doc.uri, range: toRange(doc, r) }, message: r.message })),
    data: { ...(finding.data ?? {}), start: finding.start, end: finding.end },
  };
}
