import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const BIN = fileURLToPath(new URL('../../bin/instantly-health.js', import.meta.url));

describe('the instantly-health command', () => {
  /** Runs the command with `process.versions.node` made to read `version`. */
  const runAs = (version: string) =>
    spawnSync(
      process.execPath,
      [
        '--import',
        `data:text/javascript,Object.defineProperty(process.versions,"node",{value:"${version}"})`,
        BIN,
        '--version',
      ],
      { encoding: 'utf8' },
    );

  it.each(['20.20.2', '22.18.0'])(
    'refuses Node.js %s with a message that says what to install, before loading the bundle',
    (version) => {
      const run = runAs(version);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('needs Node.js 22.19 or newer');
      expect(run.stdout).toBe('');
    },
  );

  it('lets Node.js 22.19 through to the bundle (undici 8 floor; the real Node 22 run is npm run test:pack)', () => {
    const run = runAs('22.19.0');
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('runs the committed CLI bundle on Node 24', () => {
    const run = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
