/**
 * SARIF 2.1.0 for code-scanning dashboards. One run; one rule per entry of `allRules`; columns count UTF-16
 * code units (`columnKind: "utf16CodeUnits"`), lines end at \n, \r\n or \r. Paths under the working folder are
 * relative URIs against %SRCROOT%; others are absolute file URIs. Skipped files and unreadable paths become
 * tool execution notifications.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules, type Severity, type Span } from '../../core';
import { oneLine, positionsOf, type CheckEntry, type Reporter, type ReporterOptions, type Totals } from '../report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
type Level = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): Level {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** What one article adds to the log. */
interface SarifPiece {
  readonly results: unknown[];
  readonly notifications: unknown[];
}

export function sarifReporter(options: ReporterOptions): Reporter<SarifPiece> {
  const results: unknown[] = [];
  const notifications: unknown[] = [];
  const ruleIndex = new Map(allRules.map((r, i) => [r.code, i]));
  const artifact = (file: string) => artifactLocation(file, options.cwd);
  return {
    render(entry: CheckEntry): SarifPiece {
      const results: unknown[] = [];
      const notifications: unknown[] = [];
      if (entry.kind === 'skipped') {
        notifications.push({ level: 'note', message: { text: `${entry.path}: skipped: ${entry.reason}` }, locations: [{ physicalLocation: { artifactLocation: artifact(entry.path) } }] });
        return { results, notifications };
      }
      if (entry.annotationWarning) {
        notifications.push({ level: 'warning', message: { text: `${entry.path}: ${entry.annotationWarning}` }, locations: [{ physicalLocation: { artifactLocation: artifact(entry.path) } }] });
      }
      const at = positionsOf(entry.text);
      const physical = (span: Span) => {
        const from = at(span.start);
        const to = at(span.end);
        return {
          artifactLocation: artifact(entry.path),
          region: {
            startLine: from.line,
            startColumn: from.column,
            endLine: to.line,
            endColumn: to.column,
            charOffset: span.start,
            charLength: span.end - span.start,
            snippet: { text: entry.text.slice(span.start, span.end) },
          },
        };
      };
      for (const d of entry.reviewed.model.diagnostics) {
        const index = ruleIndex.get(d.code);
        results.push({
          ruleId: d.code,
          ...(index === undefined ? {} : { ruleIndex: index }),
          level: sarifLevel(d.severity),
          message: { text: oneLine(d.message) },
          locations: [{ physicalLocation: physical(d) }],
          ...(d.related?.length
            ? { relatedLocations: d.related.map((r, i) => ({ id: i + 1, message: { text: oneLine(r.message) }, physicalLocation: physical(r) })) }
            : {}),
        });
      }
      return { results, notifications };
    },
    add(piece) {
      // One at a time: spreading a list of many thousand findings into push() can overflow the stack.
      for (const r of piece.results) results.push(r);
      for (const n of piece.notifications) notifications.push(n);
    },
    finish(totals: Totals) {
      for (const e of totals.errors) notifications.push({ level: 'error', message: { text: `${e.path}: ${e.message}` } });
      const log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [{
          tool: {
            driver: {
              name: 'cis-lens',
              version: options.version,
              semanticVersion: options.version,
              informationUri: options.informationUri,
              rules: allRules.map((r) => ({
                id: r.code,
                shortDescription: { text: r.description },
                defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
              })),
            },
          },
          invocations: [{ executionSuccessful: totals.errors.length === 0, toolExecutionNotifications: notifications }],
          originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(options.cwd).href.replace(/\/?$/, '/') } },
          columnKind: 'utf16CodeUnits',
          results,
        }],
      };
      options.write((options.pretty ? JSON.stringify(log, null, 2) : JSON.stringify(log)) + '\n');
    },
  };
}

/** A relative URI (against %SRCROOT%) for files under `cwd`, an absolute file URI for the rest. */
export function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(absolute).href };
}
