/** Unit tests for the analysis modules, each through small purpose-made texts. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeArticle } from '../../../server/src/core/analysis/analyze';
import { scanMarks } from '../../../server/src/core/text/marks';
import { findQuoteMarks } from '../../../server/src/core/analysis/quoteMarks';
import { resolveConfig } from '../../../server/src/core/config';
import { findParagraphs, findSentences, PunctuationCursor } from '../../../server/src/core/text/segments';
import { firstIndexWhere, matchBefore, upperBound } from '../../../server/src/core/text/search';
import { builtInKb } from '../../helpers/kb';

const { kb } = builtInKb();
const analyze = (text: string, date = '2025-12-22') => analyzeArticle(text, kb, resolveConfig({ fallbackDate: date }));
const quotesOf = (text: string) => findQuoteMarks(text, findParagraphs(text)).map((q) => text.slice(q.start, q.end));

suite('segments', () => {
  test('paragraphs are non-blank lines, CRLF-safe, without front matter or fenced code', () => {
    const text = '---\ndate: 2025-01-01\n---\nFirst line.\r\n\r\n```\ncode\n```\n  Second.  \n';
    assert.deepEqual(findParagraphs(text).map((p) => text.slice(p.start, p.end)), ['First line.', 'Second.']);
  });
  test('sentences do not split at abbreviations, initials or inside quotes', () => {
    const text = 'He flew to St. Petersburg. “One. Two,” he said. Then U.S. officials left.';
    const p = findParagraphs(text)[0];
    const masked = findQuoteMarks(text, [p]).map((q) => q.outer);
    assert.deepEqual(findSentences(text, p, masked).map((s) => text.slice(s.start, s.end)), ['He flew to St. Petersburg.', '“One. Two,” he said.', 'Then U.S. officials left.']);
  });
  test('property: the punctuation cursor answers any sequence of offsets as a fresh search would', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '.', '!', '?', '\n', '“'), { maxLength: 40 }).map((c) => c.join('')), fc.array(fc.nat(45), { maxLength: 12 }), (text, offsets) => {
        const cursor = new PunctuationCursor(text);
        for (const raw of offsets) {
          const offset = Math.min(raw, text.length);
          const rest = text.slice(offset).search(/[.!?]/);
          assert.equal(cursor.nextAt(offset), rest < 0 ? text.length : offset + rest, `${offset} in ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 500 },
    );
  });
});

suite('quote marks', () => {
  test('straight, curly, single, guillemet and low-high marks', () => {
    assert.deepEqual(quotesOf('A "one" b “two” c ‘three’ d «four» e „five“.'), ['one', 'two', 'three', 'four', 'five']);
  });
  test('apostrophes in possessives and contractions are not quote marks', () => {
    assert.deepEqual(quotesOf('Putin’s aide said it’s the Kremlin’s view and St George\'s Hall is open.'), []);
  });
  test('an unclosed quote runs to the end of its paragraph', () => {
    assert.deepEqual(quotesOf('“It is enough to look.\n“But risks grow,” he said.'), ['It is enough to look.', 'But risks grow,']);
  });
  test('emoji before a quote keep offsets in UTF-16 code units', () => {
    const text = '🇷🇺 “Hello there,” Putin said.';
    const q = findQuoteMarks(text, findParagraphs(text))[0];
    assert.equal(text.slice(q.start, q.end), 'Hello there,');
  });
});

suite('entities', () => {
  test('names, aliases, possessives, datelines and demonyms', () => {
    const model = analyze('MOSCOW, April 5. /TASS/. Putin’s aide met Russian and Kazakh officials in St. Petersburg.');
    const seen = model.entities.map((e) => `${e.text}|${e.kind}|${e.via}|${e.name}`);
    for (const expected of ['MOSCOW|place|name|Moscow', 'TASS|organization|name|TASS', 'Putin|person|alias|Vladimir Putin', 'Russian|country|demonym|Russia', 'Kazakh|country|demonym|Kazakhstan', 'St. Petersburg|place|alias|Saint Petersburg']) {
      assert.ok(seen.includes(expected), `${expected} not in ${seen.join(', ')}`);
    }
  });
  test('a name glued to another word is not matched', () => {
    assert.equal(analyze('Plans are underwayPutin said.').entities.filter((e) => e.name === 'Vladimir Putin').length, 0);
  });
  test('names inside Markdown emphasis (_Moscow_, **Kyiv**) and after Cyrillic or astral characters are matched', () => {
    const model = analyze('Talks in _Moscow_ and **Kyiv** ended. 😀Putin left; Путин Lavrov stayed.');
    assert.deepEqual(model.entities.map((e) => e.text), ['Moscow', 'Kyiv', 'Putin', 'Путин', 'Lavrov']);
  });
  test('every upper-case letter of the BMP starting a word is a candidate name start', () => {
    const missed: string[] = [];
    for (let code = 0x41; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      if (!/^\p{Lu}$/u.test(ch)) continue;
      if (scanMarks(`a ${ch}x`).nameStarts.join() !== '2') missed.push(`U+${code.toString(16)}`);
    }
    assert.deepEqual(missed, []);
  });
  test('a headline-length title-case line starts no unknown name, even after a cue late in the line', () => {
    const headline = 'Leaders Of Eleven Nations Meet In Astana As Kyrgyz President Qodirov Speaks\n\nPresident Qodirov Temir spoke.';
    const unknown = analyze(headline).entities.filter((e) => e.id === null).map((e) => e.text);
    assert.deepEqual(unknown, ['Qodirov Temir']);
  });
  test('unknown capitalised names with cues get a guessed kind', () => {
    const model = analyze('President Zhaparov Ulanbek spoke. The Tengri News Agency reported. Talks were held in Zhetisu yesterday.');
    const unknown = model.entities.filter((e) => e.id === null).map((e) => `${e.text}|${e.kind}`);
    assert.ok(unknown.includes('Tengri News Agency|organization'), unknown.join(', '));
    assert.ok(unknown.includes('Zhetisu|place'), unknown.join(', '));
    const opener = analyze('Officials of the Tengri News Agency declined to comment.').entities.map((e) => e.text);
    assert.deepEqual(opener, ['Tengri News Agency']);
  });
});

suite('titles and pronouns', () => {
  test('“the Russian president” resolves to the office holder on the article date', () => {
    const at2010 = analyze('The Russian president spoke.', '2010-01-01').entities.find((e) => e.via === 'title');
    const at2020 = analyze('The Russian president spoke.', '2020-01-01').entities.find((e) => e.via === 'title');
    assert.equal(at2010?.name, 'Dmitry Medvedev');
    assert.equal(at2020?.name, 'Vladimir Putin');
  });
  test('“Armenia’s prime minister” and “the president” after a named president', () => {
    const model = analyze('Ilham Aliyev arrived. Armenia’s prime minister was late. The president waited.');
    const titles = model.entities.filter((e) => e.via === 'title').map((e) => `${e.text}|${e.name}`);
    assert.deepEqual(titles, ['Armenia’s prime minister|Nikol Pashinyan', 'The president|Ilham Aliyev']);
  });
});

suite('attribution', () => {
  const speakerOf = (text: string) => analyze(text).quotes.map((q) => q.speaker?.name ?? null);
  test('after the quote, inverted, pronoun and title', () => {
    assert.deepEqual(speakerOf('“We agree,” Putin said.'), ['Vladimir Putin']);
    assert.deepEqual(speakerOf('“We agree,” said Sergey Lavrov.'), ['Sergey Lavrov']);
    assert.deepEqual(speakerOf('Putin spoke. “We agree,” he added.'), ['Vladimir Putin']);
    assert.deepEqual(speakerOf('“We agree,” the Russian leader noted.'), ['Vladimir Putin']);
  });
  test('before the quote: According to X, cited as saying, partial quotes', () => {
    assert.deepEqual(speakerOf('According to Putin, “trade is growing fast.”'), ['Vladimir Putin']);
    assert.deepEqual(speakerOf('Putin spoke. He was cited as saying that “trade is growing fast.”'), ['Vladimir Putin']);
    assert.deepEqual(speakerOf('Lavrov said the West “wants a long and bloody war” in Europe.'), ['Sergey Lavrov']);
  });
  test('British single quotes, appositives, and attribution by the next sentence', () => {
    assert.deepEqual(speakerOf("'We will respond,' Sergey Lavrov said."), ['Sergey Lavrov']);
    assert.deepEqual(speakerOf('Lukashenko, speaking to state media, said the union was "stronger than ever".'), ['Alexander Lukashenko']);
    assert.deepEqual(speakerOf('Lavrov arrived. "This is unacceptable." The foreign minister made the remarks in Minsk.'), ['Sergey Lavrov']);
  });
  test('a title between the quote and the name: "…," Kremlin spokesman Dmitry Peskov said', () => {
    assert.deepEqual(speakerOf('"Nothing has changed," Kremlin spokesman Dmitry Peskov said.'), ['Dmitry Peskov']);
    assert.deepEqual(speakerOf("'We are not afraid,' Moldovan President Maia Sandu said."), ['Maia Sandu']);
    // Not a title: the words between say whose aides spoke, so Putin is not the speaker; the aides are, unnamed.
    const aides = analyze('"Nothing has changed," aides to Vladimir Putin said.').quotes[0].speaker;
    assert.deepEqual([aides?.name, aides?.id, aides?.how], ['aides to Vladimir Putin', null, 'description']);
  });
  test('a person the KB does not know: found after a lower-case title, then by surname alone', () => {
    // An invented name, so no knowledge base will ever contain it.
    const model = analyze('Party chairman Tamaz Zvezdaneli spoke. "We will win," Zvezdaneli told supporters.');
    assert.deepEqual(model.entities.filter((e) => e.kind === 'person').map((e) => [e.text, e.name, e.id]), [
      ['Tamaz Zvezdaneli', 'Tamaz Zvezdaneli', null],
      ['Zvezdaneli', 'Tamaz Zvezdaneli', null],
    ]);
    assert.equal(model.quotes[0].speaker?.name, 'Tamaz Zvezdaneli');
  });
  test('page chrome ("More from World") yields no guessed names; known names in it still count', () => {
    assert.deepEqual(analyze('More from World\nNews from Minsk').entities.map((e) => e.text), ['Minsk']);
    assert.deepEqual(analyze('The delegation flew in from Tengri yesterday.').entities.map((e) => [e.text, e.kind]), [['Tengri', 'place']]);
  });
  test("elisions in single marks are not quotations: rock 'n' roll", () => {
    assert.deepEqual(analyze("In the 1990s, rock 'n' roll bands toured Minsk.").quotes, []);
  });
  test('the German chancellor resolves to the chancellor on the article date', () => {
    const model = analyze('---\ndate: 2024-01-01\n---\nThe German chancellor added that "the CIS is not a threat to anyone".');
    assert.equal(model.quotes[0].speaker?.name, 'Olaf Scholz');
  });
  test('inverted order with a title, and a day between speaker and verb', () => {
    assert.deepEqual(speakerOf('"It is a good day for us," said Kyrgyz President Sadyr Japarov.'), ['Sadyr Japarov']);
    assert.deepEqual(speakerOf('Vladimir Putin on Friday told the summit that the bloc was "a key pillar of security".'), ['Vladimir Putin']);
  });
  test('a verb set off by a comma names the speaker after it, unless it takes an object or an appositive precedes it', () => {
    assert.deepEqual(speakerOf('“He can assert it, but it seems unlikely” that Sanders can beat Hillary Clinton, said Steve Elmendorf, a Democratic strategist.'), ['Steve Elmendorf']);
    assert.deepEqual(speakerOf('The campaign is paying “dozens” of canvassers, according to campaign manager Jeff Weaver.'), ['Jeff Weaver']);
    assert.deepEqual(speakerOf('“Today the fate of Armenia is decided,” Stepan Demirchyan, head of the Justice Party, told supporters.'), ['Stepan Demirchyan']);
    assert.deepEqual(speakerOf('“The act meets the elements of the crime,” Ana Cucerescu, a court judge, was quoted as saying by the agency.'), ['Ana Cucerescu']);
  });
  test('a relayed remark stays with the sentence subject: “according to” after it names the relay, not the speaker', () => {
    assert.deepEqual(speakerOf('Mr Jiang Zemin called for a “constructive” relationship with Washington, according to Foreign Minister Igor Ivanov.'), ['Jiang Zemin']);
  });
  test('a name before a colon, a party tag, a clause after “and”, and a signature line under a quotation', () => {
    assert.deepEqual(speakerOf('Republican pollster Daron Shaw: “Lesser-known candidates have seen the biggest boost.”'), ['Daron Shaw']);
    assert.deepEqual(speakerOf('Sen. John Cornyn (R-Texas) told a reporter that he “would be surprised if it is the last one.”'), ['John Cornyn']);
    assert.deepEqual(speakerOf('Ilham Aliyev said he would make them “glow in the dark,” and Nikol Pashinyan vowed to “bomb the hell” out of them.'), ['Ilham Aliyev', 'Nikol Pashinyan']);
    assert.deepEqual(speakerOf('“Almost all new income and wealth is going to the top 1 percent.”\n- Bernie Sanders.\nThe senator is relying on an old figure.'), ['Bernie Sanders']);
  });
  test('a participle after a comma is the sentence subject’s; a passive’s agent speaks; a later clause’s subject does not', () => {
    assert.deepEqual(speakerOf('Speaking in Yerevan, Nikol Pashinyan went after Robert Kocharyan, calling him “a total failure.”'), ['Nikol Pashinyan']);
    assert.deepEqual(speakerOf('Ilham Aliyev was asked by moderator Nikol Pashinyan whether the plan would be “another expensive program.”'), ['Nikol Pashinyan']);
    assert.deepEqual(speakerOf('Ilham Aliyev accuses Nikol Pashinyan of an “artful smear” regarding the talks while Pashinyan suggests otherwise.'), ['Ilham Aliyev']);
  });
  test('a verb whose own subject names no one is not passed over for an earlier verb’s subject', () => {
    assert.deepEqual(speakerOf('Ilham Aliyev praised the monks, who have publicly vowed to resist the “support of the new order.”'), [null]);
  });
  test('a sentence subject does not speak a quote in a clause with a subject of its own', () => {
    // A reporting verb with its own subject, before the quote or after it.
    assert.deepEqual(speakerOf('Nikol Pashinyan is reassuring voters after a woman in Gyumri told him she worries he is “too soft on everyone he meets.”'), [null]);
    assert.deepEqual(speakerOf('Ilham Aliyev is what his critics have called “a ruler of the old school.”'), [null]);
    // A subordinate clause's subject, the main clause begun after a comma.
    assert.deepEqual(speakerOf('As Kassym-Jomart Tokayev spoke, the opposition was going into overdrive, whipping up anger against “any deal with the Chinese company.”'), [null]);
    // A verb before the name makes it an object.
    assert.deepEqual(speakerOf('The party board saw Nikol Pashinyan as the one to lead “the grandfather of Armenian parties.”'), [null]);
  });
  test('a sentence subject keeps the quotes of its own clause, coordinated verbs and a pronoun standing for it', () => {
    assert.deepEqual(speakerOf('Nikol Pashinyan supports “open borders with Turkey,” opposes “new tariffs on Russian goods” and recalled the closures of the 1990s: “We paid for them dearly.”'), ['Nikol Pashinyan', 'Nikol Pashinyan', 'Nikol Pashinyan']);
    const text = 'Maia Sandu endorsed the deal, although she made it clear that she has “serious concerns about the fine print.”';
    const speaker = analyze(text).quotes[0].speaker;
    assert.deepEqual([speaker?.name, speaker?.start], ['Maia Sandu', text.indexOf('she made')]);
  });
  test('a verb set off by commas before a quote names the speaker after it; “is telling” is no passive', () => {
    assert.deepEqual(speakerOf('Because of how the parties drew the map, explained Armen Grigoryan, “the vote is over before it starts.”'), ['Armen Grigoryan']);
    const telling = analyze('Kassym-Jomart Tokayev is telling supporters in Astana that “the reforms will continue.”').quotes[0];
    assert.deepEqual([telling.speaker?.name, telling.speaker?.how, telling.cue], ['Kassym-Jomart Tokayev', 'direct', 'telling']);
  });
  test('a pronoun right after “X said (that)” stands for X, not for another speaker the passage named', () => {
    const text = '“We will win this fight together,” Nursultan Nazarbayev said. Islam Karimov said he warned the radicals that “nobody will be spared.”';
    const speaker = analyze(text).quotes[1].speaker;
    assert.deepEqual([speaker?.name, speaker?.how, speaker?.uncertain], ['Islam Karimov', 'pronoun', undefined]);
  });
  test('“in X’s view” and “in X’s words” give X as the speaker of the quote after them', () => {
    assert.deepEqual(speakerOf('In Nikol Pashinyan’s view, the agreement is “a trap for the whole region.”'), ['Nikol Pashinyan']);
    assert.deepEqual(speakerOf('The talks were, in Sergey Lavrov’s words, “a waste of everyone’s time.”'), ['Sergey Lavrov']);
  });
  test('a sentence opened by “And” or “But” has the pronoun after it as subject', () => {
    assert.deepEqual(speakerOf('Nikol Pashinyan spoke in Gyumri on Monday. And he added that his government “has got an eraser.”'), ['Nikol Pashinyan']);
  });
  test('the words opening a reporting verb’s clause name the speaker when no name does, kept as written', () => {
    const spoken = (text: string) => analyze(text).quotes.map((q) => [q.speaker?.name ?? null, q.speaker?.how ?? null]);
    assert.deepEqual(spoken('That, the commission said, “would be helpful in avoiding uncertainty.”'), [['the commission', 'description']]);
    assert.deepEqual(spoken('In a statement, the network said that the report was “false and misleading.”'), [['the network', 'description']]);
    assert.deepEqual(spoken('“Armenia is, and always has been, a friend,” said the 46-year-old.'), [['the 46-year-old', 'description']]);
    // Never a clause or a pronoun with an adverbial: no speaker rather than these words.
    assert.deepEqual(speakerOf('Nikol Pashinyan met the protesters. He at the same time called the police “restrained and patient with everyone.”').filter((s) => s === 'He at the same'), []);
    assert.deepEqual(speakerOf('The crowd grew. Recently approved rules were cited as saying “no rallies after dark.”'), [null]);
  });
  test('words that make a clause or an adverbial are no speaker: a description or phrase holds no function word', () => {
    const spoken = (text: string) => analyze(text).quotes.map((q) => [q.speaker?.name ?? null, q.speaker?.how ?? null]);
    // After a quote: "compared to only 24 percent who said", "though voters are … likely to say".
    assert.deepEqual(speakerOf('Most voters called the plan “a good start for the region,” compared to only 24 percent who said otherwise.').filter((s) => s !== null && /who|compared/.test(s)), []);
    assert.deepEqual(speakerOf('Half of the voters think the plan is “about right,” though voters are generally more likely to say that Yerevan is too soft.').filter((s) => s !== null && /though/.test(s)), []);
    // Before a quote: an opening adverbial is not part of the description after it, and a clause opener is skipped.
    assert.deepEqual(speakerOf('At one point, a woman asked for a photo and Kassym-Jomart Tokayev said, “as long as we are not breaking any rules.”'), ['Kassym-Jomart Tokayev']);
    assert.deepEqual(spoken('Many workers felt betrayed. As one employee told Interfax, “He wants to put fear in our hearts, and he has done that.”'), [['one employee', 'description']]);
    // "described X as": the words after an object-taking verb are its object, not an inverted speaker.
    assert.deepEqual(speakerOf('Armen Sarkissian, who puts his costs “in the seven figures,” described the ordeal as “horrendous for the whole family.”').filter((s) => s !== null && /ordeal/.test(s)), []);
  });
  test('the subject speaks through the pronoun nearest the quote that stands for the same person', () => {
    const text = 'Nikol Pashinyan is the only leader to have visited every region, and he has long used that fact to criticise rivals for not campaigning “the Armenian way.”';
    const speaker = analyze(text).quotes[0].speaker;
    assert.deepEqual([speaker?.name, speaker?.start], ['Nikol Pashinyan', text.indexOf('he has')]);
    // Not a pronoun in a reported clause ("says he would"): that one is not the subject of the quote's clause.
    const reported = 'Nikol Pashinyan met the press in Yerevan. On his tax returns, he says he would release them on Friday, calling them “very boring tax returns.”';
    assert.equal(analyze(reported).quotes[0].speaker?.start, reported.indexOf('he says'));
  });
  test('a later sentence with a reporting verb of its own before its quote does not inherit the earlier speaker', () => {
    const text = '“We will not retreat,” Nikol Pashinyan said. The two opposition lawmakers, however, argue that there is “a precedent for this.”';
    assert.notEqual(analyze(text).quotes[1].speaker?.name, 'Nikol Pashinyan');
    // With no reporting verb of its own, the quote still continues the speaker before it.
    assert.deepEqual(speakerOf('“We will not retreat,” Nikol Pashinyan said. The government will stand by “every word of the treaty.”'), ['Nikol Pashinyan', 'Nikol Pashinyan']);
    // Nor when the sentence opens with the same person, or a pronoun that may stand for them.
    assert.deepEqual(speakerOf('“We are prepared for any scenario,” said Nikol Pashinyan. He at the same time urged the crowd to be “patient with everyone.”'), ['Nikol Pashinyan', 'Nikol Pashinyan']);
  });
  test('a participle after a comma belongs to a description opening the sentence when no name does', () => {
    const spoken = (text: string) => analyze(text).quotes.map((q) => [q.speaker?.name ?? null, q.speaker?.how ?? null]);
    assert.deepEqual(spoken('The spokesman refused to answer questions about the visit, adding: “If one is proposed we will consider it.”'), [['The spokesman', 'description']]);
    assert.deepEqual(spoken('The billionaire businessman began by talking about the drug crisis, saying that heroin is now “cheaper than beer.”'), [['The billionaire businessman', 'description']]);
    // Not across a clause with a subject of its own.
    assert.deepEqual(speakerOf('The delegation walked out because the minister arrived late, saying the terms were “unacceptable to everyone.”'), [null]);
  });
  test('the subject may follow an opening phrase with commas or a name of its own, never a subordinate clause', () => {
    assert.deepEqual(speakerOf('Speaking at a rally in Gyumri, Shirak Province, Pashinyan went after Kocharyan, calling him “a relic of the past.”'), ['Nikol Pashinyan']);
    assert.deepEqual(speakerOf('In an interview with Interfax, Lukashenko defended the treaty as “a shield for both peoples.”'), ['Alexander Lukashenko']);
    // The name inside "after …" is that clause's subject; the main clause's follows the comma.
    assert.deepEqual(speakerOf('In June 2019, after Aliyev met the envoy, Pashinyan wrote to him, calling the talks “a real step forward.”'), ['Nikol Pashinyan']);
    // A passive speech verb's subject is spoken to, not the speaker.
    assert.deepEqual(speakerOf('In an interview with Interfax, Lukashenko was asked, “Will you run again?”'), [null]);
  });
  test('a name typed as a place only by weak context ("in Harutyunyan") can still be a sentence\'s subject and speak', () => {
    assert.deepEqual(speakerOf('The vote in Harutyunyan was close. Harutyunyan later fought for “a clear mandate.”'), ['Harutyunyan']);
    // A place the gazetteer knows is no speaker.
    assert.deepEqual(speakerOf('“We will win,” the mayor told a crowd in Gyumri.'), ['the mayor']);
  });
  test('a written text speaks through "read": “…,” the statement read / read the email', () => {
    const spoken = (text: string) => analyze(text).quotes.map((q) => q.speaker?.name ?? null);
    assert.deepEqual(spoken('“The talks will resume in Minsk,” the statement read.'), ['the statement']);
    assert.deepEqual(spoken('“We will not retreat,” read the email.'), ['the email']);
  });
  test('less common tag verbs (cues.json): “…,” X recounted / pleaded / marveled; X touted / decried …, calling it “…”', () => {
    assert.deepEqual(speakerOf('“We were told to leave at dawn,” Armen Grigoryan recounted.'), ['Armen Grigoryan']);
    assert.deepEqual(speakerOf('“Please let us through,” the driver pleaded.'), ['the driver']);
    assert.deepEqual(speakerOf('Kristine Vardanyan touted the new law, calling it “a turning point for the courts.”'), ['Kristine Vardanyan']);
    // Not a verb of speech: "recounted" as a past participle of counting ballots attributes nothing.
    assert.deepEqual(speakerOf('The ballots were recounted. “Fraud” was the word on every poster.'), [null]);
  });
  test('a tag closing the sentence after a comma speaks a quote anywhere in it, but not a clause nor past another reporter', () => {
    assert.deepEqual(speakerOf('The detention was “arbitrary and unlawful” and the journalist should be freed at once, the rights group says.'), ['the rights group']);
    assert.deepEqual(speakerOf('“There is a sense of stability now,” and donations began to pick up again last week, Gilbert said.'), ['Gilbert']);
    // ", which he said had …" is a relative clause, not a tag; a clause reporting its own words stops the tag.
    assert.deepEqual(speakerOf('Pashinyan cited “a ruinous policy of central planning in every region,” which he said had harmed the economy.'), [null]);
    assert.deepEqual(speakerOf('“We will never sign such a deal,” and Aliyev said the talks would go on, the agency said.'), [null]);
  });
  test('a relative "who" before the verb speaks for the name it follows, with "who" as the speaker\'s words', () => {
    const model = analyze('The decision angered Nikol Pashinyan, who called the ruling “a blow to the rule of law.”');
    assert.deepEqual(model.quotes.map((q) => [q.speaker?.name ?? null, q.speaker?.how ?? null, q.speaker && model.text.slice(q.speaker.start, q.speaker.end)]), [['Nikol Pashinyan', 'pronoun', 'who']]);
    assert.deepEqual(speakerOf('Voters cheered Ilham Aliyev, who has repeatedly vowed to “restore every village.”'), ['Ilham Aliyev']);
    // "who" after "an aide to X" may stand for the aide: no guess.
    assert.deepEqual(speakerOf('The rumour came from an aide to Aliyev, who called the talks “a waste of everyone’s time.”'), [null]);
  });
  test('a quote standing as a whole sentence speaks for the subject of the sentence before when that subject reports', () => {
    assert.deepEqual(speakerOf('Pashinyan praised the mediators for their patience.\n\n“We need people who bring both sides together.”'), ['Nikol Pashinyan']);
    assert.deepEqual(speakerOf('Aliyev said the talks would go on. “We are ready for a lasting peace.”'), ['Ilham Aliyev']);
    // The reporting verb belongs to someone else ("reporters who said"), or the sentence before reports nothing.
    assert.deepEqual(speakerOf('Pashinyan met the reporters who said the talks had failed.\n\n“We are ready for a lasting peace.”'), [null]);
    assert.deepEqual(speakerOf('Pashinyan met the mediators in Brussels.\n\n“We are ready for a lasting peace.”'), [null]);
  });
  test('a description of people opening the sentence is its subject for a quote in it, as a name is', () => {
    const spoken = (text: string) => analyze(text).quotes.map((q) => [q.speaker?.name ?? null, q.speaker?.how ?? null]);
    assert.deepEqual(spoken('A spokesman declined to comment but said the talks continue “in good faith and with hope for all.”'), [['A spokesman', 'subject']]);
    // The phrase stops before its verb ("for the ministry declined").
    assert.deepEqual(spoken('A spokesman for the ministry declined to comment, adding: “We will see.”'), [['A spokesman for the ministry', 'description']]);
    // Not a thing that cannot speak, not a description linked by a copula, not when a name follows the quote.
    assert.deepEqual(speakerOf('The rally there went ahead to the accompaniment of “Levon! Levon!” chants.'), [null]);
    assert.deepEqual(speakerOf('The minister is a former banker and an avowed “friend of the markets.”'), [null]);
    assert.deepEqual(speakerOf('The new plans “will not solve this challenge, but are steps in the right direction,” Anna Petrosyan, the deputy minister, said on the call.'), ['Anna Petrosyan']);
  });
  test('a party and state tag between a name and its verb is part of the gap ("Mitch McConnell, R-Ky., said")', () => {
    assert.deepEqual(speakerOf('“That is not the view of our party,” Senate Majority Leader Mitch McConnell, R-Ky., said.'), ['Mitch McConnell']);
    // Any other phrase there still breaks the link.
    assert.deepEqual(speakerOf('“That is not the view of our party,” Senate Majority Leader Mitch McConnell, to applause in Kyiv, said.'), [null]);
  });
  test('a bracketed party tag after a name belongs to the name, before a verb, an appositive or a participle', () => {
    assert.deepEqual(speakerOf('Sen. Richard J. Durbin (D-Ill.), noting the size of the crowd in Tbilisi, said, “Let me tell you, this is a heck of a movement.”'), ['Richard J. Durbin']);
    assert.deepEqual(speakerOf('In a statement, Rep. Hakeem Jeffries (D-N.Y.) reacted to the verdict in Minsk, saying: “The sentence should shock every decent person.”'), ['Hakeem Jeffries']);
    assert.deepEqual(speakerOf('State Sen. Lee Bright (R), another early critic of the deal, suggested that Moscow was “playing for time.”'), ['Lee Bright']);
    // Only a party tag: other words in brackets still break the link between a name and its verb.
    assert.deepEqual(speakerOf('Sen. Richard J. Durbin (a close ally of the president in the Senate), noting the crowd in Tbilisi, said, “Let me tell you, this is a heck of a movement.”'), [null]);
  });
  test('a name right after "that" or "when" opening a clause is the subject of the verb after it', () => {
    assert.deepEqual(speakerOf('The debate between the two candidates grew so heated over which of them had backed the budget that Armenian Prime Minister Nikol Pashinyan said, “I need a translator.”'), ['Nikol Pashinyan']);
    assert.deepEqual(speakerOf('The anxiety about the spillover of the war on the campaigns of his allies in the regions was underscored on Wednesday when Speaker Alen Simonyan lamented the “disheartened” state of the party.'), ['Alen Simonyan']);
    // A name inside a phrase after "that" is no subject: "aides to X" said it, not X.
    assert.notDeepEqual(speakerOf('It was reported on Monday that aides to Nikol Pashinyan said the deal was “dead.”'), ['Nikol Pashinyan']);
  });
  test('a name after "with" and before a participle is its subject: "with Aliyev tweeting that …"', () => {
    assert.deepEqual(speakerOf('Officials were quick to chime in, with Ilham Aliyev tweeting that the vote was a “disaster” for Yerevan.'), ['Ilham Aliyev']);
    // Not a name after another preposition, and not without the participle right after the name.
    assert.deepEqual(speakerOf('Officials were quick to chime in, after talks with Ilham Aliyev, tweeting that the vote was a “disaster” for Yerevan.'), [null]);
  });
  test('a name followed by its own past verb is the subject, not a later name its verb takes as object', () => {
    // ("Donald Trump" is a name of unknown kind here: a later person used to take the phrase over.)
    assert.deepEqual(speakerOf('First, Donald Trump attacked former prime minister Karim Massimov for being “a failed manager.”'), ['Donald Trump']);
  });
  test('more irregular past verbs mark a subject’s own verb (cues.json): "Then he cut into Aliyev, calling him “…”"', () => {
    assert.deepEqual(speakerOf('Nikol Pashinyan spoke first in Yerevan. Then he cut into Aliyev, calling him “a spoiled child.”'), ['Nikol Pashinyan']);
  });
  test('a participle set off by a spaced dash, perhaps after an adverb, belongs to the sentence’s subject too', () => {
    assert.deepEqual(speakerOf('Maia Sandu declined to claim outright victory - only saying that she was breathing “a sigh of relief” at the numbers.'), ['Maia Sandu']);
    // A participle glued to a noun ("an email saying") is not set off.
    assert.deepEqual(speakerOf('Maia Sandu sent an email saying “done.”'), [null]);
  });
  test('a roundup line: a topic, a spaced dash, then a source and a colon; two names joined by "and" head the phrase', () => {
    assert.deepEqual(speakerOf('The polls were not wrong (just too early) - Mark Blumenthal and Jon Cohen: “The polls ended too early to see the shift.”'), ['Jon Cohen']);
    assert.deepEqual(speakerOf('The demographic/economic interplay matters in the South - Nikol Pashinyan: “We will count every vote.”'), ['Nikol Pashinyan']);
    // Without the dash, the words before the name still decide: after a preposition it is no source.
    assert.deepEqual(speakerOf('Turnout matters in the South for Nikol Pashinyan: “We will count every vote.”'), [null]);
  });
  test('a headline "Name on topic: ‘…’" speaks for the person the first paragraph names with that surname', () => {
    const model = analyze('Gillibrand on Hillary Releasing Her Speech Transcripts: ‘I Think She Will.’\n\nFriday on CNN, Sen. Kirsten Gillibrand (D-NY) told host Chris Cuomo she believes it.');
    assert.deepEqual(model.quotes.map((q) => [q.speaker?.name ?? null, q.speaker && model.text.slice(q.speaker.start, q.speaker.end)]), [['Kirsten Gillibrand', 'Gillibrand']]);
    // Not when the first paragraph names nobody with that surname.
    assert.deepEqual(speakerOf('Gillibrand on Hillary Releasing Her Speech Transcripts: ‘I Think She Will.’\n\nFriday on CNN, host Chris Cuomo said it.'), [null]);
  });
  test('participles of speech verbs after a comma (cues.json): …, responding that he is “…”', () => {
    assert.deepEqual(speakerOf('Sen. Pat Toomey (R-Pa.) refused to discuss the trip to Kyiv, responding that he is “not going to go into what my office is doing.”'), ['Pat Toomey']);
    assert.deepEqual(speakerOf('“The way I see it,” Anna Petrosyan elaborated, “nobody ever questioned his service.”').slice(0, 1), ['Anna Petrosyan']);
  });
  test('a surname opening a sentence that the recognizer left unmarked is the person named before with it', () => {
    assert.deepEqual(speakerOf('Donald Trump spoke in Minsk on Monday.\n\nTrump subsequently defended the visit, calling the talks “a very good start for everybody.”'), ['Donald Trump']);
    // With no full name before, the word names no one.
    assert.deepEqual(speakerOf('The talks went on.\n\nTrump subsequently defended the visit, calling the talks “a very good start for everybody.”'), [null]);
  });
  test('a written thing before "that"/"which" and a verb of writing speaks the quote right after the verb', () => {
    const model = analyze('The page was replaced by a message that said, “Sorry, the item is no longer in the system.”');
    assert.deepEqual(model.quotes.map((q) => [q.speaker?.name ?? null, q.speaker && model.text.slice(q.speaker.start, q.speaker.end)]), [['a message', 'that']]);
    assert.deepEqual(speakerOf('He held up the sign — which read “Armenians for Peace” — and waved it, mouthing “thank you” to the crowd.').slice(0, 1), ['the sign']);
    // Not a later quote in the sentence, and not a thing that carries no writing ("a law that said").
    assert.notEqual(speakerOf('He held up the sign — which read “Armenians for Peace” — and waved it, mouthing “thank you” to the crowd.')[1], 'the sign');
    assert.deepEqual(speakerOf('The deal included a law that said the state “must act within the national law.”'), [null]);
  });
  test('quotes before the last one of a sentence share the speaker named after it', () => {
    assert.deepEqual(speakerOf('Guns are “the ultimate public health crisis” and “stunt the growth of children,” Howard Dean, the former governor of Vermont, proclaimed.'), ['Howard Dean', 'Howard Dean']);
  });
  test('a short quoted sentence is speech, not a scare quote, and is flagged when nobody said it', () => {
    const model = analyze('The talks stalled. "This is unacceptable."');
    assert.equal(model.quotes[0].kind, 'speech');
    assert.ok(model.diagnostics.some((d) => d.code === 'unattributed-quote'));
  });
  test('continued paragraphs inherit the speaker; scare quotes get none', () => {
    const model = analyze('“It is enough to look around.\n“But the risks grow,” Putin said.\nThe software is sold “as is” here.');
    assert.deepEqual(model.quotes.map((q) => [q.kind, q.speaker?.name ?? null]), [['continued', 'Vladimir Putin'], ['speech', 'Vladimir Putin'], ['scare', null]]);
  });
  test('titles and scare quotes between two quotes of one speaker do not break the run, however many; a paragraph does', () => {
    const scares = ' The program ran on “Channel One” and “Rossiya”.'.repeat(50);
    const text = `“We will not retreat,” Putin said.${scares} “It is a matter of survival for the whole country.”\n“Another paragraph of words here” and more “words that nobody said here”.`;
    const model = analyze(text);
    const named = model.quotes.filter((q) => q.kind !== 'scare').map((q) => [q.text.slice(0, 12), q.speaker?.name ?? null, q.speaker?.how ?? null]);
    assert.deepEqual(named, [
      ['We will not ', 'Vladimir Putin', 'direct'],
      ['It is a matt', 'Vladimir Putin', 'inherited'],
      ['Another para', null, null],
      ['words that n', null, null],
    ]);
    assert.equal(model.quotes.filter((q) => q.kind === 'scare').length, 100);
  });
});

suite('claims and dates', () => {
  test('money, percentages, counts and relative dates are claims; years and small numbers are not', () => {
    const model = analyze('Trade hit $90 billion, up 12%, and 1,500 troops left 25 years ago. In 1991 two documents were signed.');
    assert.deepEqual(model.claims.map((c) => `${c.kind}:${c.text}`), ['money:$90 billion', 'percentage:12%', 'count:1,500 troops', 'date:25 years ago']);
  });
});

suite('search', () => {
  test('upperBound and firstIndexWhere find the first position at or after a value, at both ends too', () => {
    const spans = [{ start: 2 }, { start: 5 }, { start: 5 }, { start: 9 }];
    assert.deepEqual([0, 2, 3, 5, 6, 9, 10].map((o) => upperBound(spans, o)), [0, 0, 1, 1, 3, 3, 4]);
    assert.equal(upperBound([], 7), 0);
    assert.equal(firstIndexWhere(10, (i) => i * i >= 50), 8);
  });
  test('matchBefore looks only in the window before an offset and gives the match start in the text', () => {
    const text = 'The statement was cited as saying';
    const cited = text.indexOf('cited');
    assert.equal(matchBefore(text, cited, /\bwas\s+$/u, 10)?.start, text.indexOf('was'));
    assert.equal(matchBefore(text, cited, /\bstatement\s+was\s+$/u, 10), undefined, 'the window is 10 characters');
    assert.equal(matchBefore(text, 3, /^The$/u, 10)?.start, 0, 'the window is clipped at the text start');
  });
});
