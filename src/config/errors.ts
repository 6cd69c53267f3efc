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
  const parts = [where];
  if (problem.key !== undefined && problem.key !== '') parts.push(problem.key);
  let text = problem.message;
  if (problem.hint) text += `${/[.?!]$/.test(text) ? '' : '.'} ${problem.hint}`;
  parts.push(text);
  return parts.join(': ');
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
