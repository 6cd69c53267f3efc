import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const BIN = fileURLToPath(new URL('../../bin/instantly-health.js', import.meta.url));

describe('the instantly-health command', () => {
  it('refuses an old Node.js with a message that says what to install, before loading the bundle', () => {
    const pretend20 =
      'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.20.2"})';
    const run = spawnSync(process.execPath, ['--import', pretend20, BIN, '--version'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('needs Node.js 24 or newer');
    expect(run.stdout).toBe('');
  });

  it('runs the committed CLI bundle on Node 24', () => {
    const run = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
