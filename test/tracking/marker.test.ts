import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readMarker, serializeMarker, type TrackingState } from '../../src/tracking/marker.js';

const state: TrackingState = {
  workspaceId: 'ws-0199',
  outageStartedAt: '2026-11-30T06:00:00.000Z',
  passingRuns: 0,
  findings: {
    'campaign.status:campaign:A': {
      check: 'campaign.status',
      suite: 'campaigns',
      severity: 'error',
      resource: { type: 'campaign', id: 'A', name: 'Evil --> <!-- name' },
      firstSeen: '2026-11-30T06:00:00.000Z',
      errorRuns: 1,
      cleanRuns: 0,
      confirmed: true,
    },
  },
};

describe('marker', () => {
  it('round-trips the state through an issue body', () => {
    const body = `## Status\n\nsome text\n\n${serializeMarker(state)}`;
    expect(readMarker(body)).toEqual({ present: true, state, workspaceId: 'ws-0199' });
  });

  it('never lets a string end the HTML comment early', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (name) => {
        const s = structuredClone(state);
        const entry = s.findings['campaign.status:campaign:A'];
        if (entry) entry.resource.name = name;
        const marker = serializeMarker(s);
        const inner = marker.slice('<!-- '.length, -' -->'.length);
        expect(inner).not.toContain('-->');
        expect(inner).not.toContain('<!--');
        expect(inner).not.toContain('--!>');
        expect(readMarker(`text ${marker}`).state).toEqual(s);
      }),
    );
  });

  it('carries no bare @mention or #reference from API text', () => {
    const s = structuredClone(state);
    const entry = s.findings['campaign.status:campaign:A'];
    if (entry) entry.resource.name = 'ping @octocat about #1 and org/repo#2';
    const marker = serializeMarker(s);
    expect(marker).not.toMatch(/[@#]/);
    expect(readMarker(`text ${marker}`).state).toEqual(s);
  });

  it.each([
    ['missing', 'Just text a person wrote', /no tracking state/],
    ['truncated', `body ${serializeMarker(state).slice(0, 60)}`, /cut off/],
    [
      'edited into bad JSON',
      serializeMarker(state).replace('"passingRuns":0', '"passingRuns":'),
      /not valid JSON/,
    ],
    [
      'edited into a wrong shape',
      serializeMarker(state).replace('"passingRuns":0', '"passingRuns":"many"'),
      /passingRuns/,
    ],
    [
      'from a future version',
      serializeMarker(state).replace('state v1 ', 'state v7 '),
      /newer version.*v7/,
    ],
  ])('a %s marker reads as empty state with a warning', (_name, body, warning) => {
    const reading = readMarker(body);
    expect(reading.state).toBeNull();
    expect(reading.warning).toMatch(warning);
  });

  it('reads anything a person could type without throwing', () => {
    const marker = serializeMarker(state);
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.nat(marker.length),
        fc.string(),
        (text, cut, insert) => {
          for (const body of [text, marker.slice(0, cut) + insert + marker.slice(cut)]) {
            const reading = readMarker(body);
            expect(reading.state !== null || reading.warning !== undefined).toBe(true);
          }
        },
      ),
    );
  });

  it('rejects an edited date rather than render nonsense durations', () => {
    const reading = readMarker(
      serializeMarker(state).replace(
        '"firstSeen":"2026-11-30T06:00:00.000Z"',
        '"firstSeen":"yesterday"',
      ),
    );
    expect(reading.state).toBeNull();
    expect(reading.warning).toMatch(/firstSeen/);
  });

  it('still names the workspace when a future version wrote the marker', () => {
    const reading = readMarker(serializeMarker(state).replace('state v1 ', 'state v2 '));
    expect(reading.workspaceId).toBe('ws-0199');
  });

  it('reads the last marker when a person pasted an old one above it', () => {
    const old = serializeMarker({ ...state, passingRuns: 5 });
    const reading = readMarker(`${old}\n\ntext\n\n${serializeMarker(state)}`);
    expect(reading.state?.passingRuns).toBe(0);
  });
});
