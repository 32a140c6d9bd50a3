// Checks a packaged extension (.vsix) the way the VS Code Marketplace and Open VSX will look at it, offline:
// the manifest fields both registries require or show (name, publisher id, version, engine, licence, icon,
// repository, bugs and homepage URLs), the files it names, source-map comments, and the README's images.
// `ovsx` has no offline check (its commands talk to the registry), hence this script.
//
//   node scripts/check-package.mjs [cis-lens.vsix]
//
// Prints one line per problem and exits 1 if there is any; `npm run package` runs it after `vsce package`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vsixPath = process.argv[2] ?? join(root, 'cis-lens.vsix');

/** The entries of a zip file: name → contents. Stored and deflated entries only (what vsce writes). */
function readZip(file) {
  const zip = readFileSync(file);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: damaged central directory`);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataStart, dataStart + size);
    if (method !== 0 && method !== 8) throw new Error(`${file}: ${name} uses zip method ${method}`);
    entries.set(name, method === 0 ? raw : inflateRawSync(raw));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const problems = [];
const problem = (message) => problems.push(message);

const ID = /^[a-z0-9][a-z0-9-]*$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const MARKETPLACE_CATEGORIES = new Set(['AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps',
  'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Other', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization']);
/** Hosts that are never a project's real home. */
const PLACEHOLDER_HOST = /(^|\.)(example\.(com|org|net)|example|invalid|localhost|test)$/i;

function checkUrl(field, value) {
  if (typeof value !== 'string' || value === '') return problem(`package.json: ${field} is missing`), undefined;
  let url;
  try {
    url = new URL(value.replace(/^git\+/, ''));
  } catch {
    return problem(`package.json: ${field} is not a URL: ${value}`), undefined;
  }
  if (url.protocol !== 'https:') problem(`package.json: ${field} must be an https URL: ${value}`);
  if (PLACEHOLDER_HOST.test(url.hostname)) problem(`package.json: ${field} points at a placeholder host: ${value}`);
  return url;
}

/** Width and height of a PNG, or undefined when the bytes are not one. */
function pngSize(bytes) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes || bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Files git tracks in this checkout (the README's images must be committed), or undefined outside git. */
function trackedFiles() {
  try {
    return new Set(execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean));
  } catch {
    return undefined;
  }
}

const entries = readZip(vsixPath);
const file = (p) => entries.get(`extension/${p.replace(/^\.\//, '')}`);
/** README and CHANGELOG: vsce stores them as readme.md and changelog.md. */
const doc = (name) => [...entries].find(([n]) => n.toLowerCase() === `extension/${name.toLowerCase()}`)?.[1];
const manifestBytes = file('package.json');
if (!manifestBytes) throw new Error(`${vsixPath} has no extension/package.json`);
if (!entries.has('extension.vsixmanifest')) problem('no extension.vsixmanifest (not made by vsce?)');
const manifest = JSON.parse(manifestBytes.toString('utf8'));

// The identity both registries use: publisher (Open VSX: namespace) . name, and a version.
if (!ID.test(manifest.name ?? '')) problem(`package.json: name must be lower-case letters, digits and hyphens: ${manifest.name}`);
if (!ID.test(manifest.publisher ?? '')) problem(`package.json: publisher must be a publisher id (lower-case letters, digits, hyphens): ${manifest.publisher}`);
if (!SEMVER.test(manifest.version ?? '')) problem(`package.json: version is not semver: ${manifest.version}`);
if (!manifest.engines?.vscode) problem('package.json: engines.vscode is missing');
for (const field of ['displayName', 'description', 'license']) if (!manifest[field]) problem(`package.json: ${field} is missing`);
if (![...entries.keys()].some((n) => /^extension\/LICEN[CS]E(\.(md|txt))?$/i.test(n))) problem('no LICENSE file in the package (Open VSX warns without one)');
// The bundled name and place data carry MIT and CC BY notices that must travel with it.
if (!entries.has('extension/THIRD-PARTY-NOTICES.md')) problem('no THIRD-PARTY-NOTICES.md in the package (the bundled data\'s licences require it)');
for (const c of manifest.categories ?? []) if (!MARKETPLACE_CATEGORIES.has(c)) problem(`package.json: unknown category "${c}"`);
if ((manifest.activationEvents ?? []).includes('*')) problem('package.json: activationEvents has "*" (activate on every start-up)');

// Links shown on the registry pages: all on the project's home, none a placeholder.
const repository = checkUrl('repository.url', typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url);
const bugs = checkUrl('bugs.url', typeof manifest.bugs === 'string' ? manifest.bugs : manifest.bugs?.url);
const homepage = checkUrl('homepage', manifest.homepage);
const home = repository ? `${repository.origin}${repository.pathname.replace(/\.git$/, '')}` : undefined;
for (const [field, url] of [['bugs.url', bugs], ['homepage', homepage]]) {
  if (home && url && !url.href.startsWith(home)) problem(`package.json: ${field} (${url.href}) is not under the repository (${home})`);
}

// Files the manifest names must be in the package.
const icon = manifest.icon ? pngSize(file(manifest.icon)) : undefined;
if (!manifest.icon) problem('package.json: icon is missing');
else if (!icon) problem(`icon ${manifest.icon} is not a PNG in the package`);
else if (icon.width < 128 || icon.height < 128) problem(`icon ${manifest.icon} is ${icon.width}×${icon.height}; the Marketplace wants at least 128×128`);
const named = [manifest.main, ...(manifest.contributes?.grammars ?? []).map((g) => g.path), ...(manifest.contributes?.jsonValidation ?? []).map((j) => j.url),
  ...(manifest.contributes?.languages ?? []).map((l) => l.configuration)].filter((p) => p && !/^https?:/.test(p));
for (const p of named) if (!file(p)) problem(`package.json names ${p}, which is not in the package`);
// Bundles started by path at run time, which the manifest does not name: the client starts the server, and the
// server starts its analysis worker thread from beside itself.
for (const p of ['dist/server.js', 'dist/analysisWorker.js']) if (!file(p)) problem(`${p} is not in the package (it is started at run time)`);
for (const name of ['README.md', 'CHANGELOG.md']) if (!doc(name)) problem(`no ${name} in the package`);

// A bundle that names a source map the package leaves out makes debuggers and error reporters look for it.
for (const [name, bytes] of entries) {
  if (!name.endsWith('.js')) continue;
  const tail = bytes.subarray(Math.max(0, bytes.length - 4096)).toString('utf8');
  for (const m of tail.matchAll(/\/\/# sourceMappingURL=(\S+)/g)) {
    if (m[1].startsWith('data:')) continue;
    const target = posix.join(posix.dirname(name), m[1]);
    if (!entries.has(target)) problem(`${name.replace(/^extension\//, '')} names the source map ${m[1]}, which is not in the package`);
  }
}

// README images: vsce rewrites relative paths onto the repository (raw files); each must be a committed file,
// so the page resolves once the repository is public, and never the e2e's output folder.
const readme = doc('README.md')?.toString('utf8') ?? '';
const images = [...readme.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)/g), ...readme.matchAll(/<img\b[^>]*\bsrc=["']([^"']+)["']/gi)].map((m) => m[1]);
const tracked = trackedFiles();
const rawBase = home ? `${home}/raw/` : undefined;
for (const src of images) {
  if (!src.startsWith('https://')) {
    problem(`README image ${src} is not an https URL after packaging (the registries show only https images)`);
    continue;
  }
  if (/\.svg(\?|#|$)/i.test(src)) problem(`README image ${src} is an SVG (the Marketplace refuses them)`);
  if (rawBase && src.startsWith(rawBase)) {
    const relative = decodeURIComponent(src.slice(rawBase.length).replace(/^[^/]+\//, '')); // drop the branch
    if (relative.startsWith('test-results/')) problem(`README image ${relative} is e2e output; use the committed copy under docs/`);
    const present = tracked ? tracked.has(relative) : existsSync(join(root, relative));
    if (!present) problem(`README image ${relative} is not ${tracked ? 'committed' : 'in the repository'}`);
  }
}

const size = statSync(vsixPath).size;
if (problems.length) {
  for (const p of problems) console.error(`check-package: ${p}`);
  console.error(`check-package: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${vsixPath}`);
  process.exitCode = 1;
} else {
  console.log(`check-package: ${vsixPath} OK (${manifest.publisher}.${manifest.name} ${manifest.version}, ${entries.size} files, ${(size / 1e6).toFixed(2)} MB, ${images.length} README images, icon ${icon.width}×${icon.height})`);
}
