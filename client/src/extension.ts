// Thin VS Code client: starts the CIS Lens language server and forwards documents to it.
// No analysis happens here (house style §4.9). Extra UI (status bar, …) belongs in sibling modules
// wired up from activate().
import * as fs from 'node:fs';
import { commands, Disposable, ExtensionContext, FileSystemWatcher, OutputChannel, Range, Uri, window, workspace } from 'vscode';
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

/** What `activate` returns; e2e tests reach the running client through it. */
export interface CisLensApi {
  readonly client: LanguageClient | undefined;
  /** The review as the editor shows it: comment threads by document, and the status bar text. */
  readonly review: {
    threadsFor(uri: Uri): { range: Range; ids: string[]; label: string | undefined }[];
    statusText(): string | undefined;
  };
}

let client: LanguageClient | undefined;
let output: OutputChannel | undefined;
let watchers: FileSystemWatcher[] = [];
let reviewComments: ReviewComments | undefined;
let reviewAttachment: Disposable | undefined;
let queue: Promise<void> = Promise.resolve(); // serialises start/stop/restart

export async function activate(context: ExtensionContext): Promise<CisLensApi> {
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
  await enqueue(() => startClient(context));
  const comments = reviewComments;
  return { get client() { return client; }, review: { threadsFor: (uri) => comments.threadsFor(uri), statusText } };
}

export function deactivate(): Promise<void> {
  return enqueue(stopClient);
}

function registerCommands(context: ExtensionContext): void {
  context.subscriptions.push(
    commands.registerCommand('cisLens.restartServer', () => enqueue(() => restartClient(context))),
  );
}

function restartOnSettingChange(context: ExtensionContext): void {
  context.subscriptions.push(workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('cisLens.languages')) void enqueue(() => restartClient(context));
  }));
}

function enqueue(task: () => Promise<void>): Promise<void> {
  queue = queue.then(task, task);
  return queue;
}

function documentSelector(): DocumentFilter[] {
  const configured = workspace.getConfiguration('cisLens').get<unknown>('languages');
  const languages = Array.isArray(configured)
    ? configured.filter((id): id is string => typeof id === 'string' && id.length > 0)
    : DEFAULT_LANGUAGES;
  return [...new Set(languages)].flatMap((language) => [
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
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

async function startClient(context: ExtensionContext): Promise<void> {
  const serverPath = context.asAbsolutePath(SERVER_MODULE);
  try {
    if (!fs.existsSync(serverPath)) throw new Error(`server module not found at ${serverPath} (run "npm run build")`);
    client = createClient(context);
    await client.start();
    reviewAttachment = reviewComments?.attach(client);
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
