/** The article's date as a reader finds it (server/src/core/analysis/articleDate.ts). */
import * as assert from 'node:assert/strict';
import { findArticleDate, writtenDates } from '../../../server/src/core/analysis/articleDate';
import { scanMarks } from '../../../server/src/core/text/marks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { reviewArticle } from '../../../server/src/core/review';
import { resolveConfig } from '../../../server/src/core/config';
import { articleDateEdit, getCodeActions, SET_ARTICLE_DATE } from '../../../server/src/features/codeActions';
import { builtInKb } from '../../helpers/kb';

const TODAY = '2026-12-01';
const dateOf = (text: string, setting?: string) => findArticleDate(text, { setting, today: TODAY });
const found = (text: string) => {
  const d = dateOf(text);
  return `${d.date ?? 'null'} ${d.source}`;
};

suite('article date', () => {
  test('front matter wins over everything, the setting included', () => {
    assert.equal(found('---\ndate: 2024-03-01\n---\nMOSCOW, March 13, 2015 (Interfax) - Text'), '2024-03-01 front-matter');
    assert.equal(dateOf('---\ndate: 2024-03-01\n---\nText', '2019-01-01').date, '2024-03-01');
    // An impossible front-matter date is none: the dateline below it is read.
    assert.equal(found('---\ndate: 2024-02-30\n---\nMOSCOW, March 13, 2015 (Interfax) - Text'), '2015-03-13 dateline');
  });

  test('wire datelines with a year give the date; the span is the date as written', () => {
    const cases: [string, string][] = [
      ['MOSCOW, March 13, 2015 (Interfax) - Russia said', '2015-03-13'],
      ['Kyiv, 28 November 2004 (RFE/RL) -- Supporters', '2004-11-28'],
      ['TBILISI, Georgia, Nov. 2, 2007 -- Tens of thousands', '2007-11-02'],
      ['DUSHANBE, March 4, 2011, Asia-Plus -- On Friday', '2011-03-04'],
      ['Headline here\n\nBy A Reporter\n\nFebruary 20, 2007 (RFE/RL) -- Kyrgyzstan', '2007-02-20'],
      ['BAKU, Azerbaijan (6/2/2022) — The minister met on June 2 with', '2022-06-02'],
      ['Astana (13/02/2022) — Talks', '2022-02-13'],
      ['MINSK, 13.03.2024 – Talks', '2024-03-13'],
      ['Oct. 5, 2024\n\nThe talks in Baku', '2024-10-05'],
      ['Published: Oct. 5, 2024\nThe talks in Baku', '2024-10-05'],
      ['Title\n\nINFOTAG, 15 July 2009, 19:24\n\nChisinau, July 15 ( INFOTAG ). Voronin said', '2009-07-15'],
      ['Title\nPublished 12:30, 5 March 2024\nText', '2024-03-05'],
      ['Title\nBy Ann Lee | Oct. 5, 2024\nText', '2024-10-05'],
      ['Title\nUpdated: 09:15 GMT, Tue, 5 March 2024\nText', '2024-03-05'],
    ];
    for (const [text, date] of cases) {
      const d = dateOf(text);
      assert.equal(`${d.date} ${d.source}`, `${date} dateline`, text);
      assert.ok(d.span && /\d/.test(text.slice(d.span.start, d.span.end)), text);
    }
  });

  test('a day and month without a year give no year: the date is unknown, not today, not a guess', () => {
    for (const text of [
      'MOSCOW, April 5. /TASS/. The CIS summit in 2016 will be held in Bishkek.',
      'KIEV, February 9 (RIA Novosti) - Ukraine’s opposition, formed in 2004, said',
      'MOSCOW, March 13 (Interfax) - The talks began on 5 March 2015 in Minsk.',
      'Baku, Azerbaijan, Apr. 8\n\nTrend:\n\nArmenia is the side, he said. The April 5 ceasefire held.',
      'The summit met on 14 October. Leaders spoke.',
      'In 1991 the CIS was founded.',
      'No date here',
    ]) {
      const d = dateOf(text);
      assert.deepEqual([d.date, d.source, d.assumed], [null, 'none', TODAY], text);
    }
    // An ambiguous numeric date with nothing to decide it is none either.
    assert.equal(found('BAKU (6/2/2022) — Talks'), 'null none');
  });

  test('a yearless dateline is completed only by a full date of the same day', () => {
    assert.equal(found('MOSCOW, March 13 (Interfax) - On March 13, 2015, the ministers met.'), '2015-03-13 dateline');
  });

  test('the user’s date overrides any guess, a dateline included', () => {
    assert.equal(dateOf('MOSCOW, March 13, 2015 (Interfax) - Text', '2016-01-01').date, '2016-01-01');
    assert.equal(dateOf('MOSCOW, March 13, 2015 (Interfax) - Text', '2016-01-01').source, 'setting');
    assert.equal(dateOf('No date here', '2016-01-01').assumed, '2016-01-01');
  });

  test('a MENAFN id gives the date when no dateline does', () => {
    assert.equal(found('x MENAFN22122025000045017169ID1110512300'), '2025-12-22 wire-id');
    // Only an id that starts a word and has its digits counts: the first two here do not.
    assert.equal(found('xMENAFN01012020000 MENAFN id, MENAFN05062024000'), '2024-06-05 wire-id');
    assert.equal(found('MOSCOW, March 13, 2015 (Interfax) - MENAFN22122025000045017169'), '2015-03-13 dateline');
  });

  test('dates in the text: the first full date near the top, never one announced for the future or after today', () => {
    assert.equal(found('Leaders met in Astana on October 16, 2015. The next summit will be held on September 16, 2016.'), '2015-10-16 text');
    assert.equal(found('The next CIS summit will be held in Bishkek on September 16, 2016. Leaders met in Astana on October 16, 2015.'), '2015-10-16 text');
    assert.equal(found('The talks are scheduled for March 3, 2016, officials said.'), 'null none');
    assert.equal(found('On October 16, 2016, the leaders will meet in Bishkek.'), 'null none');
    assert.equal(found('The plan runs until March 3, 2030; it was signed on 3 May 2021.'), '2021-05-03 text');
    assert.equal(found('Filed 3 May 2021 in Minsk. Updated Sept. 14, 2021.'), '2021-05-03 text');
    assert.equal(found('Not a day: April 31, 2024; then 2 June 2024.'), '2024-06-02 text');
    assert.equal(found('Filed April 5, 2024 in Minsk; updated 2024-06-01.'), '2024-04-05 text');
    assert.equal(found('Ref 2024-13-45, then 2024-06-01 was the day.'), '2024-06-01 text');
    assert.equal(found('Code 12024-06-01 only'), 'null none');
    assert.equal(found('SeptemberX 14, 2021 and nothing else'), 'null none');
    // A date that names an event is that event's day, not the article's.
    assert.equal(found('Nazarbaev said that the December 16, 1986 demonstrations paved the way for independence.'), 'null none');
    assert.equal(found('Observers recalled the 27 October 2003 arrest. Filed 3 May 2021 in Minsk.'), '2021-05-03 text');
    assert.equal(found('The vote of the 27 October 2003. It was the day.'), '2003-10-27 text');
    // After today: no article is from the future.
    assert.equal(found('The deal of March 3, 2029 was signed.'), 'null none');
    // Far down the article, a date is what is reported, not when.
    assert.equal(found(`${'The talks went on. '.repeat(120)}It was signed on 3 May 2021.`), 'null none');
  });

  test('written dates are found from digit runs in text order, with exact spans', () => {
    const text = 'MOSCOW, Nov. 2 -- On 27 October 2003 and 2024-06-01, (6/13/2022) and 13.03.2024; Sept. 14th, 2021.';
    const spans = writtenDates(text, scanMarks(text).figureStarts).map((d) => text.slice(d.start, d.end));
    assert.deepEqual(spans, ['Nov. 2', '27 October 2003', '2024-06-01', '6/13/2022', '13.03.2024', 'Sept. 14th, 2021']);
  });
});

suite('Set article date… (front matter edit)', () => {
  const apply = (text: string, date: string) => {
    const e = articleDateEdit('file:///a.txt', text);
    return text.slice(0, e.offset) + e.text.replace('{date}', date) + text.slice(e.offset + e.length);
  };
  test('adds front matter, or a date line to the front matter there, or replaces a broken date; the analysis then reads it', () => {
    const cases: [string, string][] = [
      ['MOSCOW, April 5. /TASS/. Text', '---\ndate: 2017-04-05\n---\nMOSCOW, April 5. /TASS/. Text'],
      ['---\ntitle: X\n---\nText', '---\ndate: 2017-04-05\ntitle: X\n---\nText'],
      ['---\ndate: 2017-02-30\n---\nText', '---\ndate: 2017-04-05\n---\nText'],
      ['Line one\r\nLine two', '---\r\ndate: 2017-04-05\r\n---\r\nLine one\r\nLine two'],
    ];
    for (const [text, expected] of cases) {
      const written = apply(text, '2017-04-05');
      assert.equal(written, expected);
      assert.deepEqual([dateOf(written, '2020-01-01').date, dateOf(written).source], ['2017-04-05', 'front-matter']);
    }
  });
});

suite('Set article date… (the quick fix)', () => {
  const offered = (text: string) => {
    const doc = TextDocument.create('file:///a.txt', 'plaintext', 1, text);
    const article = reviewArticle(text, builtInKb().kb, resolveConfig({ today: TODAY }));
    const range = { start: doc.positionAt(0), end: doc.positionAt(0) };
    return getCodeActions(doc, article, range, []).filter((a) => a.command?.command === SET_ARTICLE_DATE).length;
  };
  test('offered when the article’s date is unknown, not when it has one', () => {
    assert.equal(offered('MOSCOW, April 5. /TASS/. Ukraine and Turkmenistan are the associate states of the CIS.'), 1);
    assert.equal(offered('MOSCOW, April 5, 2017 (TASS) - Ukraine and Turkmenistan are the associate states of the CIS.'), 0);
  });
});
