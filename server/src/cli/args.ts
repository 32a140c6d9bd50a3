/** Command-line parsing for `cis-lens`: no dependencies, GNU-style `--flag value` and `--flag=value`. */
import { allRules, type RuleSetting } from '../core';

export type Command = 'check' | 'export' | 'help' | 'version';
export type CheckFormat = 'text' | 'json' | 'sarif';
export type ExportFormat = 'w3c' | 'brat' | 'jsonl' | 'csv';

export const CHECK_FORMATS: readonly CheckFormat[] = ['text', 'json', 'sarif'];
export const EXPORT_FORMATS: readonly ExportFormat[] = ['w3c', 'brat', 'jsonl', 'csv'];
export const DEFAULT_MAX_SIZE = 5_000_000;
/** More threads than this only add memory: each holds its own copy of the knowledge base. */
export const MAX_JOBS = 64;
/**
 * Without --jobs, a batch smaller than this runs on the main thread: a worker first loads the bundle and its own
 * knowledge base, which costs about as much as analysing this much text.
 */
export const PARALLEL_MIN_MB = 1;
const SETTINGS: readonly RuleSetting[] = ['off', 'hint', 'information', 'warning', 'error'];

export interface CliOptions {
  readonly command: Command;
  /** For `help`: the command help was asked about, if any. */
  readonly topic?: 'check' | 'export';
  readonly paths: readonly string[];
  readonly format?: string;
  readonly kb: readonly string[];
  readonly date?: string;
  readonly maxSize: number;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly noColor: boolean;
  readonly out?: string;
  /** `check --format json|sarif`: indent the report for people (default: compact, one article per line). */
  readonly pretty: boolean;
  /** `check`: how many worker threads analyse articles; undefined means "decide by the number of cores". */
  readonly jobs?: number;
}

/** A mistake on the command line: printed with a pointer to --help, exit status 2. */
export class UsageError extends Error {}

const VALUE_FLAGS = new Set(['-j', '--format', '--kb', '--date', '--max-size', '--rule', '--out', '--jobs']);

export function parseArgs(argv: readonly string[]): CliOptions {
  let command: Command | undefined;
  let topic: CliOptions['topic'];
  let wantHelp = false;
  let wantVersion = false;
  const paths: string[] = [];
  const kb: string[] = [];
  const rules: Record<string, RuleSetting> = {};
  let format: string | undefined;
  let date: string | undefined;
  let maxSize = DEFAULT_MAX_SIZE;
  let noColor = false;
  let out: string | undefined;
  let pretty = false;
  let jobs: number | undefined;
  let onlyPaths = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      if (command === undefined) {
        if (arg === 'check' || arg === 'export') command = topic = arg;
        else if (arg === 'help') wantHelp = true;
        else throw new UsageError(`Unknown command "${arg}". Use "cis-lens check <paths>" or "cis-lens export <paths> --format <format>".`);
      } else paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    let value: string | undefined;
    if (VALUE_FLAGS.has(flag)) {
      if (eq > 0 && arg.startsWith('--')) value = arg.slice(eq + 1);
      else {
        value = argv[++i];
        if (value === undefined) throw new UsageError(`${flag} needs a value.`);
      }
    } else if (eq > 0 && arg.startsWith('--')) {
      throw new UsageError(`${flag} does not take a value.`);
    }
    switch (flag) {
      case '-h':
      case '--help':
        wantHelp = true;
        break;
      case '-V':
      case '--version':
        wantVersion = true;
        break;
      case '--no-color':
        noColor = true;
        break;
      case '--pretty':
        pretty = true;
        break;
      case '-j':
      case '--jobs':
        jobs = parseJobs(value!);
        break;
      case '--format':
        format = value;
        break;
      case '--kb':
        kb.push(value!);
        break;
      case '--out':
        out = value;
        break;
      case '--date':
        date = parseDate(value!);
        break;
      case '--max-size':
        maxSize = parseSize(value!);
        break;
      case '--rule': {
        const [code, setting] = parseRule(value!);
        rules[code] = setting;
        break;
      }
      default:
        throw new UsageError(`Unknown option ${flag}.`);
    }
  }

  if (wantHelp) return { command: 'help', topic, paths, kb, rules, maxSize, noColor, pretty };
  if (wantVersion) return { command: 'version', paths, kb, rules, maxSize, noColor, pretty };
  if (command === undefined) return { command: 'help', paths, kb, rules, maxSize, noColor, pretty };
  if (paths.length === 0) throw new UsageError(`"cis-lens ${command}" needs at least one file or folder.`);
  if (command === 'check') {
    if (format !== undefined && !(CHECK_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`Unknown check format "${format}": use ${CHECK_FORMATS.join(', ')}.`);
    }
    if (out !== undefined) throw new UsageError('--out is for "cis-lens export"; redirect the output of check instead.');
    if (pretty && (format ?? 'text') === 'text') throw new UsageError('--pretty indents --format json or sarif; the text report is already for people.');
  } else {
    if (pretty) throw new UsageError('--pretty is for "cis-lens check --format json|sarif".');
    if (jobs !== undefined) throw new UsageError('--jobs is for "cis-lens check".');
    if (format === undefined) throw new UsageError(`"cis-lens export" needs --format (${EXPORT_FORMATS.join(', ')}).`);
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown export format "${format}": use ${EXPORT_FORMATS.join(', ')}.`);
    if (format === 'brat' && out === undefined) throw new UsageError('--format brat writes several files: give a folder with --out.');
  }
  return { command, paths, format, kb, date, maxSize, rules, noColor, out, pretty, ...(jobs === undefined ? {} : { jobs }) };
}

function parseDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : undefined;
  if (!d || d.toISOString().slice(0, 10) !== value) throw new UsageError(`--date must be a real date written YYYY-MM-DD, not "${value}".`);
  return value;
}

function parseSize(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--max-size must be a positive whole number of characters, not "${value}".`);
  return Number(value);
}

function parseJobs(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_JOBS) throw new UsageError(`--jobs must be a whole number from 1 to ${MAX_JOBS}, not "${value}".`);
  return Number(value);
}

function parseRule(value: string): [string, RuleSetting] {
  const eq = value.indexOf('=');
  const code = eq < 0 ? '' : value.slice(0, eq).trim();
  const setting = (eq < 0 ? '' : value.slice(eq + 1).trim()) as RuleSetting;
  if (!code || !SETTINGS.includes(setting)) {
    throw new UsageError(`--rule takes <code>=<severity> with severity one of ${SETTINGS.join(', ')} (got "${value}").`);
  }
  if (!allRules.some((r) => r.code === code)) {
    throw new UsageError(`Unknown rule "${code}". Rules: ${allRules.map((r) => r.code).join(', ')}.`);
  }
  return [code, setting];
}

export function helpText(version: string, topic?: 'check' | 'export'): string {
  const rules = allRules.map((r) => `  ${r.code.padEnd(20)} ${r.defaultSeverity.padEnd(12)} ${r.description}`).join('\n');
  const common = `  --kb <dir|file>            Extra knowledge-base JSON (a file, or a folder of *.json); repeatable.
                             Loaded after the built-in KB; an entity with the same id replaces it.
  --date YYYY-MM-DD          The articles' date: overrides any date guessed from the text (not front matter).
  --max-size <chars>         Skip articles longer than this (default ${DEFAULT_MAX_SIZE}).
  --rule <code>=<severity>   Severity for a rule: off, hint, information, warning, error; repeatable.`;
  const check = `cis-lens check <files or folders> [options]

  Analyses articles (*.txt, *.md, *.markdown, *.article; folders are searched recursively, skipping
  node_modules and dot-folders) and reports entities, quotes and findings. Reviewer annotations in
  <article>.annotations.json are applied, as in the editor.

  --format text|json|sarif   Report format (default text). json and sarif are compact (json: one line per
                             article), written as the articles are analysed.
  --pretty                   Indent json or sarif for reading.
  -j, --jobs <n>             Analyse with n worker threads (default: the number of cores; a batch under
                             ${PARALLEL_MIN_MB} MB runs on the main thread). The report keeps the command line's order.
  --no-color                 No ANSI colours (colour is used only when stdout is a terminal).
${common}

  Exit status: 0 no error-level findings, 1 at least one error-level finding,
               2 a path could not be read or the command line is wrong.`;
  const exp = `cis-lens export <files or folders> --format w3c|brat|jsonl|csv [--out <dir|file>] [options]

  Exports the analysis and the reviewer annotations of the articles.
    w3c    one W3C Web Annotation collection (JSON)
    jsonl  one JSON object per article per line
    csv    one row per claim and per finding, with the reviewer's verdict
    brat   <out>/<name>.ann + <name>.txt per article and <out>/annotation.conf (needs --out;
           offsets are Unicode code points, as brat counts them)
  Without --out the single-file formats are written to stdout. --out may name a file or an existing
  folder (the file is then cis-lens.w3c.json, cis-lens.jsonl or cis-lens.csv).

  --format w3c|brat|jsonl|csv   Export format (required).
  --out <dir|file>              Where to write (required for brat).
${common}

  Exit status: 0 written, 2 a path could not be read or written, or the command line is wrong.`;
  if (topic === 'check') return check + '\n';
  if (topic === 'export') return exp + '\n';
  return `cis-lens ${version}: entities, quotes and check-worthy claims in English news about the CIS.

Usage:
  cis-lens check <files or folders> [--format text|json|sarif] [--pretty] [--jobs <n>] [--kb <dir|file>]
                 [--date YYYY-MM-DD] [--max-size <chars>] [--rule <code>=<severity>] [--no-color]
  cis-lens export <files or folders> --format w3c|brat|jsonl|csv [--out <dir|file>] [same options]
  cis-lens --help | <command> --help | --version

${check}

${exp}

Rules (code, default severity, description):
${rules}
`;
}
