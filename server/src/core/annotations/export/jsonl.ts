/**
 * JSON Lines export: one JSON object per article, one article per line (`\n` after each).
 *
 * Record: { path, date, dateSource, entities[], quotes[], claims[], annotations[] }. Offsets are UTF-16 code
 * units, end exclusive. A quote's speaker comes from a reviewer's 'speaker' annotation when there is one
 * (`speakerSource: "reviewer"`), else from the analysis. A claim's status is the reviewer's verdict
 * (see reviewOf) or "unreviewed".
 */
import { reanchorAll } from '../anchoring';
import { speakerOverrideFor, speakerOverrides } from '../apply';
import { AnchoredIndex } from '../spanIndex';
import { exactOf } from '../model';
import { reviewOf } from './common';
import type { ExportArticle, ExportInput } from './types';

export function articleRecord(article: ExportArticle): Record<string, unknown> {
  const { model } = article;
  const anchoring = reanchorAll(article.text, article.annotations);
  const overrides = speakerOverrides(anchoring.anchored);
  const index = new AnchoredIndex(anchoring.anchored);
  return {
    path: article.path,
    date: model.date.date,
    dateSource: model.date.source,
    entities: model.entities.map((e) => ({ start: e.start, end: e.end, text: e.text, kind: e.kind, id: e.id, name: e.name, via: e.via })),
    quotes: model.quotes.map((q) => {
      const override = speakerOverrideFor(overrides, q);
      const speaker = override
        ? { name: override.speaker.name, id: override.speaker.id }
        : q.speaker
          ? { name: q.speaker.name, id: q.speaker.id, start: q.speaker.start, end: q.speaker.end, how: q.speaker.how, ...(q.speaker.via ? { via: q.speaker.via } : {}) }
          : null;
      return {
        start: q.start, end: q.end, text: q.text, kind: q.kind, cue: q.cue, speaker,
        speakerSource: override ? 'reviewer' : q.speaker ? 'analysis' : null,
      };
    }),
    claims: model.claims.map((c) => {
      const review = reviewOf(c, index);
      const v = review.annotation?.cisLens;
      return {
        start: c.start, end: c.end, text: c.text, kind: c.kind, status: review.status,
        note: v?.note ?? null, source: v?.source ?? null, author: v?.author ?? null, annotationId: review.annotation?.id ?? null,
      };
    }),
    annotations: [
      ...anchoring.anchored.map((a) => ({ id: a.annotation.id, ...a.annotation.cisLens, exact: exactOf(a.annotation), start: a.span.start, end: a.span.end, anchoring: a.method, similarity: a.similarity })),
      ...anchoring.orphans.map((o) => ({ id: o.id, ...o.cisLens, exact: exactOf(o), start: null, end: null, anchoring: 'orphan', similarity: 0 })),
    ],
  };
}

/** One line per article; every line is a complete JSON object. */
export function exportJsonl(articles: ExportInput): string {
  return articles.map((a) => JSON.stringify(articleRecord(a)) + '\n').join('');
}
