import * as assert from 'assert';
import { reanchorAll } from '../../../server/src/core/annotations/anchoring';
import {
  applyAnnotations, DISPUTED_CLAIM, FALSE_CLAIM, ORPHANED_ANNOTATION, speakerOverrideFor, speakerOverrides, spansOverlap,
} from '../../../server/src/core/annotations/apply';
import { createAnnotation, type AnnotationFields } from '../../../server/src/core/annotations/model';
import { finding, quote, spanOf } from './fixtures';

const TEXT = 'BAKU — "Talks will resume in May," an official said. Trade grew 15 percent, the ministry said.';
const NOW = '2024-05-01T00:00:00.000Z';
let n = 0;
const ann = (needle: string, fields: AnnotationFields) => createAnnotation(TEXT, spanOf(TEXT, needle), fields, NOW, `urn:uuid:${++n}`);

suite('annotations/apply', () => {
  const claimSpan = spanOf(TEXT, '15 percent');
  const unsourced = finding(claimSpan, 'claim.unsourced');
  const hedge = finding(claimSpan, 'language.hedge', 'information');
  const elsewhere = finding(spanOf(TEXT, 'an official'), 'source.anonymous');

  test('spansOverlap: shared characters, and empty spans inside or at an edge', () => {
    assert.ok(spansOverlap({ start: 0, end: 5 }, { start: 4, end: 9 }));
    assert.ok(!spansOverlap({ start: 0, end: 5 }, { start: 5, end: 9 }));
    assert.ok(spansOverlap({ start: 5, end: 5 }, { start: 0, end: 5 }));
    assert.ok(!spansOverlap({ start: 6, end: 6 }, { start: 0, end: 5 }));
  });

  test("'verified' removes overlapping findings of its rule only", () => {
    const a = ann('Trade grew 15 percent', { status: 'verified', rule: 'claim.unsourced' });
    const r = applyAnnotations([unsourced, hedge, elsewhere], reanchorAll(TEXT, [a]));
    assert.deepStrictEqual(r.findings.map((f) => f.code), ['source.anonymous', 'language.hedge']);
    assert.strictEqual(r.entries[0]!.suppressed, 1);
  });

  test("'verified' without a rule removes nothing", () => {
    const a = ann('Trade grew 15 percent', { status: 'verified' });
    assert.strictEqual(applyAnnotations([unsourced, hedge], reanchorAll(TEXT, [a])).findings.length, 2);
  });

  test("'ignored' with a rule removes that rule; without one, every overlapping finding", () => {
    const one = ann('15 percent', { status: 'ignored', rule: 'language.hedge' });
    assert.deepStrictEqual(applyAnnotations([unsourced, hedge, elsewhere], reanchorAll(TEXT, [one])).findings.map((f) => f.code), ['source.anonymous', 'claim.unsourced']);
    const all = ann('15 percent', { status: 'ignored' });
    assert.deepStrictEqual(applyAnnotations([unsourced, hedge, elsewhere], reanchorAll(TEXT, [all])).findings.map((f) => f.code), ['source.anonymous']);
  });

  test("'disputed' and 'false' add findings carrying the note and source", () => {
    const d = ann('Trade grew 15 percent', { status: 'disputed', note: 'Customs data shows 9%', source: 'https://customs.example/2024', author: 'Leyla' });
    const f = ann('Talks will resume in May', { status: 'false', note: 'Talks were cancelled' });
    const r = applyAnnotations([], reanchorAll(TEXT, [d, f]));
    const [falseClaim, disputed] = r.findings;
    assert.strictEqual(falseClaim!.code, FALSE_CLAIM);
    assert.strictEqual(falseClaim!.severity, 'error');
    assert.match(falseClaim!.message, /Talks were cancelled/);
    assert.strictEqual(disputed!.code, DISPUTED_CLAIM);
    assert.strictEqual(disputed!.severity, 'warning');
    assert.match(disputed!.message, /Customs data shows 9%/);
    assert.match(disputed!.message, /https:\/\/customs\.example\/2024/);
    assert.deepStrictEqual({ start: disputed!.start, end: disputed!.end }, spanOf(TEXT, 'Trade grew 15 percent'));
    assert.strictEqual((disputed!.data as { annotationId: string }).annotationId, d.id);
  });

  test('a disputed claim whose text changed says so', () => {
    const d = ann('Trade grew 15 percent', { status: 'disputed' });
    const edited = TEXT.replace('15 percent', '16 percent');
    const r = applyAnnotations([], reanchorAll(edited, [d]));
    assert.match(r.findings[0]!.message, /text changed since the review.*Trade grew 15 percent/);
  });

  test('an orphan becomes an orphaned-annotation warning at the start, naming its text', () => {
    const a = ann('Trade grew 15 percent', { status: 'verified', rule: 'claim.unsourced' });
    const edited = 'BAKU — Nothing to see.';
    const r = applyAnnotations([], reanchorAll(edited, [a]));
    assert.strictEqual(r.findings.length, 1);
    const f = r.findings[0]!;
    assert.strictEqual(f.code, ORPHANED_ANNOTATION);
    assert.strictEqual(f.severity, 'warning');
    assert.deepStrictEqual([f.start, f.end], [0, 0]);
    assert.match(f.message, /"Trade grew 15 percent"/);
    assert.strictEqual(r.entries[0]!.method, 'orphan');
    assert.strictEqual(r.entries[0]!.span, null);
    const onFirstLine = applyAnnotations([], reanchorAll(edited, [a]), { orphanSpan: { start: 0, end: 4 } });
    assert.deepStrictEqual([onFirstLine.findings[0]!.start, onFirstLine.findings[0]!.end], [0, 4]);
  });

  test('Outline entries: anchored by position, then orphans', () => {
    const a = ann('Trade grew', { status: 'note', note: 'ask ministry' });
    const b = ann('BAKU', { status: 'verified' });
    const c = ann('official said', { status: 'disputed' });
    const edited = TEXT.replace('official said', 'aide said');
    const r = applyAnnotations([], reanchorAll(edited, [a, b, c]));
    assert.deepStrictEqual(r.entries.map((e) => [e.status, e.method]), [['verified', 'position'], ['note', 'quote'], ['disputed', 'orphan']]);
    assert.strictEqual(r.entries[1]!.note, 'ask ministry');
    assert.match(r.entries[0]!.label, /^verified: "BAKU"$/);
  });

  test('speaker overrides, and the speaker annotation answers its rule', () => {
    const q = quote(TEXT, 'Talks will resume in May');
    const s = ann('"Talks will resume in May,"', { status: 'speaker', speaker: { id: 'hajiyev', name: 'Hikmet Hajiyev' }, rule: 'quote.unattributed' });
    const r = reanchorAll(TEXT, [s]);
    const overrides = speakerOverrides(r.anchored);
    assert.deepStrictEqual(overrides.map((o) => o.speaker), [{ id: 'hajiyev', name: 'Hikmet Hajiyev' }]);
    assert.strictEqual(speakerOverrideFor(overrides, q)?.annotationId, s.id);
    assert.strictEqual(speakerOverrideFor(overrides, spanOf(TEXT, 'Trade')), undefined);
    const applied = applyAnnotations([finding(q, 'quote.unattributed')], r);
    assert.deepStrictEqual(applied.findings, []);
  });
  test('a verdict replaces the finding it was given on: disputed and false remove their rule\'s finding and name the rule', () => {
    const d = ann('Trade grew 15 percent', { status: 'disputed', rule: 'claim.unsourced', note: 'Customs says 9%' });
    const r = applyAnnotations([unsourced, hedge, elsewhere], reanchorAll(TEXT, [d]));
    assert.deepStrictEqual(r.findings.map((f) => f.code).sort(), [DISPUTED_CLAIM, 'language.hedge', 'source.anonymous']);
    const disputed = r.findings.find((f) => f.code === DISPUTED_CLAIM)!;
    assert.match(disputed.message, /\[claim\.unsourced\]/);
    assert.strictEqual((disputed.data as { rule?: string }).rule, 'claim.unsourced');
    assert.strictEqual(r.entries[0]!.suppressed, 1);
    const f = ann('15 percent', { status: 'false', rule: 'language.hedge' });
    const both = applyAnnotations([unsourced, hedge, elsewhere], reanchorAll(TEXT, [d, f]));
    assert.strictEqual(both.findings.length, 3, 'two findings dealt with, two verdicts: the count does not grow');
    assert.ok(both.findings.some((x) => x.code === FALSE_CLAIM && /\[language\.hedge\]/.test(x.message)));
  });

  test('a note never removes a finding', () => {
    const n = ann('Trade grew 15 percent', { status: 'note', rule: 'claim.unsourced', note: 'ask' });
    assert.strictEqual(applyAnnotations([unsourced], reanchorAll(TEXT, [n])).findings.length, 1);
  });
});
