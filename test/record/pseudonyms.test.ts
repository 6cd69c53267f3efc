import { describe, expect, it } from '@jest/globals';
import { pathTemplate } from '../../src/record/path-template.js';
import { createPseudonymiser } from '../../src/record/pseudonyms.js';

describe('pseudonyms', () => {
  it('gives the same address the same pseudonym everywhere, whatever its case', () => {
    const p = createPseudonymiser();
    const texts = [
      '{"email":"Ann.Lee@Acme-Mail.io","tags":["x"]}',
      'GET /accounts/ann.lee@acme-mail.io',
      '{"from":"bob@acme-mail.io","to":"ann.lee@acme-mail.io"}',
    ];
    for (const t of texts) p.collect(t);
    const [a, b, c] = texts.map((t) => p.apply(t));
    const ann = /person\d+@domain\d+\.example/.exec(a ?? '')?.[0];
    expect(ann).toBeDefined();
    expect(b).toBe(`GET /accounts/${ann ?? ''}`);
    expect(c).toContain(`"to":"${ann ?? ''}"`);
    // Two senders of one domain keep sharing a domain.
    expect(c).toMatch(/"from":"person\d+@(domain\d+\.example)","to":"person\d+@\1"/);
    expect(texts.map((t) => p.apply(t)).join('')).not.toMatch(/acme|ann|bob/i);
  });

  it('replaces domains named in URLs and domain fields, subdomains included', () => {
    const p = createPseudonymiser();
    const text =
      '{"tracking_domain_name":"track.acme.io","target":"https://hooks.acme.io/x","note":"see www.track.acme.io"}';
    p.collect(text);
    p.collect('{"domain":"acme.io"}');
    const out = p.apply(text);
    expect(out).not.toMatch(/acme/);
    expect(out).toMatch(/"target":"https:\/\/domain\d+\.example\/x"/);
  });

  it('keeps public names the report links to, and leaves other text alone', () => {
    const p = createPseudonymiser();
    const text = 'https://app.instantly.ai/app/campaigns report.json v1.2.3 Hello.Thanks';
    p.collect(text);
    expect(p.apply(text)).toBe(text);
  });
});

describe('path templates', () => {
  it('replaces ids (uuids, emails, numbers) and keeps the API’s words', () => {
    expect(pathTemplate('/campaigns/0199e5c4-aa/sending-status')).toBe(
      '/campaigns/{id}/sending-status',
    );
    expect(pathTemplate('/accounts/person1@domain1.example')).toBe('/accounts/{id}');
    expect(pathTemplate('/accounts/test/vitals')).toBe('/accounts/test/vitals');
    expect(pathTemplate('/workspace-billing/plan-details')).toBe('/workspace-billing/plan-details');
  });
});
