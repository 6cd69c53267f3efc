import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { changelogSection } from '../scripts/changelog.js';

/**
 * What the Marketplace release form and `npm publish` check, checked before they do: a release
 * that the form rejects, or a package that drags its bundled dependencies along, is found here.
 * The installed package itself is exercised by `npm run test:pack` (needs a build).
 */
const read = (name: string) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');

interface ActionYaml {
  name: string;
  description: string;
  author?: string;
  branding?: { icon?: string; color?: string };
  inputs: Record<string, { description: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

interface PackageJson {
  name: string;
  version: string;
  license: string;
  repository: { url: string };
  homepage: string;
  bugs: { url: string };
  keywords: string[];
  files: string[];
  engines: { node: string };
  bin: Record<string, string>;
  scripts: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
}

const action = parse(read('action.yml')) as ActionYaml;
const pkg = JSON.parse(read('package.json')) as PackageJson;
const readme = read('README.md');
const REPO = 'github.com/instantly-health/instantly-health';

describe('action.yml passes the Marketplace checks', () => {
  it('has a description of at most 125 characters', () => {
    expect(action.description.length).toBeGreaterThan(0);
    expect(action.description.length).toBeLessThanOrEqual(125);
  });

  it('has branding with a colour the Marketplace accepts and an icon', () => {
    expect(action.branding?.icon).toMatch(/^[a-z0-9-]+$/);
    expect([
      'white',
      'black',
      'yellow',
      'blue',
      'green',
      'orange',
      'red',
      'purple',
      'gray-dark',
    ]).toContain(action.branding?.color);
  });

  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('documents every input and output in the README tables', () => {
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect(readme).toContain(`| \`${name}\` |`);
    }
    for (const spec of [...Object.values(action.inputs), ...Object.values(action.outputs)]) {
      expect(spec.description.trim()).not.toBe('');
    }
  });

  it('ships a LICENSE that matches package.json', () => {
    expect(pkg.license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License\n/);
  });
});

describe('package.json for npm', () => {
  it('names the repository the README links to', () => {
    expect(pkg.repository.url).toContain(REPO);
    expect(pkg.homepage).toContain(REPO);
    expect(pkg.bugs.url).toBe(`https://${REPO}/issues`);
    expect(readme).toContain('uses: instantly-health/instantly-health@v1');
    expect(pkg.keywords).toEqual(expect.arrayContaining(['instantly', 'github-action', 'cli']));
  });

  it('has no runtime dependencies: the CLI bundle carries them', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    // The bundled runtime packages are build inputs now.
    for (const bundled of ['@actions/core', '@actions/github', 'undici', 'yaml', 'zod']) {
      expect(Object.keys(pkg.devDependencies)).toContain(bundled);
    }
  });

  it('publishes the CLI bundle, bin/ and the schemas, without source maps', () => {
    expect(pkg.files).toEqual(expect.arrayContaining(['bin', 'dist/cli', 'schema', '!**/*.map']));
    expect(pkg.files).not.toContain('dist');
    expect(pkg.bin).toEqual({ 'instantly-health': 'bin/instantly-health.js' });
    expect(pkg.scripts.build).toMatch(/ncc build src\/cli\.ts -o dist\/cli(?![^&]*--source-map)/);
  });

  it('allows the Node versions the bin guard allows (22.19+)', () => {
    expect(pkg.engines.node).toBe('>=22.19');
    expect(read('bin/instantly-health.js')).toContain('minor < 19');
  });

  it('builds and tests before publishing', () => {
    expect(pkg.scripts.prepublishOnly).toContain('npm run build');
    expect(pkg.scripts.prepublishOnly).toContain('npm run test:all');
    expect(pkg.scripts.prepublishOnly).toContain('npm run test:pack');
  });

  it("the README's CLI section starts with the npx demo", () => {
    const cli = readme.slice(readme.indexOf('## CLI and demo'));
    expect(/```sh\n([^\n]*)/.exec(cli)?.[1]).toMatch(/^npx instantly-health@latest demo\b/);
  });
});

describe('release notes', () => {
  it("the current version has a changelog section (the release workflow's notes)", () => {
    expect(changelogSection(readme, pkg.version)).toMatch(/\S/);
  });

  it('a version without a section has no notes, so the release fails instead of going out empty', () => {
    expect(changelogSection(readme, '99.0.0')).toBeUndefined();
    expect(changelogSection('## Changelog\n\n### 1.0.0\n\nFirst.\n', '1.0.0')).toBe('First.\n');
    expect(
      changelogSection('## Changelog\n\n### 1.1.0\n\nSecond.\n\n### 1.0.0\n\nFirst.\n', '1.1.0'),
    ).toBe('Second.\n');
    expect(changelogSection('## Changelog\n\n### 1.0.10\n\nTenth.\n', '1.0.1')).toBeUndefined();
  });
});

describe('the release workflow', () => {
  const release = read('.github/workflows/release.yml');
  it('runs on vX.Y.Z tags, checks dist/, publishes the notes and moves the major tag', () => {
    const workflow = parse(release) as { on: { push: { tags: string[] } } };
    expect(workflow.on.push.tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+']);
    expect(release).toContain('git status --porcelain -- dist');
    expect(release).toContain('scripts/changelog.ts');
    expect(release).toContain('gh release create');
    expect(release).toMatch(/major="\$\{TAG%%\.\*\}"/);
    expect(release).toContain('git push --force origin "refs/tags/$major"');
  });
});
