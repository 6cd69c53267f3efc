#!/usr/bin/env node
// The bundle needs Node 24 (undici 8 crashes at load on older Node with an unreadable error),
// so the version is checked here, before the bundle is imported.
import process from 'node:process';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `instantly-health needs Node.js 24 or newer; this is ${process.version}. ` +
      'Install Node 24 (for example with nvm: nvm install 24) and run it again.\n',
  );
  process.exit(2);
}
await import('../dist/cli/index.js');
