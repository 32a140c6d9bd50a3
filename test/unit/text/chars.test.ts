/**
 * The scanners' character classes against the Unicode definitions they stand for: every BMP code unit,
 * astral letters and digits in both halves of their pair, and lone surrogates.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { asciiInitials, isAsciiLetter, isInitialIn, isUpperCaseAt, isWhitespace, isWordChar, isWordCodeAt, matchesAt } from '../../../server/src/core/text/chars';

const WORD = /^[\p{L}\p{N}]$/u;

suite('core/text/chars', () => {
  test('isWordChar agrees with [\\p{L}\\p{N}] on every BMP character, asked twice (the second answer comes from the table)', () => {
    let mismatches = 0;
    for (let pass = 0; pass < 2; pass++) {
      for (let code = 0; code < 0x10000; code++) {
        if (code >= 0xd800 && code <= 0xdfff) continue;
        const ch = String.fromCharCode(code);
        if (isWordChar(ch, 0) !== WORD.test(ch)) mismatches++;
      }
    }
    assert.equal(mismatches, 0);
  });

  test('an astral letter counts at both halves; an astral symbol and lone surrogates do not', () => {
    const text = 'a𝐀😀\ud835b\udc00';
    assert.deepEqual([...text].length, 6);
    assert.deepEqual(
      Array.from({ length: text.length }, (_, i) => isWordChar(text, i)),
      [true, true, true, false, false, false, true, false],
    );
  });

  test('property: for any code point, each of its code units classifies like the code point', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        for (let i = 0; i < text.length; i++) {
          const cp = text.codePointAt(i)!;
          const low = text.charCodeAt(i);
          const isPairSecondHalf = low >= 0xdc00 && low <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
          const expected = isPairSecondHalf ? WORD.test(String.fromCodePoint(text.codePointAt(i - 1)!)) : WORD.test(String.fromCodePoint(cp));
          assert.equal(isWordChar(text, i), expected, `index ${i} of ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('isUpperCaseAt agrees with \\p{Lu} on every BMP character and on astral capitals', () => {
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      assert.equal(isUpperCaseAt(ch, 0), /^\p{Lu}$/u.test(ch), `U+${code.toString(16)}`);
    }
    const text = '𝐀𝐚\ud835';
    assert.deepEqual([0, 1, 2, 3, 4].map((i) => isUpperCaseAt(text, i)), [true, false, false, false, false]);
  });

  test('isWhitespace matches what \\s matches', () => {
    for (let code = 0; code < 0x10000; code++) assert.equal(isWhitespace(code), /^\s$/.test(String.fromCharCode(code)), `U+${code.toString(16)}`);
  });

  test('property: matchesAt is startsWith at an offset inside the text, for any text and literal', () => {
    const unit = fc.constantFrom('a', 'b', 'A', ' ', 'é', '😀', '“', '\r\n');
    const text = fc.array(unit, { maxLength: 12 }).map((u) => u.join(''));
    fc.assert(
      fc.property(text, text, fc.nat(30), (t, literal, rawAt) => {
        const at = Math.min(rawAt, t.length);
        assert.equal(matchesAt(t, at, literal), t.startsWith(literal, at), `${JSON.stringify(literal)} at ${at} of ${JSON.stringify(t)}`);
      }),
      { numRuns: 2000 },
    );
  });

  test('isWordCodeAt answers as isWordChar given the code unit already read', () => {
    const text = 'Aé😀 1_ё\ud800x';
    for (let i = 0; i < text.length; i++) assert.equal(isWordCodeAt(text, i, text.charCodeAt(i)), isWordChar(text, i), `at ${i}`);
  });

  test('isAsciiLetter is [A-Za-z] on every code unit; asciiInitials holds exactly the words\' first units', () => {
    for (let code = 0; code <= 0xffff; code++) assert.equal(isAsciiLetter(code), /[A-Za-z]/.test(String.fromCharCode(code)), `U+${code.toString(16)}`);
    const initials = asciiInitials(['of', 'for', '&', 'Élan']);
    for (let code = 0; code < 0x200; code++) assert.equal(isInitialIn(initials, code), [111, 102, 38].includes(code), `U+${code.toString(16)}`);
  });
});
