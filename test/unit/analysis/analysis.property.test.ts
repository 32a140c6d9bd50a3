/**
 * Property: whatever text comes in (quotes of every style, unbalanced marks, CRLF, astral characters,
 * Cyrillic, names, cue words), the analysis returns and every span in its model is well formed: inside the
 * text, start ≤ end, never cutting a surrogate pair, and each mention's and quote's text is the text at
 * its span. The scanners jump with regexes and walk back in windows, so this guards their edges.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeArticle } from '../../../server/src/core/analysis/analyze';
import { resolveConfig } from '../../../server/src/core/config';
import type { ArticleModel, Span } from '../../../server/src/core/types';
import { builtInKb } from '../../helpers/kb';

const { kb } = builtInKb();
const config = resolveConfig({ fallbackDate: '2024-06-01' });

const TOKENS = [
  'Putin ', 'Vladimir Putin', 'Tokayev', 'Kazakhstan’s ', 'the Russian president ', 'MOSCOW, ', 'TASS ', 'Anadolu Agency ',
  'said', ' said ', 'told ', 'according to ', 'analysts say ', 'reportedly ', 'was cited as saying ', 'these three states ',
  'Armenia, Belarus and ', 'is a member of the CIS', ' $1.5 billion ', '12% ', '3,000 troops ', 'April 5, 2024 ',
  '"', '“', '”', '‘', '’', "'", '«', '»', '„', ',', '.', ' ', '\n', '\r\n', '\n\n', '—', '-',
  'He ', 'she ', 'Путин ', 'Казахстан ', '😀', '🇰🇿', '𝐀𝐁', 'é', '\u00a0', '\u200b', 'St. ', 'U.S. ', 'rock \'n\' roll ',
  // the name recognizer's evidence: titles, given names, organisation and place words, hyphens, capitals
  'Armen Grigoryan ', 'Grigoryan ', 'MP ', 'Secretary General ', 'spokeswoman ', 'Gyumri ', 'Sughd region ', 'Bank of Georgia ',
  'Gazprom Neft PJSC ', 'Co. ', 'Ltd ', 'Russian-backed ', 'Oblast ', 'Avenue ', 'YEREVAN ', 'The ', 'Officials ', 'Zq9vo ', 'Никол Пашинян ',
];

const textArb = fc.array(fc.constantFrom(...TOKENS), { minLength: 0, maxLength: 60 }).map((parts) => parts.join(''));

function assertSpan(text: string, span: Span, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer offsets`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what}: ${span.start}..${span.end} within 0..${text.length}`);
  for (const edge of [span.start, span.end]) {
    const before = text.charCodeAt(edge - 1);
    const after = text.charCodeAt(edge);
    const cutsPair = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
    assert.ok(!cutsPair, `${what}: offset ${edge} cuts a surrogate pair`);
  }
}

function assertWellFormed(text: string, model: ArticleModel): void {
  for (const p of model.paragraphs) {
    assertSpan(text, p, 'paragraph');
    for (const s of p.sentences) assertSpan(text, s, 'sentence');
  }
  for (const e of model.entities) {
    assertSpan(text, e, `entity ${e.text}`);
    assert.equal(text.slice(e.start, e.end), e.text, 'entity text is the text at its span');
  }
  for (const q of model.quotes) {
    assertSpan(text, q, 'quote');
    assertSpan(text, q.outer, 'quote marks');
    assert.equal(text.slice(q.start, q.end), q.text, 'quote text is the text at its span');
    assert.ok(q.outer.start <= q.start && q.end <= q.outer.end, 'content inside its marks');
    if (q.speaker) assertSpan(text, q.speaker, 'speaker');
  }
  for (const c of model.claims) assertSpan(text, c, 'claim');
  for (const d of model.diagnostics) {
    assertSpan(text, d, `diagnostic ${d.code}`);
    assert.notEqual(d.code, 'internal-error', `a rule failed: ${d.message}`);
  }
}

suite('analysis properties', () => {
  test('any mix of quotes, names, cues, CRLF and astral characters gives a well-formed model', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        assertWellFormed(text, analyzeArticle(text, kb, config));
      }),
      { numRuns: 400 },
    );
  });
});
