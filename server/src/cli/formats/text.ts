/**
 * The human report: per file, one `path:line:col severity code message` line per finding (a form terminals and
 * editors turn into links), then a summary of what was recognised; a total line at the end.
 */
import type { EntityMention, Severity } from '../../core';
import { oneLine, positionsOf, SEVERITIES, type CheckEntry, type Reporter, type ReporterOptions, type Totals } from '../report';

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', yellow: '\x1b[33m', cyan: '\x1b[36m' };
const SEVERITY_COLOR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, information: ANSI.cyan, hint: ANSI.dim };

export function textReporter(options: ReporterOptions): Reporter<string> {
  const paint = (code: string, s: string) => (options.color ? `${code}${s}${ANSI.reset}` : s);
  return {
    render(entry: CheckEntry): string {
      if (entry.kind === 'skipped') return `${paint(ANSI.bold, entry.path)}: skipped: ${entry.reason}\n\n`;
      const { model } = entry.reviewed;
      const at = positionsOf(entry.text);
      const lines: string[] = [paint(ANSI.bold, entry.path)];
      if (entry.annotationWarning) lines.push(`  ${paint(ANSI.yellow, 'warning')}: ${entry.annotationWarning}`);
      for (const d of model.diagnostics) {
        const { line, column } = at(d.start);
        lines.push(`${entry.path}:${line}:${column} ${paint(SEVERITY_COLOR[d.severity], d.severity)} ${paint(ANSI.dim, d.code)} ${oneLine(d.message)}`);
        for (const r of d.related ?? []) {
          const p = at(r.start);
          lines.push(`    related: ${entry.path}:${p.line}:${p.column} ${oneLine(r.message)}`);
        }
      }
      lines.push(`  ${summary(model.diagnostics.map((d) => d.severity), model.entities, model.quotes.map((q) => q.speaker?.name))}`);
      return lines.join('\n') + '\n\n';
    },
    add: (piece) => options.write(piece),
    finish(totals: Totals) {
      const files = `${totals.checked} ${plural(totals.checked, 'file')} checked${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
      const findings = SEVERITIES.map((s) => `${totals.findings[s]} ${s === 'information' ? s : plural(totals.findings[s], s)}`).join(', ');
      const failed = totals.errors.length ? `, ${totals.errors.length} ${plural(totals.errors.length, 'path')} could not be read` : '';
      const line = `Total: ${files}${failed}; ${totals.entities} ${plural(totals.entities, 'entity', 'entities')}, ${totals.quotes} ${plural(totals.quotes, 'quote')}; findings: ${findings}`;
      options.write(paint(ANSI.bold, line) + '\n');
    },
  };
}

function summary(severities: readonly Severity[], entities: readonly EntityMention[], speakers: readonly (string | undefined)[]): string {
  const bySeverity = SEVERITIES.map((s) => [s, severities.filter((x) => x === s).length] as const).filter(([, n]) => n > 0);
  const findings = severities.length === 0 ? 'no findings' : `${severities.length} ${plural(severities.length, 'finding')} (${bySeverity.map(([s, n]) => `${n} ${s}`).join(', ')})`;
  const kinds = countBy(entities.map((e) => e.kind));
  const entityPart = `${entities.length} ${plural(entities.length, 'entity', 'entities')}${kinds.length ? ` (${kinds.map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`;
  const named = countBy(speakers.filter((s): s is string => !!s));
  const speakerPart = named.length ? `speakers: ${named.map(([name, n]) => `${name} ×${n}`).join(', ')}` : 'no speakers';
  return `${findings}; ${entityPart}; ${speakers.length} ${plural(speakers.length, 'quote')}; ${speakerPart}`;
}

/** [value, count] pairs, most frequent first, then alphabetical. */
function countBy(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}
