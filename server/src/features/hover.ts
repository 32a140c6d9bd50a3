/** Hover: an entity's KB card, a quote's speaker, and any reviewer annotation on the span. */
import type { Hover } from 'vscode-languageserver/node';
import type { ArticleDate, EntityMention, KnowledgeBase, Quote } from '../core';
import type { AnchoredAnnotation } from '../core/annotations/anchoring';
import { speakerOverrideFor, speakerOverrides } from '../core/annotations/apply';
import type { ReviewedArticle } from '../core/review';
import { annotationsAt, mentionAt, quoteAt, sameEntity } from './lookup';

export function getHover(article: ReviewedArticle, offset: number, kb: KnowledgeBase): Hover | null {
  const parts: string[] = [];
  const mention = mentionAt(article, offset);
  if (mention) parts.push(entityCard(article, mention, kb));
  else {
    const quote = quoteAt(article, offset);
    if (quote) parts.push(quoteCard(quote, speakerSetBy(article, quote)));
  }
  for (const a of annotationsAt(article, offset)) parts.push(annotationCard(a));
  return parts.length ? { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } } : null;
}

function entityCard(article: ReviewedArticle, mention: EntityMention, kb: KnowledgeBase): string {
  const count = article.model.entities.filter((e) => sameEntity(e, mention)).length;
  const entity = mention.id ? kb.get(mention.id) : undefined;
  const how = mention.via === 'name' || mention.via === 'alias' ? '' : ` — via ${mention.via} “${mention.text}”`;
  if (!entity) return mention.candidates?.length ? ambiguousCard(article, mention, kb, count) : unknownCard(mention, count);
  const date = article.model.date;
  const lines = [`**${entity.name}** _(${entity.kind}${entity.orgType ? `, ${entity.orgType}` : ''})_${how}`, '', entity.description, ''];
  const roles = kb.rolesAt(entity, date.assumed).map((r) => `${r.title}${r.of ? ` of ${kb.get(r.of)?.name ?? r.of}` : ''} (since ${r.start ?? '?'})`);
  if (roles.length) lines.push(`- Role: ${roles.join('; ')}`);
  if (entity.country) lines.push(`- Country: ${kb.get(entity.country)?.name ?? entity.country}`);
  if (entity.capital) lines.push(`- Capital: ${kb.get(entity.capital)?.name ?? entity.capital}`);
  const cis = kb.cisStatusAt(entity.id, date.assumed);
  if (cis) lines.push(`- CIS status: ${cis.status}${cis.start ? ` since ${cis.start}` : ''}${cis.note ? ` — ${cis.note}` : ''}`);
  const blocs = kb.blocsOf(entity.id, date.assumed).map((b) => kb.get(b)?.name ?? b);
  if (blocs.length) lines.push(`- Member of: ${blocs.join(', ')}`);
  const members = kb.membersAt(entity.id, date.assumed).map((m) => kb.get(m)?.name ?? m);
  if (members.length) lines.push(`- Members: ${members.join(', ')}`);
  if (entity.aliases?.length) lines.push(`- Also: ${entity.aliases.join(', ')}`);
  lines.push(hasWikidataId(entity.wikidata) ? `- Wikidata: [${entity.wikidata}](https://www.wikidata.org/wiki/${entity.wikidata})` : '- Wikidata: _no Wikidata id yet_');
  lines.push(`- Sources: ${entity.sources.map((s, i) => `[${i + 1}](${s})`).join(' ')}`);
  lines.push(`- Mentions in this document: ${count}`);
  lines.push('', asOf(date));
  return lines.join('\n');
}

/** A name that fits several entities and nothing in the article decides: the candidates, none linked. */
function ambiguousCard(article: ReviewedArticle, mention: EntityMention, kb: KnowledgeBase, count: number): string {
  const date = article.model.date;
  const lines = [`**${mention.text}** _(ambiguous: not linked)_`, '', 'The name fits more than one entity, and neither the article’s date, an earlier full name, a title nor the country in context decides:', ''];
  for (const id of mention.candidates ?? []) {
    const entity = kb.get(id);
    if (!entity) continue;
    const roles = kb.rolesAt(entity, date.assumed).map((r) => `${r.title}${r.of ? ` of ${kb.get(r.of)?.name ?? r.of}` : ''}`);
    lines.push(`- **${entity.name}** — ${entity.description}${roles.length ? ` (${roles.join('; ')})` : ''}`);
  }
  lines.push(`- Mentions in this document: ${count}`, '', asOf(date));
  return lines.join('\n');
}

/** Whether a KB entity carries a confirmed Wikidata id (null, empty or the old Q0 placeholder mean none yet). */
function hasWikidataId(id: string | null | undefined): boolean {
  return !!id && /^Q[1-9]\d*$/.test(id);
}

/** The date the card's facts hold on, and where it came from; an assumed date says so. */
function asOf(date: ArticleDate): string {
  if (date.date === null) return `_Facts as of ${date.assumed} (assumed): the article’s date was not found. Use “Set article date…” (Ctrl+.) to give it._`;
  return `_Facts as of ${date.date} (${describeDateSource(date.source)})._`;
}

/** A name the knowledge base does not know: what kind it seems to be and why ("person: after “MP”"). */
function unknownCard(mention: EntityMention, count: number): string {
  const kind = mention.kind === 'other' ? 'a name of unknown kind' : mention.kind;
  const lines = [`**${mention.name}** _(${kind}, not in the knowledge base)_`, ''];
  if (mention.why) lines.push(`- Why ${mention.kind === 'other' ? 'a name' : `a ${mention.kind}`}: ${mention.why}`);
  if (mention.ref) lines.push(`- Gazetteer: ${mention.ref}`);
  if (mention.text !== mention.name) lines.push(`- Written here as “${mention.text}”`);
  lines.push(`- Mentions in this document: ${count}`, '', '_“Add to knowledge base” (Ctrl+.) records it with sources._');
  return lines.join('\n');
}

const DATE_SOURCES: Record<ArticleDate['source'], string> = {
  'front-matter': 'article date from its front matter',
  dateline: 'article date from its dateline',
  'wire-id': 'article date from its wire-service id',
  text: 'article date from a date near its top',
  setting: 'from the cisLens.articleDate setting',
  none: 'assumed',
};

function describeDateSource(source: ArticleDate['source']): string {
  return DATE_SOURCES[source];
}

/** The reviewer's speaker annotation that gave this quote its speaker, if any. */
function speakerSetBy(article: ReviewedArticle, quote: Quote): AnchoredAnnotation | undefined {
  const override = speakerOverrideFor(speakerOverrides(article.anchored), quote);
  return override && article.anchored.find((a) => a.annotation.id === override.annotationId);
}

/** "set by Leyla on 2024-05-01": who decided, when. */
function setByReviewer(a: AnchoredAnnotation): string {
  const who = a.annotation.cisLens.author ?? a.annotation.creator?.name ?? 'the reviewer';
  const when = (a.annotation.modified ?? a.annotation.created ?? '').slice(0, 10);
  return `set by ${who}${when ? ` on ${when}` : ''}`;
}

function quoteCard(quote: Quote, reviewer?: AnchoredAnnotation): string {
  if (quote.kind === 'scare') return '**Scare quotes** — no speech; not treated as a quotation.';
  if (!quote.speaker) return `**Quotation** _(${quote.kind})_ — **no speaker found**. Use “Set speaker…” to record who said it.`;
  const speaker = quote.speaker;
  if (speaker.uncertain) {
    const who = speaker.uncertain.length ? ` — it may be ${speaker.uncertain.map((n) => `**${n}**`).join(' or ')}` : ' — no one named before fits';
    return `**Quotation** _(${quote.kind})_\n\n- Speaker: **uncertain**. The text says “${speaker.name}”${who}.\n- Cue: ${quote.cue ? `“${quote.cue}”` : 'none'}\n\nUse “Set speaker…” to record who said it.`;
  }
  const how: Record<string, string> = {
    direct: 'named directly',
    pronoun: 'through a pronoun',
    title: 'through a title',
    intermediary: 'through an intermediary',
    inherited: 'continues an earlier attributed quote',
    'according-to': '“according to”',
    description: 'a source the article describes but does not name',
    subject: 'the subject of the sentence the quoted words are set in',
  };
  return [
    `**Quotation** _(${quote.kind})_`,
    '',
    `- Speaker: **${speaker.name}**${speaker.id ? '' : ' _(not in the knowledge base)_'}`,
    `- Cue: ${quote.cue ? `“${quote.cue}”` : 'none'}`,
    `- Attributed: ${reviewer ? setByReviewer(reviewer) : `${how[speaker.how] ?? speaker.how}${speaker.via ? `, through ${speaker.via}` : ''}`}`,
  ].join('\n');
}

function annotationCard(anchored: AnchoredAnnotation): string {
  const v = anchored.annotation.cisLens;
  const lines = [`**Review: ${v.status}**`];
  if (v.source) lines.push(`- Source: ${v.source}`);
  if (v.note) lines.push(`- Note: ${v.note}`);
  if (v.speaker) lines.push(`- Speaker: ${v.speaker.name}`);
  lines.push(`- By ${v.author ?? anchored.annotation.creator?.name ?? 'unknown'} on ${(anchored.annotation.modified ?? anchored.annotation.created ?? '').slice(0, 10)}`);
  return lines.join('\n');
}

