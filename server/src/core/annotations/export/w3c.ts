/**
 * W3C Web Annotation export: one AnnotationCollection (same layout as the annotation files, see ../model.ts)
 * holding every article's annotations. Each annotation's target.source becomes the article's IRI (`iri`: a
 * `file:` URI from the CLI and the editor; the export path when none is given) and
 * its selectors are refreshed to where the annotation anchors now (`exact` is kept: it is what was reviewed).
 * Orphans are exported as stored. With `identifyEntities`, each entity mention with a knowledge-base id also
 * becomes an `identifying` annotation (ids are derived from path + span + entity, so re-exports are stable).
 */
import { reanchorAll } from '../anchoring';
import {
  createAnnotationFile, ENTITY_IRI_PREFIX, GENERATOR_NAME, retarget, selectorsFor, serializeAnnotationFile, type Annotation,
} from '../model';
import { stableUuid } from './common';
import type { ExportInput } from './types';

export interface W3cExportOptions {
  /** Also emit an identifying annotation per known entity mention. */
  readonly identifyEntities?: boolean;
  /** The collection IRI; default derived from the article paths. */
  readonly collectionId?: string;
}

export function exportW3c(articles: ExportInput, options: W3cExportOptions = {}): string {
  const items: Annotation[] = [];
  const entityItems: Record<string, unknown>[] = [];
  for (const article of articles) {
    const source = article.iri ?? article.path;
    const { anchored, orphans } = reanchorAll(article.text, article.annotations);
    for (const a of anchored) {
      const moved = retarget(article.text, a.annotation, a.span);
      items.push({ ...moved, target: { ...moved.target, source } });
    }
    for (const o of orphans) items.push({ ...o, target: { ...o.target, source } });
    if (options.identifyEntities) {
      for (const e of article.model.entities) {
        if (!e.id) continue;
        entityItems.push({
          id: stableUuid(`${article.path}\u0000${e.start}\u0000${e.end}\u0000${e.id}`),
          type: 'Annotation',
          motivation: 'identifying',
          generator: { type: 'Software', name: GENERATOR_NAME },
          body: [
            { type: 'SpecificResource', purpose: 'identifying', source: ENTITY_IRI_PREFIX + encodeURIComponent(e.id) },
            { type: 'TextualBody', purpose: 'identifying', value: e.name },
            { type: 'TextualBody', purpose: 'classifying', value: e.kind },
          ],
          target: { source, selector: selectorsFor(article.text, e) },
        });
      }
    }
  }
  const id = options.collectionId ?? stableUuid(`collection\u0000${articles.map((a) => a.path).join('\u0000')}`);
  // Entity annotations carry no `cisLens` view (they are not reviewer annotations): written as plain W3C items.
  return serializeAnnotationFile({ ...createAnnotationFile(items, id), foreign: entityItems });
}
