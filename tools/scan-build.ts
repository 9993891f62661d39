/**
 * `npm run scan:build` (builds, then scans dist/) or `tsx tools/scan-build.ts [folder]` (scans an
 * existing build; dist/ by default).
 *
 * Lists every absolute URL in the build output that build-url-allowlist.ts does not explain, and
 * exits 1 when there is one. Allowlist entries that matched nothing are reported too (delete them);
 * they fail tests/build-scan.test.ts but not this command, which may be pointed at a partial build.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { scanBuild } from './lib/build-scan';
import { BUILD_URL_ALLOWLIST } from './lib/build-url-allowlist';

const dir = resolve(process.argv[2] ?? 'dist');
if (!existsSync(dir)) {
  console.error(`No build at ${dir}: run \`npx vite build\` first, or \`npm run scan:build\`.`);
  process.exit(2);
}

const scan = await scanBuild(dir, BUILD_URL_ALLOWLIST);
console.log(`Scanned ${scan.filesScanned} files in ${dir}.`);
for (const [entry, count] of scan.allowedCounts) console.log(`  allowed ×${count}  ${entry.url}${entry.match === 'prefix' ? '…' : ''}  (${entry.source})`);
for (const entry of scan.unusedAllowances) console.warn(`  unused allowlist entry (delete it): ${entry.url}`);
if (scan.violations.length === 0) {
  console.log('No absolute URL outside the allowlist.');
} else {
  console.error(`${scan.violations.length} absolute URL(s) not in tools/lib/build-url-allowlist.ts:`);
  for (const found of scan.violations) console.error(`  ${found.file}:${found.line}:${found.column}  ${found.url}\n      …${found.context}…`);
  process.exitCode = 1;
}
