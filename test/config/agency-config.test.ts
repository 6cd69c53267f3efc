import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../../src/config/errors.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { configJsonSchema } from '../../src/config/json-schema.js';
import { parseConfigText } from '../../src/config/load-file.js';

const FILE = '.github/instantly-health.yml';

function parse(text: string) {
  const result = parseConfigText(text, FILE, []);
  if (!result.ok) throw new Error(new ConfigError(result.problems).format());
  return result.config;
}

function errorsOf(text: string): string {
  const result = parseConfigText(text, FILE, []);
  if (result.ok) throw new Error('expected the config to be rejected');
  return new ConfigError(result.problems).format();
}

describe('workspaces', () => {
  it('is empty by default: the key checks its own workspace', () => {
    expect(parse('').workspaces).toEqual([]);
  });

  it('lists sub-workspaces by id, with an optional name', () => {
    expect(
      parse('workspaces:\n  - { id: ws-a, name: Client A }\n  - id: ws-b\n').workspaces,
    ).toEqual([{ id: 'ws-a', name: 'Client A' }, { id: 'ws-b' }]);
  });

  it('rejects a workspace listed twice, naming the line', () => {
    expect(errorsOf('workspaces:\n  - id: ws-a\n  - id: ws-a\n')).toMatch(
      /:3:\d+: workspaces\[1\]\.id: workspace 'ws-a' is listed twice/,
    );
  });

  it('rejects an id with spaces and suggests the nearest key for a typo', () => {
    const text = errorsOf('workspaces:\n  - { id: "ws a", nmae: A }\n');
    expect(text).toMatch(/workspaces\[0\]\.id: a workspace id is printable ASCII/);
    expect(text).toMatch(/workspaces\[0\]\.nmae: unknown key; did you mean "name"\?/);
  });
});

describe('remediate', () => {
  it('does nothing by default', () => {
    expect(parse('').remediate).toEqual({ actions: [], dry_run: true });
  });

  it('takes a list as shorthand, and a list alone only reports (dry-run)', () => {
    expect(parse('remediate: [resume-webhooks]\n').remediate).toEqual({
      actions: ['resume-webhooks'],
      dry_run: true,
    });
  });

  it('acts only when dry_run is false, written out', () => {
    expect(
      parse('remediate:\n  actions: [resume-webhooks, resume-webhooks]\n  dry_run: false\n')
        .remediate,
    ).toEqual({ actions: ['resume-webhooks'], dry_run: false });
  });

  it('rejects an unknown action and an unknown key with the path', () => {
    expect(errorsOf('remediate: [delete-everything]\n')).toMatch(/remediate\.actions\[0\]/);
    expect(errorsOf('remediate: { action: [resume-webhooks] }\n')).toMatch(
      /remediate\.action: unknown key; did you mean "actions"\?/,
    );
    expect(errorsOf('remediate: { dry_run: "no" }\n')).toMatch(
      /remediate\.dry_run: expected true or false/,
    );
  });
});

describe('the JSON schema for editors', () => {
  const validate = new Ajv2020({ strict: false }).compile(configJsonSchema());

  it('offers both shapes of remediate, and the workspaces list', () => {
    expect(validate({ remediate: ['resume-webhooks'] })).toBe(true);
    expect(validate({ remediate: { actions: ['resume-webhooks'], dry_run: false } })).toBe(true);
    expect(validate({ remediate: ['delete-everything'] })).toBe(false);
    expect(validate({ remediate: { action: [] } })).toBe(false);
    expect(validate({ workspaces: [{ id: 'ws-a', name: 'A' }] })).toBe(true);
    expect(validate({ workspaces: [{ name: 'A' }] })).toBe(false);
  });
});
