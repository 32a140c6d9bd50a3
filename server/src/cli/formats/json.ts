/**
 * Machine-readable report:
 *   {"tool":{"name","version"},"files":[{"path","entities":[…],"quotes":[…],"diagnostics":[…]}],"errors":[…],"summary":{…}}
 * Offsets are UTF-16 code units (JavaScript string indices), end exclusive. Besides the documented fields a
 * file carries its date ("date": from the
 * article or the user's --date, null when neither gives one; "dateSource": front-matter, dateline, wire-id,
 * text, setting or none; "assumedDate": the date time-aware checks used, today when unknown), and each diagnostic its 1-based line/column range. A skipped file has "skipped"
 * (the reason) and empty lists. Written as it goes, one file at a time, so large runs stay small in memory.
 */
import type { CheckEntry, Reporter, ReporterOptions, Totals } from '../report';
import { positionsOf } from '../report';

/**
 * Compact by default: the header, then one article per line, then errors and summary, so a reader can also take
 * it line by line. `--pretty` indents it with two spaces. Each article is serialised once, by `JSON.stringify`,
 * as soon as it is analysed; nothing is re-read or re-indented afterwards.
 */
export function jsonReporter(options: ReporterOptions): Reporter<string> {
  const pretty = options.pretty === true;
  const tool = JSON.stringify({ name: 'cis-lens', version: options.version });
  let count = 0;
  const head = () => options.write(pretty ? `{\n  "tool": ${tool},\n  "files": [` : `{"tool":${tool},"files":[`);
  return {
    render: (entry) => (pretty ? prettyRecord(fileRecord(entry)) : JSON.stringify(fileRecord(entry))),
    add(piece) {
      if (count++ === 0) head();
      else options.write(',');
      options.write(`\n${piece}`);
    },
    finish(totals: Totals) {
      if (count === 0) head();
      else if (pretty) options.write('\n  ');
      else options.write('\n');
      const { errors, ...summary } = totals;
      options.write(pretty
        ? `],\n  "errors": ${JSON.stringify(errors)},\n  "summary": ${JSON.stringify(summary)}\n}\n`
        : `],"errors":${JSON.stringify(errors)},"summary":${JSON.stringify(summary)}}\n`);
    },
  };
}

/**
 * A file record indented as the fourth level of the report (inside "files": [ … ]). `JSON.stringify` indents
 * from column 0, so the record is serialised at the depth it has in the report, inside a wrapper whose fixed
 * opening and closing lines are then cut off: the indentation comes from the serialiser itself.
 */
function prettyRecord(record: Record<string, unknown>): string {
  const wrapped = JSON.stringify({ files: [record] }, null, 2);
  return wrapped.slice(WRAPPER_OPEN.length, wrapped.length - WRAPPER_CLOSE.length);
}
const WRAPPER_OPEN = '{\n  "files": [\n';
const WRAPPER_CLOSE = '\n  ]\n}';

export function fileRecord(entry: CheckEntry): Record<string, unknown> {
  if (entry.kind === 'skipped') return { path: entry.path, skipped: entry.reason, entities: [], quotes: [], diagnostics: [] };
  const { model } = entry.reviewed;
  const at = positionsOf(entry.text);
  return {
    path: entry.path,
    date: model.date.date,
    dateSource: model.date.source,
    assumedDate: model.date.assumed,
    ...(entry.annotationWarning ? { warning: entry.annotationWarning } : {}),
    entities: model.entities.map((e) => ({ start: e.start, end: e.end, text: e.text, kind: e.kind, id: e.id, name: e.name, via: e.via, ...(e.why ? { why: e.why } : {}), ...(e.ref ? { ref: e.ref } : {}) })),
    quotes: model.quotes.map((q) => ({
      start: q.start,
      end: q.end,
      text: q.text,
      kind: q.kind,
      speaker: q.speaker
        ? { name: q.speaker.name, id: q.speaker.id, start: q.speaker.start, end: q.speaker.end, how: q.speaker.how, ...(q.speaker.via ? { via: q.speaker.via } : {}), ...(q.speaker.uncertain ? { uncertain: q.speaker.uncertain } : {}) }
        : null,
      cue: q.cue,
    })),
    diagnostics: model.diagnostics.map((d) => {
      const from = at(d.start);
      const to = at(d.end);
      return {
        code: d.code,
        severity: d.severity,
        start: d.start,
        end: d.end,
        message: d.message,
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        ...(d.related?.length ? { related: d.related.map((r) => ({ start: r.start, end: r.end, message: r.message })) } : {}),
      };
    }),
  };
}
