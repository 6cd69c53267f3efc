import type { SuiteName } from '../model/report.js';

export interface ProgressSink {
  update(suite: SuiteName, done: number, total: number): void;
  /** Clears the line so the report starts on a clean terminal. */
  end(): void;
}

/**
 * Live progress on one terminal line (stderr only, so stdout stays the report): every suite's
 * done / total, redrawn in place. Off when stderr is not a terminal or NO_COLOR is set.
 */
export function terminalProgress(stream: NodeJS.WriteStream): ProgressSink {
  const state = new Map<SuiteName, string>();
  let drawn = false;
  return {
    update(suite, done, total) {
      state.set(suite, `${suite} ${done}/${total}`);
      stream.write(`\r\x1b[2K${[...state.values()].join('  ')}`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}

export const silentProgress: ProgressSink = { update() {}, end() {} };

export function progressFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): ProgressSink {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return stream.isTTY && !noColor ? terminalProgress(stream) : silentProgress;
}
