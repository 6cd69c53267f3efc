import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../../src/config/errors.js';
import { settingsFromActionInputs } from '../../src/config/inputs.js';

/** Issue 15: the action reads config only from inside the checkout. */

const SECRET = 'aws_secret_access_key = do-not-quote-me';

async function checkoutWithOutsideFile() {
  const root = await mkdtemp(path.join(tmpdir(), 'ih-confine-'));
  const checkout = path.join(root, 'repo');
  await mkdir(path.join(checkout, '.github'), { recursive: true });
  const outside = path.join(root, 'credentials');
  // Not YAML a config would accept: reading it would quote it in a parse error.
  await writeFile(outside, `${SECRET}\n: [\n`);
  return { checkout, outside };
}

function load(checkout: string, config: string) {
  const inputs: Record<string, string> = {
    'api-key': 'ik_live_Zm9vYmFyYmF6cXV4',
    config,
    'create-issue': 'false',
  };
  return settingsFromActionInputs((name) => inputs[name] ?? '', { cwd: checkout, knownChecks: [] });
}

async function problemText(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ConfigError) return err.format();
    throw err;
  }
  throw new Error('expected a config error');
}

describe('config paths stay inside the checkout', () => {
  it('a symlink out of the checkout is refused with a clear error, nothing from it quoted', async () => {
    const { checkout, outside } = await checkoutWithOutsideFile();
    await symlink(outside, path.join(checkout, '.github', 'instantly-health.yml'));
    const text = await problemText(load(checkout, '.github/instantly-health.yml'));
    expect(text).toMatch(/resolves outside the repository checkout/);
    expect(text).not.toContain('do-not-quote-me');
  });

  it('an absolute path elsewhere is refused too', async () => {
    const { checkout, outside } = await checkoutWithOutsideFile();
    const text = await problemText(load(checkout, outside));
    expect(text).toMatch(/resolves outside the repository checkout/);
    expect(text).not.toContain('do-not-quote-me');
  });

  it('a symlink that stays inside the checkout is read', async () => {
    const { checkout } = await checkoutWithOutsideFile();
    await writeFile(path.join(checkout, 'health.yml'), 'issue:\n  blind_threshold: 5\n');
    await symlink(
      path.join(checkout, 'health.yml'),
      path.join(checkout, '.github', 'instantly-health.yml'),
    );
    const settings = await load(checkout, '.github/instantly-health.yml');
    expect(settings.tracking.config.blind_threshold).toBe(5);
  });
});
