/**
 * Linking the right entity (server/src/core/analysis/entities.ts): names several entities share, and names
 * that are common words or other things' names (`needsContext`). The knowledge base here is the built-in one
 * with the shared surnames and flags of issue 14 added as a fixture, so the tests do not depend on how far the
 * generated KB has got.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../../server/src/core/analysis/analyze';
import { resolveConfig } from '../../../server/src/core/config';
import { KnowledgeBase } from '../../../server/src/core/kb/knowledgeBase';
import type { KbEntity } from '../../../server/src/core/kb/types';
import type { EntityMention } from '../../../server/src/core/types';
import { reviewArticle } from '../../../server/src/core/review';
import { getHover } from '../../../server/src/features/hover';
import { builtInKb, repoRoot } from '../../helpers/kb';

const SHARED: Record<string, string> = { 'heydar-aliyev': 'Aliyev', 'tigran-sargsyan': 'Sargsyan', 'akylbek-japarov': 'Japarov' };
const FLAGS: Record<string, string[]> = {
  cis: ['Commonwealth', 'the Commonwealth'],
  guam: ['GUAM'],
  rt: ['RT'],
  'anadolu-agency': ['AA', 'Anadolu'],
  'saint-petersburg': ['Petersburg'],
};
/** Rakhat Aliyev (Kazakh, 1962–2015): a third Aliyev, of another country, for the country-context case. */
const RAKHAT: KbEntity = {
  id: 'rakhat-aliyev', kind: 'person', name: 'Rakhat Aliyev', aliases: ['Aliyev'], wikidata: 'Q1986011', country: 'kazakhstan',
  description: 'Kazakh politician and diplomat', sources: ['https://en.wikipedia.org/wiki/Rakhat_Aliyev'],
};

function fixtureKb(withFlags = true, extra: KbEntity[] = []): KnowledgeBase {
  const entities = [...builtInKb().kb.entities()].map(({ entity }) => {
    // Without flags means without any: the built-in KB carries the same flags as data now.
    let e: KbEntity = withFlags || !entity.needsContext ? entity : { ...entity, needsContext: undefined };
    if (SHARED[e.id]) e = { ...e, aliases: [...(e.aliases ?? []), SHARED[e.id]] };
    if (withFlags && FLAGS[e.id]) e = { ...e, needsContext: FLAGS[e.id] };
    return e;
  });
  for (const id of [...Object.keys(SHARED), ...Object.keys(FLAGS)]) assert.ok(entities.some((e) => e.id === id), `${id} is in the built-in KB`);
  return KnowledgeBase.fromEntities([...entities, ...extra]);
}

const kb = fixtureKb();
const TODAY = '2026-12-01';
const mentions = (text: string, date?: string, base = kb): readonly EntityMention[] => analyzeArticle(text, base, resolveConfig({ articleDate: date, today: TODAY })).entities;
const linkOf = (text: string, word: string, date?: string, base = kb): string => {
  // The last mention spelled `word`; "none" when it is not linked (the name recognizer may still find a name there).
  const m = mentions(text, date, base).filter((e) => e.text === word).pop();
  if (!m || (m.id === null && !m.candidates)) return 'none';
  return m.id ?? `ambiguous(${[...m.candidates!].sort().join(',')})`;
};

suite('linking: names several entities share', () => {
  test('the article’s date decides who was in office: Aliyev in 1998 and in 2010', () => {
    assert.equal(linkOf('Aliyev met the delegation in Baku.', 'Aliyev', '1998-05-01'), 'heydar-aliyev');
    assert.equal(linkOf('Aliyev met the delegation in Baku.', 'Aliyev', '2010-05-01'), 'ilham-aliyev');
  });

  test('nothing decides: the mention is ambiguous, with the candidates, not linked to one', () => {
    assert.equal(linkOf('Aliyev met the delegation in Baku.', 'Aliyev'), 'ambiguous(heydar-aliyev,ilham-aliyev)');
    // 2010: both Sargsyans in office (president and prime minister), both Japarovs in 2022.
    assert.equal(linkOf('Sargsyan spoke in Yerevan.', 'Sargsyan', '2010-05-01'), 'ambiguous(serzh-sargsyan,tigran-sargsyan)');
    assert.equal(linkOf('Japarov spoke in Bishkek.', 'Japarov', '2022-05-01'), 'ambiguous(akylbek-japarov,sadyr-japarov)');
  });

  test('the full name earlier decides, whatever the date', () => {
    assert.equal(linkOf('Heydar Aliyev founded the party. Later Aliyev said it would win.', 'Aliyev'), 'heydar-aliyev');
    assert.equal(linkOf('Tigran Sargsyan met bankers. Sargsyan said the deal was done.', 'Sargsyan', '2010-05-01'), 'tigran-sargsyan');
    assert.equal(linkOf('Akylbek Japarov chaired the cabinet. Japarov said the budget was ready.', 'Japarov', '2022-05-01'), 'akylbek-japarov');
  });

  test('a title before the name decides on the article’s date', () => {
    assert.equal(linkOf('President Sargsyan spoke in Yerevan.', 'Sargsyan', '2010-05-01'), 'serzh-sargsyan');
    assert.equal(linkOf('Prime Minister Sargsyan spoke in Yerevan.', 'Sargsyan', '2010-05-01'), 'tigran-sargsyan');
    assert.equal(linkOf('President Japarov spoke in Bishkek.', 'Japarov', '2022-05-01'), 'sadyr-japarov');
    // Undated, both Aliyevs were presidents once: still ambiguous.
    assert.equal(linkOf('President Aliyev spoke.', 'Aliyev'), 'ambiguous(heydar-aliyev,ilham-aliyev)');
  });

  test('the country in context decides between namesakes of different states', () => {
    const withRakhat = fixtureKb(true, [RAKHAT]);
    assert.equal(linkOf('In Astana, Kazakhstan, Aliyev denied the charges.', 'Aliyev', undefined, withRakhat), 'rakhat-aliyev');
    assert.equal(linkOf('Aliyev denied the charges.', 'Aliyev', undefined, withRakhat), 'ambiguous(heydar-aliyev,ilham-aliyev,rakhat-aliyev)');
  });

  test('hover-ready: an ambiguous person is still a person, with no id, and kinds of the candidates kept', () => {
    const m = mentions('Aliyev met the delegation in Baku.').find((e) => e.text === 'Aliyev')!;
    assert.deepEqual([m.kind, m.id, m.name], ['person', null, 'Aliyev']);
  });
});

suite('linking: names that need context', () => {
  test('Commonwealth: linked beside a CIS cue or after the full name, not in the Commonwealth Games', () => {
    assert.equal(linkOf('Leaders of Russia and Belarus met at the Commonwealth summit in Minsk.', 'Commonwealth'), 'cis');
    assert.equal(linkOf('The Commonwealth of Independent States met in 2019.\n\nThe Commonwealth said little.', 'Commonwealth'), 'cis');
    assert.equal(linkOf('The Commonwealth Games opened in Birmingham with athletes from 72 nations.', 'Commonwealth'), 'none');
    assert.equal(linkOf('Canada and India took part. The Commonwealth said little.', 'Commonwealth'), 'none');
  });

  test('GUAM, RT, AA, Petersburg: linked only with a CIS cue nearby', () => {
    assert.equal(linkOf('GUAM ministers from Georgia, Ukraine, Azerbaijan and Moldova met in Kyiv.', 'GUAM'), 'guam');
    assert.equal(linkOf('Typhoon Mawar hit GUAM on Wednesday, the Navy said.', 'GUAM'), 'none');
    assert.equal(linkOf('RT reported that the Kremlin had denied it.', 'RT'), 'rt');
    assert.equal(linkOf('Fans were asked to RT the post before noon.', 'RT'), 'none');
    assert.equal(linkOf('Erdogan met Aliyev in Baku, AA reported.', 'AA', '2020-01-01'), 'anadolu-agency');
    assert.equal(linkOf('He pitched for the AA Orlando Rays that season.', 'AA'), 'none');
    assert.equal(linkOf('The forum in Petersburg drew Russian investors.', 'Petersburg'), 'saint-petersburg');
    assert.equal(linkOf('Police in Petersburg, Virginia, made two arrests.', 'Petersburg'), 'none');
    // The full names and unflagged aliases link as before, with no cue at all.
    assert.equal(linkOf('Saint Petersburg is large.', 'Saint Petersburg'), 'saint-petersburg');
  });

  test('without the flag, the same words link (so the flag, not the wording, makes the difference)', () => {
    const plain = fixtureKb(false);
    assert.equal(linkOf('Police in Petersburg, Virginia, made two arrests.', 'Petersburg', undefined, plain), 'saint-petersburg');
    assert.equal(linkOf('He pitched for the AA Orlando Rays that season.', 'AA', undefined, plain), 'anadolu-agency');
  });

  test('property: non-CIS news and encyclopedia text give no CIS link from a flagged alias', () => {
    const dir = path.join(repoRoot, 'test', 'fixtures', 'noncis');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt'));
    assert.ok(files.length >= 20, `${files.length} non-CIS texts`);
    const plain = fixtureKb(false);
    let flaggedWords = 0;
    let linksWithoutFlag = 0;
    const bad: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const m of mentions(text)) {
        const flags = m.id ? FLAGS[m.id] : undefined;
        if (flags?.includes(m.text)) bad.push(`${file}: “${m.text}” → ${m.id}`);
      }
      for (const m of mentions(text, undefined, plain)) {
        if (m.id && FLAGS[m.id]?.includes(m.text)) linksWithoutFlag++;
      }
      for (const words of Object.values(FLAGS)) for (const w of words) flaggedWords += text.split(w).length - 1;
    }
    console.log(`      non-CIS texts: ${files.length}; flagged words in them ${flaggedWords}; CIS links from them without the flag ${linksWithoutFlag}, with it ${bad.length}`);
    assert.ok(linksWithoutFlag > 0, 'the batch holds flagged words that link without the flag');
    assert.deepEqual(bad, []);
  });
});

suite('hover: candidates, assumed dates, missing Wikidata ids', () => {
  const hoverAt = (text: string, word: string, date?: string, base = kb): string => {
    const article = reviewArticle(text, base, resolveConfig({ articleDate: date, today: TODAY }));
    const hover = getHover(article, text.indexOf(word) + 1, base);
    return hover ? (hover.contents as { value: string }).value : '';
  };
  test('an ambiguous name lists its candidates; an undated article says its facts are as of an assumed date', () => {
    const card = hoverAt('Aliyev met the delegation in Baku.', 'Aliyev');
    assert.match(card, /ambiguous/);
    assert.match(card, /\*\*Heydar Aliyev\*\*/);
    assert.match(card, /\*\*Ilham Aliyev\*\*/);
    assert.match(card, new RegExp(`as of ${TODAY} \\(assumed\\)`));
    const dated = hoverAt('Aliyev met the delegation in Baku.', 'Aliyev', '1998-05-01');
    assert.match(dated, /\*\*Heydar Aliyev\*\*/);
    assert.match(dated, /Role: President of Azerbaijan/);
    assert.match(dated, /Facts as of 1998-05-01 \(from the cisLens.articleDate setting\)/);
  });
  test('bloc membership on the article’s date; “no Wikidata id yet” for an entity without one', () => {
    const armenia = (date: string) => hoverAt('Armenia signed.', 'Armenia', date);
    assert.match(armenia('2016-01-01'), /Member of: .*Eurasian Economic Union/);
    assert.doesNotMatch(armenia('2012-01-01'), /Member of: .*Eurasian Economic Union/);
    const noId = fixtureKb(true, [{ ...RAKHAT, id: 'no-id-person', name: 'Nurlan Testov', aliases: [], wikidata: null as unknown as string }]);
    assert.match(hoverAt('Nurlan Testov spoke.', 'Nurlan', undefined, noId), /no Wikidata id yet/);
  });
});

suite('time-aware: titles and kb-contradiction on the article’s date, in four decades', () => {
  const analyzed = (text: string, date?: string) => analyzeArticle(text, kb, resolveConfig({ articleDate: date, today: TODAY }));
  const titleOf = (text: string, date?: string) => analyzed(text, date).entities.find((e) => e.via === 'title')?.id ?? 'none';
  test('“the Russian president” is who held the office that day', () => {
    const text = 'The Russian president arrived in Minsk.';
    assert.deepEqual(['1995-06-01', '2005-06-01', '2010-06-01', '2020-06-01'].map((d) => titleOf(text, d)), ['boris-yeltsin', 'vladimir-putin', 'dmitry-medvedev', 'vladimir-putin']);
  });
  test('undated: a title goes only to a holder the article named before, never to today’s holder by default', () => {
    assert.equal(titleOf('The Russian president arrived in Minsk.'), 'none');
    assert.equal(titleOf('Dmitry Medvedev flew in. The Russian president arrived in Minsk.'), 'dmitry-medvedev');
    assert.equal(titleOf('Nikol Pashinyan flew in. The Russian president arrived in Minsk.'), 'none');
  });
  test('kb-contradiction: Georgia “a member of the CIS” is right in 2005, wrong in 2010 (warning), unknown date: information that says so', () => {
    const text = 'Georgia is a member of the CIS.';
    const finding = (date?: string) => analyzed(text, date).diagnostics.find((d) => d.code === 'kb-contradiction');
    assert.equal(finding('1996-01-01'), undefined);
    assert.equal(finding('2005-01-01'), undefined);
    assert.equal(finding('2010-01-01')?.severity, 'warning');
    assert.equal(finding('2024-01-01')?.severity, 'warning');
    const undated = finding();
    assert.equal(undated?.severity, 'information');
    assert.match(undated!.message, /assumed: the article’s date is unknown/);
  });
});
