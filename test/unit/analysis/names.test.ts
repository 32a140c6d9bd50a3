/** The name recognizer on names no knowledge base lists (invented where a real one might one day be added). */
import * as assert from 'node:assert/strict';
import { analyzeArticle } from '../../../server/src/core/analysis/analyze';
import { resolveConfig } from '../../../server/src/core/config';
import type { EntityMention } from '../../../server/src/core/types';
import { genderOfGivenName, isGivenName } from '../../../server/src/core/analysis/names';
import { builtInKb } from '../../helpers/kb';

const { kb } = builtInKb();
const names = (text: string): EntityMention[] => analyzeArticle(text, kb, resolveConfig({ fallbackDate: '2024-06-01' })).entities.filter((e) => e.id === null);
const kinds = (text: string) => names(text).map((e) => `${e.text}|${e.kind}`);

suite('name recognizer', () => {
  test('a title is never part of a person’s name', () => {
    assert.deepEqual(kinds('Secretary General Nurlan Zhaksybekov met Deputy Foreign Minister Vahe Gevorgyan.'), ['Nurlan Zhaksybekov|person', 'Vahe Gevorgyan|person']);
    assert.deepEqual(kinds('Prime Minister of Armenia Vahe Gevorgyan spoke.'), ['Vahe Gevorgyan|person']);
  });
  test('a name typed once keeps its kind for a later surname, which names the full person', () => {
    // An invented name: the knowledge base holds real ones (Armen Grigoryan was Armenia's foreign minister).
    const found = names('MP Tigran Avetisyan arrived late. Avetisyan told reporters the vote was fair.');
    assert.deepEqual(found.map((e) => [e.text, e.kind, e.name, e.via]), [
      ['Tigran Avetisyan', 'person', 'Tigran Avetisyan', 'context'],
      ['Avetisyan', 'person', 'Tigran Avetisyan', 'document'],
    ]);
  });
  test('each kind says why: a lower-case title, a given name, a surname ending, an appositive', () => {
    const [byTitle] = names('The bill was drafted by lawmaker Zarina Qodirova last week.');
    assert.equal(byTitle.kind, 'person');
    assert.match(byTitle.why ?? '', /lawmaker/);
    assert.equal(names('Yesterday Ruslan Temirbekov spoke.')[0]?.kind, 'person');
    assert.equal(names('The plan came from Temirbekov, the deputy mayor, on Friday.')[0]?.kind, 'person');
  });
  test('organisations by their words and suffixes, places by gazetteer and region words', () => {
    assert.deepEqual(kinds('Zhetysu Steel Co signed with Bank of Karatau and the Qyzyl Party.'), ['Zhetysu Steel Co|organization', 'Bank of Karatau|organization', 'Qyzyl Party|organization']);
    const [wroclaw] = names('Protests spread to Wrocław on Monday.'); // a gazetteer city the knowledge base does not hold
    assert.deepEqual([wroclaw.text, wroclaw.kind, wroclaw.via, wroclaw.ref], ['Wrocław', 'place', 'gazetteer', 'GeoNames 3081368']);
    assert.deepEqual(kinds('Clashes in the Zarafshon region and on Tursunzoda Avenue.'), ['Zarafshon|place', 'Tursunzoda Avenue|place']);
  });
  test('an outlet is an organisation, a branch of a known outlet stays one name', () => {
    assert.deepEqual(kinds('He told the Qazaqstan Times news agency about it.'), ['Qazaqstan Times|organization']);
    assert.deepEqual(kinds('Interfax-Zapad reported the figures.'), ['Interfax-Zapad|organization']);
  });
  test('not names: sentence openers, adjectives joined by hyphens, headlines, page chrome, a currency after US', () => {
    assert.deepEqual(kinds('Officials said Russian-backed forces advanced.'), []);
    assert.deepEqual(kinds('Officials Say Grain Deal Talks With Ankara Resume Next Week After Long Pause'), []);
    assert.deepEqual(kinds('Share This Story\n\nNo Thanks'), []);
    assert.deepEqual(analyzeArticle('It cost US$6 billion.', kb, resolveConfig()).entities.map((e) => e.text), []);
  });
  test('British and American spellings of a known name link to one entity', () => {
    const found = analyzeArticle('The Collective Security Treaty Organisation met.', kb, resolveConfig()).entities.map((e) => [e.text, e.id]);
    assert.deepEqual(found, [['Collective Security Treaty Organisation', 'csto']]);
  });
  test('a given name that is also a word opens a person’s name before a surname no list holds, and only then', () => {
    assert.deepEqual(kinds('The lawsuit named Mark Rathbun and the group.'), ['Mark Rathbun|person']);
    assert.deepEqual(kinds('The rally reached Grant Park at noon.').filter((k) => k.endsWith('|person')), []); // "Park": a common word
    assert.deepEqual(kinds('Fans in North Vancouver cheered.').filter((k) => k.endsWith('|person')), []); // a compass word
  });
  test('a person later named by surname alone, a person after “written by”, a role before a given name', () => {
    const found = kinds('The letter was signed by Nunzio Galantino on Friday. Galantino said little.');
    assert.deepEqual(found, ['Nunzio Galantino|person', 'Galantino|person']);
    assert.deepEqual(kinds('The film was directed by Oskar Ventimiglia in 1990.'), ['Oskar Ventimiglia|person']);
    assert.deepEqual(kinds('The report quoted Engineer John Greinerov at length.'), ['John Greinerov|person']);
    assert.deepEqual(kinds('European Jews were deported. Jews were barred.').filter((k) => k.endsWith('|person')), []);
    assert.deepEqual(kinds('Villagers met Qurbonjon Atamov there.'), ['Qurbonjon Atamov|person']); // a two-letter ending, in a full name only
  });
  test('“City of X”, “State of X” is a place; world states and provinces and internet platforms are in the gazetteer', () => {
    assert.deepEqual(kinds('Officials from the City of Brampfield agreed.'), ['City of Brampfield|place']);
    assert.deepEqual(names('Floods hit Queensland and Bavaria.').map((e) => [e.text, e.kind, e.ref]), [['Queensland', 'place', 'ISO 3166-2 AU-QLD'], ['Bavaria', 'place', 'ISO 3166-2 DE-BY']]);
    assert.deepEqual(kinds('He wrote on Telegram and YouTube.'), ['Telegram|organization', 'YouTube|organization']);
  });
  test('a compass point before a place, a city before a plural name, company and place words, place endings', () => {
    assert.deepEqual(kinds('Rain fell on East Perth.'), ['East Perth|place']);
    assert.deepEqual(kinds('He played for the Boston Braves and Zarnitsa Records.'), ['Boston Braves|organization', 'Zarnitsa Records|organization']);
    assert.deepEqual(kinds('They fished in Hancock Pond near Lincolnshire.'), ['Hancock Pond|place', 'Lincolnshire|place']);
    assert.deepEqual(kinds('Americans and Boston residents cheered.').filter((k) => k.endsWith('|organization')), []);
  });
  test('the wide lists type only what nothing else types: a given name before a surname, a town', () => {
    // "Valeska" and "Ocala" are in no main list: the wide lists (Wikidata and open given names, GeoNames towns) hold them.
    assert.deepEqual(kinds('The photographs were taken by a friend, Valeska Trungel, in the summer.'), ['Valeska Trungel|person']);
    assert.deepEqual(kinds('Rain delayed the match, and Ocala voted against the plan.'), ['Ocala|place']);
    // Not a person: a surname that is a common word or a place word ("Dock"), a town at a sentence start.
    assert.deepEqual(kinds('Boats moored at Valeska Dock overnight.').filter((k) => k.endsWith('|person')), []);
    assert.deepEqual(kinds('Ocala voted against the plan.'), []);
  });
  test('US given names (SSA) open a person’s name before any surname, even a common word; places and months are no given names', () => {
    // "Donald", "Walter", "Jayden" are in no Moby list; the SSA baby-name counts add them to the main list.
    assert.deepEqual(kinds('Donald Carpenter met Walter Hammer and Jayden Plover on Friday.'), ['Donald Carpenter|person', 'Walter Hammer|person', 'Jayden Plover|person']);
    assert.equal(genderOfGivenName('Donald'), 'male');
    assert.equal(genderOfGivenName('Jayden'), undefined); // given to boys and girls: no gender
    // Not given names: SSA names that are places, words of a state's name, towns, months and feasts.
    for (const word of ['Georgia', 'Jordan', 'Paris', 'Virginia', 'Austin', 'Dakota', 'Camden', 'January', 'May', 'Easter']) assert.equal(isGivenName(word), false, word);
    assert.deepEqual(kinds('Protests against Dakota Access went on near Camden Yards.').filter((k) => k.endsWith('|person')), []);
    assert.deepEqual(kinds('Historians of the January Uprising met.').filter((k) => k.endsWith('|person')), []);
  });
  test('newspapers by their masthead word, alone or after a place; football clubs by FC', () => {
    assert.deepEqual(kinds('The Toronto Star and the Edmonton Sun quoted the Houston Chronicle and the Karatau Sentinel.'),
      ['Toronto Star|organization', 'Edmonton Sun|organization', 'Houston Chronicle|organization', 'Karatau Sentinel|organization']);
    assert.deepEqual(kinds('FC Karatau beat Sunderland A.F.C. on Sunday.'), ['FC Karatau|organization', 'Sunderland A.F.C.|organization']);
    // "Star", "Sun", "Standard" make a newspaper only right after a place the lists know, and as the run's last word.
    assert.deepEqual(kinds('They flew the Lone Star flag under the Morning Star, on Moscow Standard Time.').filter((k) => k.endsWith('|organization')), []);
  });
  test('a demonym before a masthead word is a title, not a newspaper, and never speaks as one', () => {
    for (const text of ['The Turkmen Leader also said it was a “peaceful policy”.', 'Then the Georgian Leader said it was “over”.']) {
      const model = analyzeArticle(text, kb, resolveConfig({ fallbackDate: '2024-06-01' }));
      assert.deepEqual(model.entities.filter((e) => e.kind === 'organization').map((e) => e.text), [], text);
      const speaker = model.quotes[0]?.speaker;
      assert.equal(speaker?.how, 'description', text); // a described speaker: nobody named, never "Turkmen Leader"
    }
    // A place (not its demonym) before the same word is still the newspaper.
    assert.deepEqual(kinds('The Karatau Leader reported it.'), ['Karatau Leader|organization']);
  });
  test('a given name and a surname after an organisation noun are a person, not the organisation', () => {
    assert.deepEqual(kinds('He spoke to Director General of the Qazaqstan Times news agency Mikhail Tursunbekov on Friday.').filter((k) => !k.includes('Qazaqstan')),
      ['Mikhail Tursunbekov|person']);
    // Without a given name first, or with a common word last, the words after the noun stay the organisation.
    assert.deepEqual(kinds('He wrote for the newspaper Zhetysu Khabar.'), ['Zhetysu Khabar|organization']);
    assert.deepEqual(kinds('She joined the company Tom Tailor last year.'), ['Tom Tailor|organization']);
  });
  test('a surname that is also a small town names the person named in full, unless a place word stands before it', () => {
    const found = kinds('Pavel Smirnov, the local leader, stayed. Smirnov will meet the envoy. Troops moved to Smirnov and stayed in Smirnov.');
    assert.deepEqual(found, ['Pavel Smirnov|person', 'Smirnov|person', 'Smirnov|place', 'Smirnov|place']);
    // Without a full name in the document the gazetteer still decides.
    assert.deepEqual(kinds('The road to Smirnov was closed.'), ['Smirnov|place']);
    // So does a country's name: "Israel said" after "Rep. Steve Israel" is him, "in Israel" the country.
    assert.deepEqual(kinds('Steve Israel spoke. Israel said no. He flew to Israel.'), ['Steve Israel|person', 'Israel|person', 'Israel|country']);
  });
  test('an adjective made from a place name is no name before its noun; the place itself still is', () => {
    assert.deepEqual(kinds('Forces moved across Chechen territory, against the Chechen people. Latvia and its Baltic neighbors met.'), []);
    // The noun and the full names stay places; a verb after the word keeps it a name.
    assert.deepEqual(kinds('The Chechen Republic and the Caspian Sea. Later the Baltic was calm.').filter((k) => k.endsWith('|place')), ['Caspian Sea|place', 'Baltic|place']);
    // A place whose name comes before "Republic" in a longer name ("Nagorno-Karabakh Republic") is still the place.
    assert.deepEqual(kinds('The Nagorno-Karabakh conflict went on.'), ['Nagorno-Karabakh|place']);
  });
  test('a team named by its nickname alone and a party by its name without “Party” are the organisation named in full', () => {
    const found = kinds('The Boston Ravenclaws won again. Later the Ravenclaws lost. She left the Bright Zerevan Party and joined Bright Zerevan in May.');
    assert.deepEqual(found.filter((k) => k.startsWith('Ravenclaws') || k.startsWith('Bright Zerevan|')), ['Ravenclaws|organization', 'Bright Zerevan|organization']);
    // Ordinary words alone ("Labour", "Popular") or an adjective are not shortened names.
    assert.deepEqual(kinds('The Labour Party met. Labour Day came. The Popular Front split, and Popular Karatau grew.').filter((k) => /^(Labour|Popular)[| ]/.test(k) && k.endsWith('|organization') && !/Party|Front/.test(k)), []);
  });
  test('a place word opening a name makes a place: Lake, Mount, Cape, Fort, Port of …', () => {
    assert.deepEqual(kinds('Boats crossed Lake Zerevo near Mount Zerevo, from Fort Zerevo to the Port of Zerevo.'),
      ['Lake Zerevo|place', 'Mount Zerevo|place', 'Fort Zerevo|place', 'Port of Zerevo|place']);
    // An organisation word still wins ("Port Authority"), and a place word alone is no name.
    assert.deepEqual(kinds('The Port Authority of Zerevo met.'), ['Port Authority of Zerevo|organization']);
    assert.deepEqual(kinds('They reached the lake. Lake levels fell.').filter((k) => k.endsWith('|place')), []);
  });
  test('“America” alone and rivers of the region and the world are places in the gazetteer', () => {
    assert.deepEqual(kinds('Exports from America crossed the Prut and the Rhine.'), ['America|place', 'Prut|place', 'Rhine|place']);
    // Inside a longer name the whole name decides: an organisation word wins.
    assert.deepEqual(kinds('The Bank of America rose.'), ['Bank of America|organization']);
  });
  test('an organisation by its appositive or by what it owns; a person appositive stays a person', () => {
    assert.deepEqual(kinds('Zarvanto, a Seattle-based software company, cut jobs.'), ['Zarvanto|organization']);
    assert.deepEqual(kinds('They signed with Kelvaro, the band, in May.'), ['Kelvaro|organization']);
    assert.deepEqual(kinds('Shares rose after Trovenko’s chief executive resigned.'), ['Trovenko|organization']);
    assert.deepEqual(kinds('He met Trovenko, the company’s founder, on Monday.').filter((k) => k.endsWith('|organization')), []);
    assert.deepEqual(kinds('Trovenko, a lawyer, spoke.').filter((k) => k.endsWith('|organization')), []);
  });
  test('a given name before a one-word known place is a person, whose lone surname then names them', () => {
    const found = kinds('The ship held Valeska Paris for years. In 2007, Paris left the ship and moved to Paris.');
    assert.deepEqual(found.filter((k) => k.startsWith('Valeska') || k.endsWith('|person')), ['Valeska Paris|person', 'Paris|person']);
    const places = analyzeArticle('The ship held Valeska Paris for years. In 2007, Paris left the ship and moved to Paris.', kb, resolveConfig()).entities.filter((e) => e.text === 'Paris' && e.kind === 'place');
    assert.equal(places.length, 1); // "moved to Paris": after a place preposition, still the city
    assert.deepEqual(kinds('Flights from Paris and Minsk resumed.').filter((k) => k.endsWith('|person')), []);
  });
  test('a given name before a known surname widens the known mention', () => {
    const [m] = analyzeArticle('Aleksander Lukashenka spoke.', kb, resolveConfig()).entities;
    assert.deepEqual([m.text, m.id], ['Aleksander Lukashenka', 'alexander-lukashenko']);
  });
});
