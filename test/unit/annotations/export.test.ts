import * as assert from 'assert';
import { exportBrat, exportBratDocument, fragmentsOf, parseBrat, bratAnnotationConf } from '../../../server/src/core/annotations/export/brat';
import { csvField, exportCsv } from '../../../server/src/core/annotations/export/csv';
import { exportJsonl } from '../../../server/src/core/annotations/export/jsonl';
import { exportW3c } from '../../../server/src/core/annotations/export/w3c';
import type { ExportArticle } from '../../../server/src/core/annotations/export/types';
import { createAnnotation } from '../../../server/src/core/annotations/model';
import { parseAnnotationFile } from '../../../server/src/core/annotations/model';
import { claim, finding, makeModel, mention, quote, spanOf } from './fixtures';

const NOW = '2024-03-05T12:00:00.000Z';

// Two paragraphs; the quote crosses a line break; an emoji sits before everything else.
const TEXT = '🇰🇿 ASTANA — President Tokayev met the CSTO secretary in Astana.\r\n'
  + '"Our borders are secure,\r\nand will stay so," Tokayev said. Trade with Russia grew "by 9.2 percent", he added.\n';

/** Which occurrence of "he" is the pronoun in "he added" (not the one in "the"). */
const HE = TEXT.slice(0, TEXT.indexOf('he added')).split('he').length - 1;

function article(): ExportArticle {
  const entities = [
    mention(TEXT, 'Tokayev', 'person', 'tokayev', 0),
    mention(TEXT, 'CSTO', 'organization', 'csto'),
    mention(TEXT, 'Astana', 'place', 'astana'),
    mention(TEXT, 'Tokayev', 'person', 'tokayev', 1),
    mention(TEXT, 'Russia', 'country', 'russia'),
  ];
  const quotes = [
    quote(TEXT, 'Our borders are secure,\r\nand will stay so,', { needle: 'Tokayev', id: 'tokayev', occurrence: 1 }),
    quote(TEXT, 'by 9.2 percent', { needle: 'he', id: 'tokayev', occurrence: HE }),
  ];
  const claims = [claim(TEXT, 'by 9.2 percent', 'percentage')];
  const diagnostics = [finding(spanOf(TEXT, 'by 9.2 percent'), 'claim.unsourced'), finding(spanOf(TEXT, 'CSTO secretary'), 'source.vague', 'information')];
  const annotations = [
    createAnnotation(TEXT, spanOf(TEXT, 'by 9.2 percent'), { status: 'disputed', note: 'Customs: 7.1%, not 9.2', source: 'https://stat.example/kz, table 4', author: 'Aigerim' }, NOW, 'urn:uuid:a1'),
    createAnnotation(TEXT, spanOf(TEXT, 'CSTO secretary'), { status: 'verified', rule: 'source.vague', note: 'He said "yes",\nreally' }, NOW, 'urn:uuid:a2'),
    createAnnotation('gone text that was here', { start: 0, end: 9 }, { status: 'note', note: 'lost' }, NOW, 'urn:uuid:a3'),
  ];
  return { path: 'articles/astana.md', text: TEXT, model: makeModel(TEXT, { entities, quotes, claims, diagnostics }), annotations };
}

/** A small RFC 4180 reader, for checking the writer. */
function readCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < csv.length) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && csv[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    assert.ok(c !== '\n' && c !== '\r', `bare line break at ${i}`);
    field += c; i++;
  }
  assert.strictEqual(field, '', 'file must end with CRLF');
  return rows;
}

suite('annotations/export', () => {
  suite('brat', () => {
    test('re-parsing gives the same spans, and every T text is the text at its fragments', () => {
      const a = article();
      const doc = exportBratDocument(a);
      assert.strictEqual(doc.annPath, 'articles/astana.ann');
      const parsed = parseBrat(doc.ann);
      assert.deepStrictEqual(parsed.other, []);
      for (const t of parsed.textBounds) {
        assert.strictEqual(t.text, t.fragments.map((f) => TEXT.slice(f.start, f.end)).join(' '), `${t.id} text`);
        for (const f of t.fragments) assert.ok(!/[\r\n]/.test(TEXT.slice(f.start, f.end)), `${t.id} fragment holds a line break`);
      }
      const spansOf = (type: string) => parsed.textBounds.filter((t) => t.type === type).map((t) => ({ start: t.fragments[0]!.start, end: t.fragments[t.fragments.length - 1]!.end }));
      assert.deepStrictEqual(spansOf('Person'), [spanOf(TEXT, 'Tokayev'), spanOf(TEXT, 'Tokayev', 1), spanOf(TEXT, 'he', HE)]);
      assert.deepStrictEqual(spansOf('Organization'), [spanOf(TEXT, 'CSTO')]);
      assert.deepStrictEqual(spansOf('Place'), [spanOf(TEXT, 'Astana')]);
      assert.deepStrictEqual(spansOf('Country'), [spanOf(TEXT, 'Russia')]);
      assert.deepStrictEqual(spansOf('Quote'), a.model.quotes.map((q) => ({ start: q.start, end: q.end })));
      assert.deepStrictEqual(spansOf('Claim'), [spanOf(TEXT, 'by 9.2 percent')]);
      assert.deepStrictEqual(spansOf('Review'), [spanOf(TEXT, 'CSTO secretary')]);
      const multiLine = parsed.textBounds.find((t) => t.type === 'Quote' && t.fragments.length === 2);
      assert.ok(multiLine, 'the quote crossing CRLF is split in two fragments');
    });

    test('Speaker relations link each quote to the mention naming its speaker', () => {
      const parsed = parseBrat(exportBratDocument(article()).ann);
      const byId = new Map(parsed.textBounds.map((t) => [t.id, t]));
      const pairs = parsed.relations.map((r) => {
        assert.strictEqual(r.type, 'Speaker');
        return [byId.get(r.arg1)!.text, byId.get(r.arg2)!.text, byId.get(r.arg2)!.fragments[0]!.start];
      });
      assert.deepStrictEqual(pairs, [
        ['Our borders are secure, and will stay so,', 'Tokayev', spanOf(TEXT, 'Tokayev', 1).start],
        ['by 9.2 percent', 'he', spanOf(TEXT, 'he', HE).start],
      ]);
    });

    test('a reviewer speaker annotation moves the relation to the named entity', () => {
      const a = article();
      const override = createAnnotation(TEXT, spanOf(TEXT, '"by 9.2 percent"'), { status: 'speaker', speaker: { id: 'tokayev', name: 'Kassym-Jomart Tokayev' } }, NOW, 'urn:uuid:s');
      const parsed = parseBrat(exportBratDocument({ ...a, annotations: [override] }).ann);
      const byId = new Map(parsed.textBounds.map((t) => [t.id, t]));
      const rel = parsed.relations.find((r) => byId.get(r.arg1)!.text === 'by 9.2 percent')!;
      assert.strictEqual(byId.get(rel.arg2)!.fragments[0]!.start, spanOf(TEXT, 'Tokayev', 1).start);
    });

    test('AnnotatorNotes carry verdicts on one line; orphans are left out', () => {
      const parsed = parseBrat(exportBratDocument(article()).ann);
      const byId = new Map(parsed.textBounds.map((t) => [t.id, t]));
      const notes = parsed.notes.map((n) => [n.type, byId.get(n.target)!.type, n.text]);
      assert.deepStrictEqual(notes, [
        ['AnnotatorNotes', 'Review', 'verified [source.vague]: He said "yes", really'],
        ['AnnotatorNotes', 'Quote', 'disputed: Customs: 7.1%, not 9.2 (source: https://stat.example/kz, table 4) (by Aigerim)'],
      ]);
    });

    test('code-point offsets for brat itself', () => {
      const doc = exportBratDocument(article(), { offsets: 'codepoint' });
      const parsed = parseBrat(doc.ann);
      const cps = [...TEXT];
      for (const t of parsed.textBounds) {
        assert.strictEqual(t.text, t.fragments.map((f) => cps.slice(f.start, f.end).join('')).join(' '));
      }
    });

    test('fragmentsOf skips line breaks; exportBrat maps every article; conf lists the types', () => {
      assert.deepStrictEqual(fragmentsOf('ab\r\n\ncd', { start: 0, end: 7 }), [{ start: 0, end: 2 }, { start: 5, end: 7 }]);
      assert.strictEqual(exportBrat([article(), { ...article(), path: 'b.txt' }]).length, 2);
      assert.match(bratAnnotationConf(), /\[relations\]\nSpeaker\tArg1:Quote, Arg2:Person\|/);
    });
  });

  suite('csv', () => {
    test('RFC 4180 quoting', () => {
      assert.strictEqual(csvField('plain'), 'plain');
      assert.strictEqual(csvField('a,b'), '"a,b"');
      assert.strictEqual(csvField('say "hi"'), '"say ""hi"""');
      assert.strictEqual(csvField('line\nbreak'), '"line\nbreak"');
      assert.strictEqual(csvField(undefined), '');
      assert.strictEqual(csvField(3), '3');
    });

    test('one row per claim and diagnostic, with status, source and note; re-reads to the same fields', () => {
      const rows = readCsv(exportCsv([article()]));
      assert.deepStrictEqual(rows[0], ['file', 'line', 'column', 'code', 'severity', 'text', 'message', 'status', 'source', 'note', 'author', 'speaker']);
      const body = rows.slice(1).map((r) => ({ line: r[1], column: r[2], code: r[3], text: r[5], status: r[7], source: r[8], note: r[9] }));
      assert.deepStrictEqual(body.map((r) => r.code), ['orphaned-annotation', 'source.vague', 'claim.percentage', 'claim.unsourced', 'disputed-claim']);
      const claimRow = body.find((r) => r.code === 'claim.percentage')!;
      const at = TEXT.indexOf('by 9.2');
      const line = String(TEXT.slice(0, at).split('\n').length);
      const column = String(at - (TEXT.lastIndexOf('\n', at) + 1) + 1);
      assert.deepStrictEqual(claimRow, { line, column, code: 'claim.percentage', text: 'by 9.2 percent', status: 'disputed', source: 'https://stat.example/kz, table 4', note: 'Customs: 7.1%, not 9.2' });
      const verified = body.find((r) => r.code === 'source.vague')!;
      assert.strictEqual(verified.status, 'verified');
      assert.strictEqual(verified.note, 'He said "yes",\nreally');
      assert.strictEqual(body[0]!.text, 'gone text');
      assert.strictEqual(body[0]!.status, 'note');
    });

    test('a note on words that are no claim or finding, and a speaker set by hand, get rows of their own', () => {
      const a = article();
      const extra = [
        createAnnotation(TEXT, spanOf(TEXT, 'Tokayev', 1), { status: 'note', note: 'Spelling as in the decree', author: 'Aigerim' }, NOW, 'urn:uuid:n1'),
        createAnnotation(TEXT, spanOf(TEXT, 'Russia'), { status: 'speaker', speaker: { id: 'tokayev', name: 'Kassym-Jomart Tokayev' } }, NOW, 'urn:uuid:s1'),
      ];
      const rows = readCsv(exportCsv([{ ...a, annotations: [...a.annotations, ...extra] }])).slice(1);
      const note = rows.find((r) => r[3] === 'review.note');
      assert.ok(note, rows.map((r) => r[3]).join());
      assert.deepStrictEqual([note[5], note[7], note[9], note[10]], ['Tokayev', 'note', 'Spelling as in the decree', 'Aigerim']);
      const speaker = rows.find((r) => r[3] === 'review.speaker');
      assert.ok(speaker && /Kassym-Jomart Tokayev/.test(speaker[6]!), JSON.stringify(speaker));
      assert.strictEqual(speaker[11], 'Kassym-Jomart Tokayev');
      assert.strictEqual(rows.filter((r) => r[3] === 'orphaned-annotation').length, 1, 'the orphan is not listed twice');
    });
  });

  suite('jsonl', () => {
    test('one valid JSON line per article', () => {
      const out = exportJsonl([article(), { ...article(), path: 'b.md', annotations: [] }]);
      assert.ok(out.endsWith('\n'));
      const lines = out.slice(0, -1).split('\n');
      assert.strictEqual(lines.length, 2);
      const [first, second] = lines.map((l) => JSON.parse(l));
      assert.strictEqual(first.path, 'articles/astana.md');
      assert.strictEqual(first.date, '2024-03-01');
      assert.strictEqual(first.entities.length, 5);
      assert.deepStrictEqual(first.quotes[0].speaker, { name: 'Tokayev', id: 'tokayev', start: spanOf(TEXT, 'Tokayev', 1).start, end: spanOf(TEXT, 'Tokayev', 1).end, how: 'direct' });
      assert.strictEqual(first.claims[0].status, 'disputed');
      assert.strictEqual(first.claims[0].source, 'https://stat.example/kz, table 4');
      assert.deepStrictEqual(first.annotations.map((x: { anchoring: string }) => x.anchoring), ['position', 'position', 'orphan']);
      assert.strictEqual(second.claims[0].status, 'unreviewed');
    });
  });

  suite('w3c', () => {
    test('one AnnotationCollection with every annotation, readable by our own parser', () => {
      const json = exportW3c([article(), { ...article(), path: 'b.md', annotations: [] }], { identifyEntities: true });
      const raw = JSON.parse(json);
      assert.strictEqual(raw['@context'], 'http://www.w3.org/ns/anno.jsonld');
      assert.strictEqual(raw.type, 'AnnotationCollection');
      assert.strictEqual(raw.total, raw.first.items.length);
      assert.strictEqual(raw.total, 3 + 2 * 5);
      const r = parseAnnotationFile(json);
      assert.ok(r.ok);
      const ours = r.file.annotations.filter((x) => x.cisLens.status !== 'speaker');
      assert.deepStrictEqual(ours.map((x) => x.id), ['urn:uuid:a1', 'urn:uuid:a2', 'urn:uuid:a3']);
      assert.ok(ours.every((x) => x.target.source === 'articles/astana.md'));
      const withIri = JSON.parse(exportW3c([{ ...article(), iri: 'file:///work/articles/astana.md' }], { identifyEntities: true }));
      assert.ok(withIri.first.items.every((x: { target: { source: string } }) => x.target.source === 'file:///work/articles/astana.md'), 'every target.source is the article IRI');
      const entity = raw.first.items.find((x: { motivation: string }) => x.motivation === 'identifying');
      assert.ok(entity.body.some((b: { source?: string }) => b.source === 'urn:cis-lens:entity:tokayev'));
      assert.strictEqual(entity.cisLens, undefined);
      assert.strictEqual(exportW3c([article()], { identifyEntities: true }), exportW3c([article()], { identifyEntities: true }), 'stable output');
    });
  });
});
