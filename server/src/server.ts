/**
 * The language server: capabilities, document lifecycle and one thin adapter per request. All
 * analysis happens in the core (reviewArticle); features/ turn its results into LSP data.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DiagnosticSeverity,
  MessageType,
  ShowMessageRequest,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ANNOTATION_SUFFIX, AnnotationStore, isCorrupt, type AnnotationChange } from './annotationStore';
import { createAnnotation, type Annotation } from './core/annotations/model';
import { SaveQueue } from './saveQueue';
import { readRegularFile } from './regularFile';
import { AnalysisScheduler } from './analysisScheduler';
import { AnalysisThread } from './analysisThread';
import type { AnalysisResult, KbFiles } from './analysisMessages';
import { runQuery, VIEWS, type QueryAnswer, type QueryName, type QueryParams } from './articleQueries';
import { analyseDocument, forgetDocument, type AnalysisInput } from './documentAnalysis';
import { RecentDocuments } from './recentDocuments';
import type { AnnotationEntry as AppliedEntry } from './core/annotations/apply';
import type { ReviewedArticle } from './core/review';
import type { Finding } from './core/types';
import { analysedLength } from './core/text/limit';
import { SOURCE, toDiagnostic } from './convert';
import { ADD_TO_KB, APPLY_ANNOTATION, type AnnotationRequest } from './features/codeActions';
import { ANCHORED_ANNOTATIONS, getAnchoredAnnotations } from './features/anchoredAnnotations';
import { legend, tokenEdits } from './features/semanticTokens';
import { getWorkspaceSymbols } from './features/workspaceSymbols';
import { builtInKbDir, listKbFiles, loadKnowledgeBase, type KbProblem, type LoadedKb } from './kbLoader';
import { addEntityStubEdit, type StubRequest } from './kbStub';
import { DELETE_ANNOTATION, removeChange, UPDATE_ANNOTATION, updateChange, writeBackChange, type DeleteRequest, type UpdateRequest } from './reviewChanges';
import { defaultSettings, mergeSettings, toAnalysisConfig, type Settings } from './settings';
import { findUserKbFiles, isUserKbFile } from './workspaceFiles';

export interface ServerOptions {
  /** Folder of the built-in knowledge base; tests may point elsewhere. */
  readonly kbDir?: string;
  /** The analysis worker's script (dist/analysisWorker.js beside the server); tests may point elsewhere. */
  readonly workerScript?: string;
}

/**
 * Documents longer than this (characters analysed) are analysed on the worker thread, so the server keeps
 * answering requests on other documents meanwhile. Below it an analysis takes a few tens of milliseconds at
 * most, less than posting it would cost to start the worker (which loads its own knowledge base). A client may
 * pass another value as `initializationOptions.workerThreshold` (tests and benchmarks do).
 */
export const WORKER_THRESHOLD = 256 * 1024;

/**
 * How many open documents keep their whole analysis (model and incremental state) on the server's thread, and
 * how many characters they may hold together (see `recentDocuments.ts`; about 9 bytes of heap per character).
 * A client may pass other values as `initializationOptions.keptAnalyses` (`{ documents, characters }`; tests do).
 */
export const KEPT_ANALYSES = { documents: 20, characters: 4_000_000 };

/** An article's annotations as the analysis uses them: the file's, with changes still waiting to be saved. */
interface AnnotationEntry {
  readonly items: readonly Annotation[];
  readonly problem?: Diagnostic;
  /** What the file held when read (to tell a change on disk from our own write). */
  readonly fileKey?: string;
}

/** How long the file watcher lets a burst of events settle. */
const WATCH_SETTLE_MS = 30;

interface CachedArticle {
  readonly version: number;
  /** What publishing needs (the findings, the annotations' places): at hand without building the whole model. */
  readonly findings: readonly Finding[];
  readonly entries: readonly AppliedEntry[];
  /**
   * The whole analysis. One from the worker thread stays there, and requests are answered there (`query`); read
   * here, it is analysed on this thread (when the worker no longer has it).
   */
  readonly article: ReviewedArticle;
  /** True while the whole analysis is on the worker thread only. */
  readonly onWorker: boolean;
  /** Views of the whole version (Outline, semantic tokens: `VIEWS`), computed once, on first request, wherever the analysis is. */
  readonly views: Map<QueryName, unknown>;
  /** Drops the whole analysis made here and the views (memory: `recentDocuments.ts`); reading `article` analyses again. */
  release(): void;
}

/** The semantic tokens last sent for a document, so a `full/delta` request can be answered with edits. */
interface SentTokens {
  readonly resultId: string;
  readonly data: readonly number[];
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new Map<string, CachedArticle>();
  const annotations = new Map<string, AnnotationEntry>();
  const store = new AnnotationStore();
  const saves = new SaveQueue(store, {
    saved: (file, _items, retried) => {
      const uri = pathToFileURL(file).toString();
      if (retried) connection.window.showInformationMessage(`CIS Lens saved the reviews that were waiting for ${fileName(file)}${ANNOTATION_SUFFIX}.`);
      refreshAnnotations(uri);
    },
    failed: (file, error) => connection.console.warn(`CIS Lens: saving annotations for ${file} failed, will retry: ${error}`),
  });
  const watchers = new Map<string, fs.FSWatcher>();
  const watchTimers = new Map<string, NodeJS.Timeout>();
  const sentTokens = new Map<string, SentTokens>();
  let tokenResults = 0;
  let recent = new RecentDocuments(KEPT_ANALYSES.documents, KEPT_ANALYSES.characters);
  const annotatedUris = new Set<string>();
  const scheduler = new AnalysisScheduler((uri) => {
    const latest = documents.get(uri);
    return latest ? analyseAndPublish(latest) : undefined;
  });
  /** Analyses run since start (the `cisLens/status` request reports it, for tests and the curious). */
  let analyses = 0;
  let analysisMs = 0;
  let settings: Settings = defaultSettings;
  let roots: string[] = [];
  let canPullConfiguration = false;
  let canRefreshSemanticTokens = false;
  let workerThreshold = WORKER_THRESHOLD;
  const thread = new AnalysisThread(options.workerScript ?? path.join(__dirname, 'analysisWorker.js'), kbFiles(), (message) => connection.console.warn(message));
  let loaded: LoadedKb = loadKb();
  let kbProblemUris = new Set<string>();

  function kbFiles(): KbFiles {
    return { builtIn: listKbFiles(options.kbDir ?? builtInKbDir()), user: findUserKbFiles(roots) };
  }

  /** Loads the knowledge base here; the worker thread loads the same files when it starts (or now, if it runs). */
  function loadKb(): LoadedKb {
    const files = kbFiles();
    thread.setKnowledgeBase(files);
    return loadKnowledgeBase(files.builtIn, files.user);
  }

  function reloadKb(): void {
    loaded = loadKb();
    publishKbProblems(loaded.problems);
    cache.clear();
    documents.all().forEach(schedule);
  }

  function publishKbProblems(problems: readonly KbProblem[]): void {
    const byUri = new Map<string, Diagnostic[]>();
    for (const uri of kbProblemUris) byUri.set(uri, []);
    for (const p of problems) {
      const doc = documents.get(p.uri) ?? TextDocument.create(p.uri, 'json', 0, readText(p.uri));
      const range = { start: doc.positionAt(p.offset), end: doc.positionAt(p.offset + p.length) };
      byUri.set(p.uri, [...(byUri.get(p.uri) ?? []), { range, message: p.message, source: SOURCE, code: 'kb-file', severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning }]);
    }
    kbProblemUris = new Set(problems.map((p) => p.uri));
    for (const [uri, diagnostics] of byUri) void connection.sendDiagnostics({ uri, diagnostics });
  }

  function isArticle(doc: TextDocument): boolean {
    return settings.languages.includes(doc.languageId) && !doc.uri.endsWith('.json');
  }

  function cachedFor(doc: TextDocument): CachedArticle | undefined {
    if (!isArticle(doc)) return undefined;
    const cached = cache.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const input = inputFor(doc);
    const kb = loaded.kb;
    const analyse = () => {
      const started = performance.now();
      const article = analyseDocument(input, kb);
      analyses++;
      analysisMs += performance.now() - started;
      return article;
    };
    const article = analyse();
    // Analysed again only once `release`d (then `analyseDocument` starts afresh: the same model).
    const entry = cacheEntry(doc.version, article.model.diagnostics, article.entries, analyse, false, article);
    cache.set(doc.uri, entry);
    // No entry yet: the document's first analysis since it opened (or since the cache was cleared), not yet in use.
    keep(doc, cached !== undefined);
    return entry;
  }

  /**
   * The document's analysis was just made or read here: it stays, and the analyses that no longer fit go
   * (`recentDocuments.ts`). `inUse`: made after an edit or read for a request, rather than made on opening.
   */
  function keep(doc: TextDocument, inUse: boolean): void {
    for (const uri of inUse ? recent.use(doc.uri, doc.getText().length) : recent.opened(doc.uri)) {
      forgetDocument(uri);
      cache.get(uri)?.release();
      sentTokens.delete(uri);
    }
  }

  /** What an analysis of the document's current version reads (besides the knowledge base). */
  function inputFor(doc: TextDocument): AnalysisInput {
    // Over the size limit, the whole lines up to it are analysed (their offsets are those of the full text).
    const text = doc.getText();
    const length = analysedLength(text, settings.maxFileSize);
    return { uri: doc.uri, version: doc.version, text: length < text.length ? text.slice(0, length) : text, config: toAnalysisConfig(settings), annotations: annotationsFor(doc.uri).items };
  }

  /** True when the document's next analysis goes to the worker thread: a long one, not yet analysed, while the worker works. */
  function onWorker(doc: TextDocument): boolean {
    if (!thread.usable || !isArticle(doc) || cache.get(doc.uri)?.version === doc.version) return false;
    return analysedLength(doc.getText(), settings.maxFileSize) > workerThreshold;
  }

  /** Analyses the document's newest text and publishes it: a long document on the worker thread, others here. */
  function analyseAndPublish(doc: TextDocument): void | Promise<void> {
    if (!onWorker(doc)) return validate(doc);
    return analyseOnWorker(doc).then((current) => {
      if (current) validate(doc);
    });
  }

  /**
   * Analyses the document on the worker thread and caches the result, if it is still the newest: true then. A
   * result for a version, knowledge base, settings or annotations that changed meanwhile is dropped (the change
   * scheduled another analysis). If the worker fails, true as well, and `validate` analyses here instead.
   */
  async function analyseOnWorker(doc: TextDocument): Promise<boolean> {
    const input = inputFor(doc);
    const basis = { kb: loaded, settings, annotations: annotations.get(doc.uri) };
    const current = () => documents.get(doc.uri) === doc && doc.version === input.version && basis.kb === loaded && basis.settings === settings && basis.annotations === annotations.get(doc.uri);
    const started = performance.now();
    let result: AnalysisResult;
    try {
      result = await thread.analyse(input);
    } catch (error) {
      if (!current()) return false;
      connection.console.error(`CIS Lens: analysing ${doc.uri} on the worker thread failed; analysing it on the server's thread instead: ${(error as Error).message}`);
      return true;
    }
    if (!current()) return false;
    analyses++;
    analysisMs += performance.now() - started;
    // Read here only when the worker no longer has it (it analysed a newer version, was stopped or died): the same analysis here.
    cache.set(doc.uri, cacheEntry(input.version, result.findings, result.entries, () => analyseDocument(input, basis.kb.kb), true));
    return true;
  }

  /** True while a document over the worker threshold is open (the worker is stopped when none is). */
  function longDocumentOpen(): boolean {
    return documents.all().some((d) => isArticle(d) && analysedLength(d.getText(), settings.maxFileSize) > workerThreshold);
  }

  /**
   * Answers a request that reads the document's whole analysis (articleQueries.ts), once a scheduled or running
   * analysis of it has run: on this thread, or on the worker thread that holds a long document's analysis (only
   * the answer crosses). If the worker no longer has that version, a newer one that came meanwhile is waited for
   * and asked about in turn; otherwise (the worker was stopped or died) the version is analysed here. Views
   * (`VIEWS`) are kept with the version.
   */
  async function query<N extends QueryName, F>(uri: string, name: N, params: (doc: TextDocument) => QueryParams<N>, fallback: F): Promise<QueryAnswer<N> | F> {
    for (;;) {
      await settled(uri);
      const doc = documents.get(uri);
      const entry = doc && guard('analysis', () => cachedFor(doc), undefined);
      if (!doc || !entry) return fallback;
      if (!entry.onWorker) keep(doc, true);
      if (entry.views.has(name)) return entry.views.get(name) as QueryAnswer<N>;
      const asked = params(doc);
      let answered = entry.onWorker ? await askWorker(uri, entry.version, name, asked) : undefined;
      if (!answered && entry.onWorker && documents.get(uri)?.version !== entry.version) continue;
      answered ??= guard('request', () => ({ answer: runQuery(name, { doc, article: entry.article, kb: loaded.kb }, asked) }), undefined);
      if (!answered) return fallback;
      if (VIEWS.has(name)) entry.views.set(name, answered.answer);
      return answered.answer;
    }
  }

  /** A query on the worker thread's analysis of `version`; undefined if it no longer has it or could not answer. */
  async function askWorker<N extends QueryName>(uri: string, version: number, name: N, params: QueryParams<N>): Promise<{ answer: QueryAnswer<N> } | undefined> {
    try {
      return await thread.query(uri, version, name, params);
    } catch (error) {
      if (thread.usable && thread.running) connection.console.warn(`CIS Lens: the analysis worker could not answer ${name} on ${uri}; answering on the server's thread instead: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** The document's semantic tokens, remembered under a new result id for the next delta request. */
  function remember(uri: string, data: readonly number[]): SentTokens {
    const sent = { resultId: String(++tokenResults), data };
    sentTokens.set(uri, sent);
    return sent;
  }

  function annotationsFor(uri: string): AnnotationEntry {
    let entry = annotations.get(uri);
    if (!entry) {
      entry = { items: [] };
      const file = filePath(uri);
      if (file) {
        const result = store.load(file);
        const waiting = saves.pendingFor(file);
        entry = isCorrupt(result)
          ? { items: withChange([], waiting), problem: { range: zero(), severity: DiagnosticSeverity.Error, source: SOURCE, code: 'annotations-file', message: `Annotations not loaded (the file is left untouched): ${result.error}` } }
          : { items: withChange(result.annotations, waiting), fileKey: keyOf(result.annotations), ...(result.warnings.length ? { problem: annotationWarnings(result.warnings) } : {}) };
        watchFolderOf(file);
      }
      annotations.set(uri, entry);
    }
    return entry;
  }

  /** Watches the folder of an article's annotation file (the file itself is replaced on every write). */
  function watchFolderOf(articlePath: string): void {
    const dir = path.dirname(articlePath);
    if (watchers.has(dir)) return;
    try {
      const watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
        if (typeof name !== 'string' || !name.endsWith(ANNOTATION_SUFFIX)) return;
        const uri = pathToFileURL(path.join(dir, name.slice(0, -ANNOTATION_SUFFIX.length))).toString();
        if (!documents.get(uri)) return;
        // Several events arrive for one write (temporary file, rename): handle them once.
        clearTimeout(watchTimers.get(uri));
        watchTimers.set(uri, setTimeout(() => { watchTimers.delete(uri); annotationFileChanged(uri); }, WATCH_SETTLE_MS));
      });
      watcher.on('error', () => { watcher.close(); watchers.delete(dir); });
      watchers.set(dir, watcher);
    } catch {
      // No watching here (a folder that vanished, a file system without events): the client's watcher still reports.
    }
  }

  function validate(doc: TextDocument): void {
    if (!isArticle(doc)) return;
    const diagnostics: Diagnostic[] = [];
    const tooLarge = sizeLimitNotice(doc);
    if (tooLarge) diagnostics.push(tooLarge);
    const analysed = guard('analysis', () => cachedFor(doc), undefined);
    for (const finding of analysed?.findings ?? []) diagnostics.push(toDiagnostic(doc, finding));
    const problem = annotationsFor(doc.uri).problem;
    if (problem) diagnostics.push(problem);
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    publishAnchoredAnnotations(doc);
  }

  /** Where the reviewer's annotations are in this version (the client's comment threads follow it). */
  function publishAnchoredAnnotations(doc: TextDocument): void {
    const analysed = doc.getText().length > settings.maxFileSize ? undefined : guard('analysis', () => cachedFor(doc), undefined);
    const params = getAnchoredAnnotations(doc, analysed);
    // Unannotated documents cost no message per keystroke; the one after the last annotation went clears them.
    if (params.annotations.length === 0 && !annotatedUris.has(doc.uri)) return;
    if (params.annotations.length === 0) annotatedUris.delete(doc.uri);
    else annotatedUris.add(doc.uri);
    void connection.sendNotification(ANCHORED_ANNOTATIONS, params);
  }

  /** For a document over `cisLens.maxFileSize`: one message, on the first line not analysed, saying what was and was not. */
  function sizeLimitNotice(doc: TextDocument): Diagnostic | undefined {
    const text = doc.getText();
    const length = analysedLength(text, settings.maxFileSize);
    if (length === text.length) return undefined;
    const stop = doc.positionAt(length);
    const last = doc.lineCount;
    const analysed = stop.character === 0 ? `lines 1–${stop.line}` : `the first ${length.toLocaleString('en-US')} characters`;
    const rest = stop.character === 0 ? `lines ${stop.line + 1}–${last}` : 'the rest of that line and every line after it';
    return {
      range: { start: stop, end: doc.positionAt(Math.min(text.length, lineEndAt(text, length))) },
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      code: 'file-too-large',
      message: `CIS Lens analysed ${analysed} (${length.toLocaleString('en-US')} of ${text.length.toLocaleString('en-US')} characters) and not ${rest}: the document is over the cisLens.maxFileSize limit of ${settings.maxFileSize.toLocaleString('en-US')} characters. Raise the setting or split the file to analyse the rest.`,
    };
  }

  /** Analysis after a change: once per burst of edits, on the newest text (see analysisScheduler.ts). */
  function schedule(doc: TextDocument): void {
    scheduler.changed(doc.uri);
  }

  /** Messages are best-effort: a client that cannot show them must not take the server down. */
  function showError(message: string): void {
    connection.sendRequest(ShowMessageRequest.type, { type: MessageType.Error, message }).catch(() => connection.console.error(message));
  }

  function guard<T>(name: string, fn: () => T, fallback: T): T {
    try {
      return fn();
    } catch (error) {
      connection.console.error(`CIS Lens ${name} failed: ${(error as Error).stack ?? String(error)}`);
      return fallback;
    }
  }

  /** Runs `fn` once a scheduled analysis of `uri` has run: a request never starts an analysis of a version about to be replaced. */
  async function afterAnalysis<T>(uri: string, fn: () => T): Promise<T> {
    await settled(uri);
    return fn();
  }

  /**
   * Waits for the document's scheduled or running analysis. A long document edited without pause is waited for
   * until its analysis catches up: analysing it here for a request would stall every other document.
   */
  async function settled(uri: string): Promise<void> {
    await scheduler.settled(uri);
    for (let doc = documents.get(uri); doc && onWorker(doc) && scheduler.isScheduled(uri); doc = documents.get(uri)) await scheduler.settled(uri);
  }

  async function refreshSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    const raw = await connection.workspace.getConfiguration({ section: 'cisLens' }).catch(() => undefined);
    settings = mergeSettings(raw);
    cache.clear();
  }

  async function applyAnnotation(request: AnnotationRequest): Promise<boolean> {
    const doc = documents.get(request.uri);
    const file = filePath(request.uri);
    if (!doc || !file) {
      showError('CIS Lens can record reviews only for saved files on disk.');
      return false;
    }
    const annotation = createAnnotation(doc.getText(), { start: request.start, end: request.end }, {
      status: request.status, rule: request.rule, note: request.note, source: request.source, speaker: request.speaker,
      author: settings.author || process.env.USER || undefined, article: fileName(file),
    }, new Date());
    return saveAnnotations(request.uri, file, { put: [annotation] });
  }

  /**
   * The server's one way to change an article's annotations: through the save queue, which writes them under
   * the file's lock and keeps them (shown, and retried) until they are written. True once they are in the file.
   */
  async function saveAnnotations(uri: string, file: string, change: AnnotationChange): Promise<boolean> {
    const pending = saves.submit(file, change);
    refreshAnnotations(uri);
    const saved = await pending;
    if (!saved.ok) showError(`CIS Lens has not saved the review yet: ${saved.error} It is kept in memory and shown, and saving is retried.`);
    return saved.ok;
  }

  /** An edit or removal of one annotation (comment thread, *Remove verdict*), through the same save path. */
  async function changeAnnotation(request: UpdateRequest | DeleteRequest, remove: boolean): Promise<boolean> {
    const file = filePath(request.uri);
    if (!file || !documents.get(request.uri)) return false;
    const items = annotationsFor(request.uri).items;
    const change = remove ? removeChange(items, request) : updateChange(items, request as UpdateRequest);
    if (typeof change === 'string') {
      showError(`CIS Lens could not ${remove ? 'remove' : 'change'} the annotation: ${change}`);
      refreshAnnotations(request.uri);
      return false;
    }
    return saveAnnotations(request.uri, file, change);
  }

  /**
   * On save: re-anchored selectors go back into the annotations file when an annotation moved, so the next
   * reopen starts from where the reviewer saw it. A file that could not be read is never written.
   */
  function writeBackOnSave(doc: TextDocument): void {
    const file = filePath(doc.uri);
    if (!file || !isArticle(doc) || doc.getText().length > settings.maxFileSize) return;
    const entry = annotationsFor(doc.uri);
    if (entry.problem || isCorrupt(store.load(file))) return;
    const change = writeBackChange(entry.items, doc.getText());
    if (change) void saveAnnotations(doc.uri, file, change);
  }

  /** Forgets the article's annotations as loaded, so the next analysis reads the file (and what is waiting) again. */
  function refreshAnnotations(uri: string): void {
    annotations.delete(uri);
    cache.delete(uri);
    const doc = documents.get(uri);
    if (doc) schedule(doc);
    if (doc && canRefreshSemanticTokens) connection.languages.semanticTokens.refresh();
  }

  /** An annotation file changed on disk (another window, another tool, a hand edit): re-read and re-publish. */
  function annotationFileChanged(uri: string): void {
    const file = filePath(uri);
    const entry = annotations.get(uri);
    if (file) saves.retry(file);
    if (!entry || !file) return refreshAnnotations(uri);
    const now = store.load(file);
    if (!isCorrupt(now) && entry.fileKey === keyOf(now.annotations)) return; // our own write, or no change we use
    refreshAnnotations(uri);
  }

  async function addToKnowledgeBase(request: StubRequest & { uri: string }): Promise<boolean> {
    const root = roots[0];
    if (!root) {
      showError('Open a folder to add entities to its knowledge base (.cis/entities.cis.json).');
      return false;
    }
    const { edit, uri } = addEntityStubEdit(root, request, loaded.kb);
    const result = await connection.workspace.applyEdit({ label: `Add ${request.name} to the knowledge base`, edit });
    if (result.applied) connection.window.showDocument({ uri, takeFocus: true }).catch(() => undefined);
    return result.applied;
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    canRefreshSemanticTokens = !!params.capabilities.workspace?.semanticTokens?.refreshSupport;
    roots = (params.workspaceFolders ?? []).map((f) => filePath(f.uri)).filter((p): p is string => !!p);
    if (!roots.length && params.rootUri) roots = [filePath(params.rootUri)].filter((p): p is string => !!p);
    if (roots.length) loaded = loadKb();
    const init = params.initializationOptions as { settings?: Partial<Settings>; workerThreshold?: unknown; keptAnalyses?: { documents?: unknown; characters?: unknown } } | undefined;
    if (init?.settings) settings = mergeSettings(init.settings);
    if (typeof init?.workerThreshold === 'number' && init.workerThreshold >= 0) workerThreshold = init.workerThreshold;
    const kept = init?.keptAnalyses;
    if (typeof kept?.documents === 'number' && kept.documents >= 1 && typeof kept.characters === 'number' && kept.characters >= 0) recent = new RecentDocuments(kept.documents, kept.characters);
    return {
      capabilities: {
        // didSave is asked for explicitly: a save writes the re-anchored annotation positions back.
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        documentSymbolProvider: { label: 'CIS Lens' },
        definitionProvider: true,
        referencesProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', ''] },
        semanticTokensProvider: { legend, full: { delta: true } },
        executeCommandProvider: { commands: [APPLY_ANNOTATION, ADD_TO_KB, UPDATE_ANNOTATION, DELETE_ANNOTATION] },
      },
      serverInfo: { name: 'cis-lens' },
    };
  });

  connection.onInitialized(async () => {
    if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    await refreshSettings();
    publishKbProblems(loaded.problems);
    documents.all().forEach(schedule);
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (canPullConfiguration) await refreshSettings();
    else settings = mergeSettings((change.settings as { cisLens?: Partial<Settings> } | undefined)?.cisLens);
    cache.clear();
    documents.all().forEach(schedule);
  });

  connection.onDidChangeWatchedFiles((change) => {
    let kbChanged = false;
    for (const { uri } of change.changes) {
      const file = filePath(uri);
      if (file && isUserKbFile(file)) kbChanged = true;
      if (uri.endsWith(ANNOTATION_SUFFIX)) annotationFileChanged(uri.slice(0, -ANNOTATION_SUFFIX.length));
    }
    if (kbChanged) reloadKb();
  });

  // A long document's first analysis goes to the worker thread like any other (through the scheduler).
  documents.onDidOpen((e) => (onWorker(e.document) ? schedule(e.document) : validate(e.document)));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    scheduler.forget(e.document.uri);
    forgetDocument(e.document.uri);
    thread.forget(e.document.uri);
    // The worker's knowledge base is memory a session with short documents only does not pay for.
    if (thread.running && !longDocumentOpen()) void thread.stop();
    cache.delete(e.document.uri);
    recent.forget(e.document.uri);
    sentTokens.delete(e.document.uri);
    annotations.delete(e.document.uri);
    if (isArticle(e.document)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  documents.onDidSave((e) => {
    const file = filePath(e.document.uri);
    if (file && isUserKbFile(file)) reloadKb();
    writeBackOnSave(e.document);
  });

  connection.onHover((p) => query(p.textDocument.uri, 'hover', (doc) => ({ offset: doc.offsetAt(p.position) }), null));
  connection.onDocumentSymbol((p) => query(p.textDocument.uri, 'documentSymbols', () => undefined, []));
  connection.onDefinition((p) => query(p.textDocument.uri, 'definition', (doc) => ({ offset: doc.offsetAt(p.position) }), null));
  connection.onReferences((p) => query(p.textDocument.uri, 'references', (doc) => ({ offset: doc.offsetAt(p.position), includeDeclaration: p.context.includeDeclaration }), []));
  connection.onWorkspaceSymbol((p) => guard('workspace symbols', () => getWorkspaceSymbols(loaded.kb, p.query), []));
  connection.onCodeAction((p) => query(p.textDocument.uri, 'codeActions', () => ({ range: p.range, diagnostics: p.context.diagnostics }), []));
  connection.languages.semanticTokens.on(async (p) => {
    const data = await query(p.textDocument.uri, 'semanticTokens', () => undefined, undefined);
    if (!data) return { data: [] };
    const sent = remember(p.textDocument.uri, data);
    return { resultId: sent.resultId, data: [...sent.data] };
  });
  connection.languages.semanticTokens.onDelta(async (p) => {
    const data = await query(p.textDocument.uri, 'semanticTokens', () => undefined, undefined);
    if (!data) return { data: [] };
    const previous = sentTokens.get(p.textDocument.uri);
    const sent = remember(p.textDocument.uri, data);
    if (previous?.resultId !== p.previousResultId) return { resultId: sent.resultId, data: [...sent.data] };
    return { resultId: sent.resultId, edits: tokenEdits(previous.data, sent.data) };
  });
  connection.onRequest(ANCHORED_ANNOTATIONS, (p: { uri: string }) => afterAnalysis(p.uri, () => {
    const doc = documents.get(p.uri);
    return doc ? getAnchoredAnnotations(doc, guard('analysis', () => cachedFor(doc), undefined)) : null;
  }));
  connection.onRequest('cisLens/status', () => ({
    analyses, analysisMs: Math.round(analysisMs), openDocuments: documents.all().length, cachedArticles: cache.size, keptAnalyses: recent.size, loadedAnnotations: annotations.size, unsavedAnnotationFiles: saves.waiting().length,
    worker: { running: thread.running, usable: thread.usable, analyses: thread.completed, inFlight: thread.inFlight },
  }));
  connection.onExecuteCommand(async (p) => {
    const arg = p.arguments?.[0];
    if (p.command === APPLY_ANNOTATION && arg) return applyAnnotation(arg as AnnotationRequest);
    if (p.command === ADD_TO_KB && arg) return addToKnowledgeBase(arg as StubRequest & { uri: string });
    if ((p.command === UPDATE_ANNOTATION || p.command === DELETE_ANNOTATION) && arg) return changeAnnotation(arg as UpdateRequest, p.command === DELETE_ANNOTATION);
    return false;
  });

  connection.onShutdown(async () => {
    await saves.flushAll();
    for (const file of saves.waiting()) {
      // Not lost without a word: what could not be written is logged in full so it can be recovered.
      connection.console.error(`CIS Lens could not save these annotations for ${file} before exiting: ${JSON.stringify(saves.pendingFor(file))}`);
    }
    saves.dispose();
    for (const w of watchers.values()) w.close();
    await thread.stop();
  });

  documents.listen(connection);
  connection.listen();
}

function filePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** A file's text for placing a problem in it; '' for anything but a regular file (a FIFO would block the server). */
function readText(uri: string): string {
  const file = filePath(uri);
  const read = file ? readRegularFile(file) : undefined;
  return read?.kind === 'ok' ? read.data.toString('utf8') : '';
}

/** Annotations the file holds but CIS Lens cannot use, each with its place in the file: one warning on the article. */
function annotationWarnings(warnings: readonly string[]): Diagnostic {
  const shown = warnings.slice(0, 5).join('\n');
  const more = warnings.length > 5 ? `\n…and ${warnings.length - 5} more` : '';
  return { range: zero(), severity: DiagnosticSeverity.Warning, source: SOURCE, code: 'annotations-file', message: `${warnings.length} item${warnings.length === 1 ? '' : 's'} in the annotations file not used (the others are applied; the file keeps them as they are):\n${shown}${more}` };
}

/** Annotations as they stand in the file, compared to tell a real change from our own write. */
function keyOf(items: readonly Annotation[]): string {
  return JSON.stringify(items);
}

/** `items` with a change still waiting to be saved applied over them (shown before it reaches the file). */
function withChange(items: readonly Annotation[], change: AnnotationChange): readonly Annotation[] {
  if (!change.put?.length && !change.remove?.length) return items;
  const gone = new Set([...(change.remove ?? []), ...(change.put ?? []).map((a) => a.id)]);
  return [...items.filter((a) => !gone.has(a.id)), ...(change.put ?? [])];
}

function lineEndAt(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

/**
 * A cache entry. `analysis` gives the whole analysis: `made` here, or, for one that stays on the worker thread
 * (`onWorker`), by analysing the same input here, which only a read of `article` does; likewise after `release`.
 */
function cacheEntry(version: number, findings: readonly Finding[], entries: readonly AppliedEntry[], analysis: () => ReviewedArticle, onWorker = false, made?: ReviewedArticle): CachedArticle {
  let article = onWorker ? undefined : (made ?? analysis());
  let remote = onWorker;
  const views = new Map<QueryName, unknown>();
  return {
    version,
    findings,
    entries,
    views,
    get onWorker(): boolean {
      return remote;
    },
    get article(): ReviewedArticle {
      remote = false;
      return (article ??= analysis());
    },
    release(): void {
      if (remote) return;
      article = undefined;
      views.clear();
    },
  };
}

function zero() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
