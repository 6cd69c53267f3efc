import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The release notes of one version: its `### X.Y.Z` section under the README's `## Changelog`.
 * The release workflow runs `npx tsx scripts/changelog.ts 1.2.3`; a version without a section
 * fails the release rather than publishing empty notes.
 */
export function changelogSection(readme: string, version: string): string | undefined {
  const changelog = /^## Changelog\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1] ?? '';
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const section = new RegExp(
    `^### v?${escaped}\\b[^\\n]*\\n([\\s\\S]*?)(?=^### |(?![\\s\\S]))`,
    'm',
  ).exec(changelog)?.[1];
  const trimmed = section?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const version = process.argv[2] ?? '';
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const notes = changelogSection(readFileSync(path.join(root, 'README.md'), 'utf8'), version);
  if (notes === undefined) {
    console.error(`README.md has no "### ${version}" section under "## Changelog": add one.`);
    process.exit(1);
  }
  process.stdout.write(notes);
}
