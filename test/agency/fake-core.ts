/**
 * A stand-in for @actions/core that records what the action did: outputs, the summary, failures
 * and annotations. Install with `jest.unstable_mockModule('@actions/core', () => fakeCore.module)`
 * before importing the code under test.
 */
export interface Annotation {
  level: 'error' | 'warning';
  message: string;
  title?: string;
  file?: string;
  startLine?: number;
}

type Properties = { title?: string; file?: string; startLine?: number };

function annotation(level: Annotation['level'], message: string, props?: Properties): Annotation {
  return {
    level,
    message,
    ...(props?.title ? { title: props.title } : {}),
    ...(props?.file ? { file: props.file } : {}),
    ...(props?.startLine === undefined ? {} : { startLine: props.startLine }),
  };
}

export class FakeCore {
  inputs: Record<string, string> = {};
  outputs: Record<string, string> = {};
  summary = '';
  failed: string[] = [];
  annotations: Annotation[] = [];
  logs: string[] = [];

  reset(inputs: Record<string, string>): void {
    this.inputs = inputs;
    // The action reads its first inputs from the environment, as the runner passes them,
    // before it loads @actions/core (src/publish/runner-io.ts): set them there too.
    for (const name of Object.keys(process.env)) {
      if (name.startsWith('INPUT_')) Reflect.deleteProperty(process.env, name);
    }
    for (const [name, value] of Object.entries(inputs)) {
      process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    }
    this.outputs = {};
    this.summary = '';
    this.failed = [];
    this.annotations = [];
    this.logs = [];
  }

  readonly module = (() => {
    // As @actions/core: text is buffered, and write() appends it to the file (or replaces it).
    let buffer = '';
    const summary = {
      addRaw: (text: string) => {
        buffer += text;
        return summary;
      },
      emptyBuffer: () => {
        buffer = '';
        return summary;
      },
      write: (options?: { overwrite?: boolean }) => {
        this.summary = options?.overwrite ? buffer : this.summary + buffer;
        buffer = '';
        return Promise.resolve(summary);
      },
    };
    return {
      getInput: (name: string, options?: { trimWhitespace?: boolean }) => {
        const value = this.inputs[name] ?? '';
        return options?.trimWhitespace === false ? value : value.trim();
      },
      setSecret: () => undefined,
      info: (message: string) => this.logs.push(message),
      debug: () => undefined,
      warning: (message: string, props?: Properties) =>
        this.annotations.push(annotation('warning', message, props)),
      error: (message: string, props?: Properties) =>
        this.annotations.push(annotation('error', message, props)),
      setOutput: (name: string, value: unknown) => {
        this.outputs[name] = String(value);
      },
      setFailed: (message: string) => this.failed.push(message),
      summary,
    };
  })();
}
