/**
 * Which open documents keep their whole analysis in memory (the model in the server's cache and the incremental
 * state behind `analyseDocument`): the documents in use, that is edited or asked about (hover, Outline, semantic
 * tokens …), the most recently used first, up to a number of documents and a number of characters; and the
 * document analysed last on opening, until the next one opens. The others keep only what publishing needs; a
 * request on one of them analyses it again, and its next edit starts from a full analysis (the same model: the
 * incremental property test holds it).
 *
 * Why, measured (`npm run bench -- --only lsp`, 1,000 seed-sized articles opened, none closed): the heap kept
 * about 9 bytes per character of text for each analysis, the incremental state alone 15 MB of the 28 MB. More
 * than what is kept, what costs is how long it is kept: an analysis alive across two young-generation
 * collections is copied into the old generation, and there it stays as garbage, and as resident memory, until a
 * full collection, which a server opening documents may not run for a long time. Server RSS after the 1,000
 * articles: keeping every analysis 172–174 MB, the 20 most recently analysed 162–167 MB, only the last 148–156 MB. A document opened in the
 * background and never looked at is analysed once and published; one in view is asked about at once and stays.
 */
export class RecentDocuments {
  /** Documents in use and their characters, least recently used first (a Map keeps insertion order). */
  private readonly lengths = new Map<string, number>();
  private characters = 0;
  /** The document analysed last on opening, not used since. */
  private lastOpened: string | undefined;

  constructor(
    private readonly maxDocuments: number,
    private readonly maxCharacters: number,
  ) {}

  /**
   * `uri` was analysed for the first time since it opened. Returns the documents whose analyses go: the one
   * opened before it, unless that one was used meanwhile.
   */
  opened(uri: string): string[] {
    if (this.lengths.has(uri)) return [];
    const before = this.lastOpened;
    this.lastOpened = uri;
    return before === undefined || before === uri ? [] : [before];
  }

  /**
   * `uri`'s analysis (of `length` characters) was just made after an edit, or read for a request. Returns the
   * documents whose analyses no longer fit, least recently used first; the one just used is always kept.
   */
  use(uri: string, length: number): string[] {
    if (this.lastOpened === uri) this.lastOpened = undefined;
    this.dropInUse(uri);
    this.lengths.set(uri, length);
    this.characters += length;
    const dropped: string[] = [];
    for (const [old, oldLength] of this.lengths) {
      if (old === uri || (this.lengths.size <= this.maxDocuments && this.characters <= this.maxCharacters)) break;
      this.lengths.delete(old);
      this.characters -= oldLength;
      dropped.push(old);
    }
    return dropped;
  }

  /** The document was closed, or its analysis dropped for another reason (knowledge base or settings changed). */
  forget(uri: string): void {
    if (this.lastOpened === uri) this.lastOpened = undefined;
    this.dropInUse(uri);
  }

  /** How many documents keep their analyses. */
  get size(): number {
    return this.lengths.size + (this.lastOpened === undefined ? 0 : 1);
  }

  private dropInUse(uri: string): void {
    const length = this.lengths.get(uri);
    if (length === undefined) return;
    this.lengths.delete(uri);
    this.characters -= length;
  }
}
