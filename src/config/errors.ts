/**
 * Configuration problems: bad action inputs, CLI flags, environment or config file. They are
 * collected (never only the first) and thrown together as one `ConfigError` before any client
 * exists, so bad input never sends a request. The action reports them as a `failed` run; the CLI
 * exits 2.
 */

export interface ConfigProblem {
  /** Where the value came from: a file path, `input api-key`, `--timeout`, `INSTANTLY_API_KEY`. */
  source: string;
  /** 1-based, for problems inside a file. */
  line?: number;
  /** 1-based, for problems inside a file. */
  column?: number;
  /** Key path inside the file, e.g. `campaigns.bounce_rate.warning` or `ignore[0].until`. */
  key?: string;
  /** What is wrong. Never contains the API key. */
  message: string;
  /** How to fix it, when the message alone does not say. */
  hint?: string;
}

/** `file:7:5: campaigns.bounce_rate.warnig: unknown key; did you mean "warning"?` */
export function formatProblem(problem: ConfigProblem): string {
  let where = problem.source;
  if (problem.line !== undefined) {
    where += `:${problem.line}`;
    if (problem.column !== undefined) where += `:${problem.column}`;
  }
  return `${where}: ${problemText(problem)}`;
}

/** The problem without its location: `key: message. Hint.` */
function problemText(problem: ConfigProblem): string {
  let text = problem.message;
  if (problem.hint) text += `${/[.?!]$/.test(text) ? '' : '.'} ${problem.hint}`;
  return problem.key ? `${problem.key}: ${text}` : text;
}

export class ConfigError extends Error {
  readonly problems: ConfigProblem[];

  constructor(problems: ConfigProblem[]) {
    super(formatProblems(problems));
    this.name = 'ConfigError';
    this.problems = problems;
  }

  /** One problem per line, readable by a person. */
  format(): string {
    return formatProblems(this.problems);
  }
}

/**
 * A command line that cannot be understood (unknown command or flag, missing value). The CLI
 * prints the usage after it; it exits 2 like any configuration error.
 */
export class UsageError extends ConfigError {
  constructor(problems: ConfigProblem[]) {
    super(problems);
    this.name = 'UsageError';
  }
}

/**
 * For `core.error(message, properties)` in the action: a problem inside a file becomes an
 * annotation on its line (the path is relative to the workspace, as GitHub expects); others are
 * plain error lines titled with their source. Plain data, so this module stays free of
 * @actions/* (the CLI bundle does not carry it).
 */
export function annotationOf(problem: ConfigProblem): {
  message: string;
  properties: { title: string; file?: string; startLine?: number; startColumn?: number };
} {
  const title = `instantly-health: ${problem.source}`;
  if (problem.line === undefined) return { message: formatProblem(problem), properties: { title } };
  const properties: { title: string; file: string; startLine: number; startColumn?: number } = {
    title,
    file: problem.source,
    startLine: problem.line,
  };
  if (problem.column !== undefined) properties.startColumn = problem.column;
  return { message: problemText(problem), properties };
}

function formatProblems(problems: readonly ConfigProblem[]): string {
  return problems.map(formatProblem).join('\n');
}

/** Accumulates problems so that every one is reported, then throws them together. */
export class Problems {
  readonly list: ConfigProblem[] = [];

  add(problem: ConfigProblem): void {
    this.list.push(problem);
  }

  addAll(problems: readonly ConfigProblem[]): void {
    this.list.push(...problems);
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** Throws a `ConfigError` (or the given subclass) when any problem was collected. */
  throwIfAny(ErrorClass: new (problems: ConfigProblem[]) => ConfigError = ConfigError): void {
    if (this.list.length > 0) throw new ErrorClass([...this.list]);
  }
}
