import * as core from '@actions/core';

/** The action: read inputs once, run the engine, write outputs, summary and tracking issue. */
export async function run(): Promise<void> {
  try {
    const apiKey = core.getInput('api-key');
    if (apiKey) core.setSecret(apiKey);
    await Promise.resolve();
    throw new Error('instantly-health: the action is not wired to the engine yet');
  } catch (err) {
    core.setFailed(err instanceof Error ? err.message : String(err));
  }
}
