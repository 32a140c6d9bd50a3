// Thin VS Code client: starts the CIS Lens language server and forwards documents to it.
// No analysis happens here (house style §4.9). Extra UI (status bar, …) belongs in sibling modules
// wired up from activate().
import * as fs from 'node:fs';
import { commands, Disposable, ExtensionContext, FileSystemWatcher, OutputChannel, Range, TextDocument, Uri, window, workspace } from 'vscode';
import {
  DocumentFilter, LanguageClient, LanguageClientOptions, RevealOutputChannelOn, ServerOptions, TransportKind,
} from 'vscode-languageclient/node';
import { registerReviewCommands } from './reviewCommands';
import { OutlineRefresher } from './outlineRefresh';
import { registerReviewComments, type ReviewComments } from './reviewComments';
import { registerReviewStatus } from './reviewStatus';

const CLIENT_ID = 'cisLens'; // also makes `cisLens.trace.server` work
const CLIENT_NAME = 'CIS Lens';
const SERVER_MODULE = 'dist/server.js';
const DEFAULT_LANGUAGES = ['plaintext', 'markdown', 'cis-article'];
const WATCHED_GLOBS = ['**/*.cis.json', '**/.cis/*.json', '**/*.annotations.json'];

/**
 * When start-up steps happened (`Date.now()` in the extension host), for the e2e run's time-to-first-diagnostics
 * report and the "CIS Lens" output channel. Unset until the step has happened.
 */
export interface StartupTimes {
  /** This module was loaded by the extension host. */
  readonly loadedAt: number;
  /** `activate` was called (the host reacted to an activation event: opening a configured document…). */
  activatedAt?: number;
  /** Something CIS Lens analyses was open, so the server was started. */
  serverRequestedAt?: number;
  /** The language server answered `initialize` (its process is running and has loaded the knowledge base). */
  serverReadyAt?: number;
  /** The first diagnostics from the server reached the client. */
  firstDiagnosticsAt?: number;
}

/** What `activate` returns; e2e tests reach the running client and the start-up times through it. */
export interface CisLensApi {
  readonly client: LanguageClient | undefined;
  /** The review as the editor shows it: comment threads by document, and the status bar text. */
  readonly review: {
    threadsFor(uri: Uri): { range: Range; ids: string[]; label: string | undefined }[];
    statusText(): string | undefined;
  };
  readonly startup: StartupTimes;
}

const startup: StartupTimes = { loadedAt: Date.now() };

let client: LanguageClient | undefined;
let output: OutputChannel | undefined;
let watchers: FileSystemWatcher[] = [];
let reviewComments: ReviewComments | undefined;
let reviewAttachment: Disposable | undefined;
let queue: Promise<void> = Promise.resolve(); // serialises start/stop/restart

export async function activate(context: ExtensionContext): Promise<CisLensApi> {
  startup.activatedAt ??= Date.now();
  output = window.createOutputChannel(CLIENT_NAME);
  watchers = WATCHED_GLOBS.map((glob) => workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(output, ...watchers);
  registerCommands(context);
  registerReviewCommands(context, () => client);
  const statusText = registerReviewStatus(context);
  const outline = new OutlineRefresher(documentSelector);
  context.subscriptions.push(outline);
  reviewComments = registerReviewComments(context, () => client, () => outline.refresh());
  restartOnSettingChange(context);
  await startWhenNeeded(context);
  const comments = reviewComments;
  return { get client() { return client; }, review: { threadsFor: (uri) => comments.threadsFor(uri), statusText }, startup };
}

/**
 * Starts the server once a document CIS Lens analyses is open: a file or untitled document in one of the
 * `cisLens.languages`, or a knowledge-base file. Activation alone is no reason: VS Code fires
 * `onLanguage:plaintext` for its own plain-text models too (code-server does so right after start-up, with no
 * editor open), and the server is a process of its own with the whole knowledge base in memory.
 */
function startWhenNeeded(context: ExtensionContext): Promise<void> {
  if (startup.serverRequestedAt !== undefined) return queue;
  if (workspace.textDocuments.some(isAnalysed)) return startNow(context);
  const opened = workspace.onDidOpenTextDocument((doc) => {
    if (startup.serverRequestedAt === undefined && isAnalysed(doc)) void startNow(context);
  });
  context.subscriptions.push(opened);
  return queue;
}

function startNow(context: ExtensionContext): Promise<void> {
  startup.serverRequestedAt ??= Date.now();
  return enqueue(() => startClient(context));
}

/** A document the server would analyse or read: an article in a configured language, or a knowledge-base file. */
function isAnalysed(doc: TextDocument): boolean {
  if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled') return false;
  return configuredLanguages().includes(doc.languageId) || /(\.cis\.json|[\\/]\.cis[\\/][^\\/]+\.json)$/i.test(doc.uri.path);
}

export function deactivate(): Promise<void> {
  return enqueue(stopClient);
}

function registerCommands(context: ExtensionContext): void {
  context.subscriptions.push(
    commands.registerCommand('cisLens.restartServer', () => {
      startup.serverRequestedAt ??= Date.now();
      return enqueue(() => restartClient(context));
    }),
  );
}

function restartOnSettingChange(context: ExtensionContext): void {
  context.subscriptions.push(workspace.onDidChangeConfiguration((event) => {
    if (!event.affectsConfiguration('cisLens.languages')) return;
    // A running server gets the new document selector; one not yet started may now have a document to analyse.
    if (startup.serverRequestedAt !== undefined) void enqueue(() => restartClient(context));
    else if (workspace.textDocuments.some(isAnalysed)) void startNow(context);
  }));
}

function enqueue(task: () => Promise<void>): Promise<void> {
  queue = queue.then(task, task);
  return queue;
}

function configuredLanguages(): string[] {
  const configured = workspace.getConfiguration('cisLens').get<unknown>('languages');
  return Array.isArray(configured)
    ? configured.filter((id): id is string => typeof id === 'string' && id.length > 0)
    : DEFAULT_LANGUAGES;
}

function documentSelector(): DocumentFilter[] {
  return [...new Set(configuredLanguages())].flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
}

function createClient(context: ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath(SERVER_MODULE);
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: { fileEvents: watchers },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    middleware: {
      handleDiagnostics(uri, diagnostics, next) {
        if (startup.firstDiagnosticsAt === undefined) {
          startup.firstDiagnosticsAt = Date.now();
          output?.appendLine(`[startup] first diagnostics ${startup.firstDiagnosticsAt - (startup.serverRequestedAt ?? startup.activatedAt!)} ms after the server was started`);
        }
        next(uri, diagnostics);
      },
    },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

async function startClient(context: ExtensionContext): Promise<void> {
  const serverPath = context.asAbsolutePath(SERVER_MODULE);
  try {
    if (!fs.existsSync(serverPath)) throw new Error(`server module not found at ${serverPath} (run "npm run build")`);
    client = createClient(context);
    const started = Date.now();
    await client.start();
    reviewAttachment = reviewComments?.attach(client);
    if (startup.serverReadyAt === undefined) {
      startup.serverReadyAt = Date.now();
      output?.appendLine(`[startup] extension loaded → activated ${startup.activatedAt! - startup.loadedAt} ms; server started ${started - startup.activatedAt!} ms after activation, ready in ${startup.serverReadyAt - started} ms`);
    }
  } catch (error) {
    client = undefined;
    reportStartFailure(error);
  }
}

/** Logs the failure and shows it without blocking the start/stop queue on the user's answer. */
function reportStartFailure(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  output?.appendLine(`[error] CIS Lens server failed to start: ${message}`);
  void window.showErrorMessage(`CIS Lens: the language server failed to start. ${message}`, 'Open log')
    .then((choice) => { if (choice === 'Open log') output?.show(true); });
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  reviewAttachment?.dispose();
  reviewAttachment = undefined;
  if (running?.needsStop()) {
    await running.stop().catch((error: unknown) => output?.appendLine(`[warn] stopping the server: ${String(error)}`));
  }
}

async function restartClient(context: ExtensionContext): Promise<void> {
  await stopClient();
  await startClient(context);
}
