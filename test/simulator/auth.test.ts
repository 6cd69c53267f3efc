import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { call, FIXED_NOW } from './helpers.js';

describe('auth like Instantly', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'healthy', now: FIXED_NOW });
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('serves a valid key its own workspace', async () => {
    const result = await call(sim, '/workspaces/current');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ id: sim.data.workspace.workspace.id });
  });

  it('answers 401 for a missing, unknown or revoked key', async () => {
    expect((await call(sim, '/campaigns', { key: null })).body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Missing Authorization header',
    });
    expect((await call(sim, '/campaigns', { key: 'sim_unknown' })).status).toBe(401);
    expect((await call(sim, '/campaigns', { key: sim.keys.revoked })).status).toBe(401);
  });

  it('answers 402 for a workspace without a paid plan', async () => {
    expect((await call(sim, '/campaigns', { key: sim.keys.noPlan })).body).toEqual({
      statusCode: 402,
      error: 'Payment Required',
      message: 'Workspace does not have an active paid plan',
    });
  });

  it('answers a missing scope the way the live API does: 401 "Invalid scope. Required: … Found: …"', async () => {
    const campaignsOnly = sim.keys.withScopes(['campaigns:all', 'leads:all']);
    expect((await call(sim, '/campaigns', { key: campaignsOnly })).status).toBe(200);
    const denied = await call(sim, '/accounts', { key: campaignsOnly });
    // The body of test/fixtures/real/scope_errors__401_invalid_scope.json, word for word.
    expect(denied).toMatchObject({
      status: 401,
      body: {
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Invalid scope. Required: accounts:read. Found: campaigns:all, leads:all',
      },
    });
  });

  it('lets all:read read everything, and undocumented endpoints take the closest resource scope', async () => {
    for (const path of [
      '/campaigns/analytics',
      '/webhooks',
      '/webhook-events/summary',
      '/accounts',
    ]) {
      expect((await call(sim, path, { key: sim.keys.readOnly })).status).toBe(200);
    }
    expect(
      (await call(sim, '/campaigns/analytics', { key: sim.keys.withScopes(['campaigns:all']) }))
        .status,
    ).toBe(200);
    expect(
      (
        await call(sim, '/webhook-events/summary', {
          key: sim.keys.withScopes(['webhook_events:read']),
        })
      ).status,
    ).toBe(200);
  });

  it('requires a write scope to resume a webhook', async () => {
    const id = sim.data.workspace.webhooks[0]?.id ?? '';
    expect(
      (await call(sim, `/webhooks/${id}/resume`, { method: 'POST', key: sim.keys.readOnly }))
        .status,
    ).toBe(401);
    for (const scope of ['webhooks:update', 'webhooks:all', 'all:update', 'all:all']) {
      const result = await call(sim, `/webhooks/${id}/resume`, {
        method: 'POST',
        key: sim.keys.withScopes([scope]),
      });
      expect(result.status).toBe(200);
    }
  });

  it('lets the agency key act as each sub-workspace, and no other', async () => {
    for (const sub of sim.data.subWorkspaces) {
      const result = await call(sim, '/workspaces/current', {
        key: sim.keys.agency,
        headers: { 'x-as-workspace': sub.workspace.id },
      });
      expect(result.body).toMatchObject({ id: sub.workspace.id, name: sub.workspace.name });
    }
    expect(sim.data.subWorkspaces.length).toBeGreaterThanOrEqual(2);
    const own = await call(sim, '/workspaces/current', { key: sim.keys.agency });
    expect(own.body).toMatchObject({ id: sim.data.agency.workspace.id });
    const sub = sim.data.subWorkspaces[0]?.workspace.id ?? '';
    expect(
      (await call(sim, '/workspaces/current', { headers: { 'x-as-workspace': sub } })).status,
    ).toBe(403);
    expect(
      (
        await call(sim, '/workspaces/current', {
          key: sim.keys.agency,
          headers: { 'x-as-workspace': 'nope' },
        })
      ).status,
    ).toBe(403);
  });

  it('answers Instantly’s 404 envelope for any other path, before auth', async () => {
    expect((await call(sim, '/emails', { key: null })).body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Route GET:/api/v2/emails not found',
    });
  });
});
