#!/usr/bin/env node
// The bundle needs Node 22.19 or newer (undici 8's floor: older Node crashes at load with an
// unreadable error), so the version is checked here, before the bundle is imported.
// The GitHub Action itself runs on the runner's node24; this floor is for the CLI only.
import process from 'node:process';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 19)) {
  process.stderr.write(
    `instantly-health needs Node.js 22.19 or newer (24 recommended); this is ${process.version}. ` +
      'Install Node 24 (for example with nvm: nvm install 24) and run it again.\n',
  );
  process.exit(2);
}
await import('../dist/cli/index.js');
