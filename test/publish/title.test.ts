import { describe, expect, it } from '@jest/globals';
import { ISSUE_TITLE_MAX, issueTitle } from '../../src/publish/publish.js';

describe('the tracking issue title', () => {
  it('is issue-title as given for one workspace, and names each workspace in an agency run', () => {
    expect(issueTitle(undefined, 'Acme', false)).toBe('Instantly health: Acme');
    expect(issueTitle('Outbound health', 'Acme', false)).toBe('Outbound health');
    expect(issueTitle(undefined, 'Acme', true)).toBe('Instantly health: Acme');
    expect(issueTitle('Outbound health', 'Acme', true)).toBe('Outbound health (Acme)');
  });

  it.each([false, true])('is capped at GitHub’s 256 characters (agency run: %s)', (agency) => {
    const title = issueTitle(undefined, 'x'.repeat(400), agency);
    expect(title).toHaveLength(ISSUE_TITLE_MAX);
    expect(title.startsWith('Instantly health: xxx')).toBe(true);
  });

  it('never cuts an emoji in half at the cap', () => {
    // "Instantly health: " is 18 characters; the 256th falls on the first half of a 😀.
    const name = `${'x'.repeat(ISSUE_TITLE_MAX - 18 - 1)}😀😀`;
    const title = issueTitle(undefined, name, false);
    expect(title).toHaveLength(ISSUE_TITLE_MAX - 1);
    expect(title.endsWith('x')).toBe(true);
  });
});
