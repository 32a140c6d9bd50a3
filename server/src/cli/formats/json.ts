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

export function jsonReporter(options: ReporterOptions): Reporter {
  let count = 0;
  const open = () => {
    if (count++ === 0) options.write(`{\n  "tool": ${JSON.stringify({ name: 'cis-lens', version: options.version })},\n  "files": [\n`);
    else options.write(',\n');
  };
  return {
    file(entry: CheckEntry) {
      open();
      options.write(indent(JSON.stringify(fileRecord(entry), null, 2), '    '));
    },
    finish(totals: Totals) {
      if (count === 0) options.write(`{\n  "tool": ${JSON.stringify({ name: 'cis-lens', version: options.version })},\n  "files": [`);
      else options.write('\n  ');
      const { errors, ...summary } = totals;
      options.write(`],\n  "errors": ${JSON.stringify(errors)},\n  "summary": ${JSON.stringify(summary)}\n}\n`);
    },
  };
}

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

function indent(json: string, prefix: string): string {
  // JSON.stringify never puts a raw line break inside a string, so every line break is structural.
  return prefix + json.replace(/\n/g, `\n${prefix}`);
}
