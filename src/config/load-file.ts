import { readFile as fsReadFile, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { checkIdIssues } from './check-ids.js';
import { ConfigError, type ConfigProblem } from './errors.js';
import { describeIssues, dropEmptySections, formatKeyPath, type PathIssue } from './issues.js';
import { ConfigFile } from './schema.js';
import { locate } from './yaml-locate.js';

export type ReadFile = (path: string) => Promise<string>;

export type ConfigResult =
  { ok: true; config: ConfigFile } | { ok: false; problems: ConfigProblem[] };

/**
 * Parses and validates the text of a config file. `source` names the file in messages (the path
 * as the user wrote it, so it matches what they see in their repository). Every problem is
 * returned, each with its line, column and key path.
 */
export function parseConfigText(
  text: string,
  source: string,
  knownChecks?: readonly string[],
): ConfigResult {
  const lineCounter = new LineCounter();
  // logLevel 'error': problems are reported through doc.errors, never as process warnings on stderr.
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: true,
    uniqueKeys: true,
    logLevel: 'error',
  });

  if (doc.errors.length > 0) {
    // A broken document has no trustworthy structure to validate: report the syntax only.
    return {
      ok: false,
      problems: doc.errors.map((err) => {
        const pos = err.linePos?.[0];
        return {
          source,
          line: pos?.line,
          column: pos?.col,
          message: `invalid YAML: ${yamlReason(err.message)}`,
        };
      }),
    };
  }

  let data: unknown;
  try {
    data = doc.toJS();
  } catch (err) {
    // yaml refuses documents whose aliases expand without bound ("billion laughs").
    return {
      ok: false,
      problems: [{ source, message: `invalid YAML: ${(err as Error).message}` }],
    };
  }
  // An empty file, or one with only comments, means "all defaults".
  if (data === null || data === undefined) data = {};
  data = dropEmptySections(data, ConfigFile);

  const parsed = ConfigFile.safeParse(data);
  const issues: PathIssue[] = [
    ...(parsed.success ? [] : describeIssues(parsed.error.issues, data, ConfigFile)),
    ...checkIdIssues(data, knownChecks),
  ];
  if (parsed.success && issues.length === 0) return { ok: true, config: parsed.data };

  const problems = issues.map((issue): ConfigProblem => {
    const pos = locate(doc, lineCounter, issue.path, issue.target);
    const problem: ConfigProblem = {
      source,
      line: pos?.line,
      column: pos?.column,
      key: formatKeyPath(issue.path),
      message: issue.message,
    };
    if (issue.hint !== undefined) problem.hint = issue.hint;
    return problem;
  });
  // Read top to bottom, like the file.
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { ok: false, problems };
}

/** "Map keys must be unique at line 4, column 1:\n\n<excerpt>" → "Map keys must be unique". */
function yamlReason(message: string): string {
  const firstLine = message.split('\n', 1)[0] ?? message;
  return firstLine.replace(/ at line \d+, column \d+:?$/, '').replace(/:$/, '');
}

export interface LoadOptions {
  /** Relative paths are resolved against it (the repository checkout for the action). */
  cwd: string;
  /** A file the user named must exist; the default path may be missing (all defaults then). */
  required: boolean;
  /** Check ids `severity` and `ignore` may name; default: the catalogue (src/model/checks.ts). */
  knownChecks?: readonly string[];
  readFile?: ReadFile;
  /**
   * The file must resolve, symlinks followed, inside `cwd` (the action's checkout): a symlink
   * out of it would let a pull request make the action read, and quote in annotations, any file
   * the runner can read.
   */
  confine?: boolean;
}

export type LoadResult =
  { ok: true; config: ConfigFile; found: boolean } | { ok: false; problems: ConfigProblem[] };

/** Reads and validates a config file, reporting problems instead of throwing them. */
export async function readConfigFile(path: string, options: LoadOptions): Promise<LoadResult> {
  const read = options.readFile ?? ((p: string) => fsReadFile(p, 'utf8'));
  const fullPath = isAbsolute(path) ? path : resolve(options.cwd, path);
  if (options.confine && !(await isInside(fullPath, options.cwd))) {
    return {
      ok: false,
      problems: [
        {
          source: path,
          message:
            'resolves outside the repository checkout (an absolute path elsewhere, or a symlink out of it); it was not read',
          hint: 'Keep the config file in the repository, as a regular file, e.g. .github/instantly-health.yml.',
        },
      ],
    };
  }
  let text: string;
  try {
    text = await read(fullPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !options.required) {
      return { ok: true, config: ConfigFile.parse({}), found: false };
    }
    return { ok: false, problems: [readProblem(path, code, err)] };
  }
  const result = parseConfigText(text, path, options.knownChecks);
  return result.ok ? { ok: true, config: result.config, found: true } : result;
}

/** Whether `file`, symlinks resolved, lies inside `root`; a missing file is left to the read. */
async function isInside(file: string, root: string): Promise<boolean> {
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return true;
  }
  const base = await realpath(root).catch(() => resolve(root));
  const rel = relative(base, real);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** Like `readConfigFile`, but throws a `ConfigError`. */
export async function loadConfigFile(
  path: string,
  options: LoadOptions,
): Promise<{ config: ConfigFile; found: boolean }> {
  const result = await readConfigFile(path, options);
  if (!result.ok) throw new ConfigError(result.problems);
  return { config: result.config, found: result.found };
}

function readProblem(path: string, code: string | undefined, err: unknown): ConfigProblem {
  switch (code) {
    case 'ENOENT':
      return {
        source: path,
        message: 'config file not found',
        hint: 'Check the path (relative to the repository root), or remove the setting to use the defaults.',
      };
    case 'EISDIR':
      return { source: path, message: 'is a directory, not a config file' };
    case 'EACCES':
    case 'EPERM':
      return { source: path, message: 'cannot read the config file: permission denied' };
    default:
      return {
        source: path,
        message: `cannot read the config file: ${err instanceof Error ? err.message : String(err)}`,
      };
  }
}
