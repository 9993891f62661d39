/**
 * `npm run audit:privacy`: the privacy auditor's one command. Builds the app into its own folder,
 * serves it on its own port (4180) with its Content Security Policy, drives a full scripted session
 * in headless Chromium on WASM (onboarding, 50+ product interactions, searches, the privacy
 * center's export, import and erase) with a canary in every text typed, records every network
 * event (Playwright for the page, its workers and service workers; Chromium's NetLog as a second
 * witness), judges each by tools/lib/privacy-audit/rules.ts and writes audit/report.json and
 * audit/report.html. Exits 1 when the audit fails.
 *
 * `-- --planted-leak` audits a build with the test-only leak (src/privacy/planted-leak.ts) instead,
 * reporting into audit/planted-leak/; with `--expect-leak` too (`npm run audit:privacy:leak-check`)
 * it succeeds only when that audit fails on a canary, a body or a method: proof the audit catches one.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumExecutable, HEADLESS_ARGS } from './lib/chromium';
import { makeCanary } from './lib/privacy-audit/canary';
import { capturePlaywright } from './lib/privacy-audit/capture';
import { compareWithNetLog, netLogRequests, parseNetLogText, type NetLogRequest } from './lib/privacy-audit/netlog';
import { buildReport, writeReport } from './lib/privacy-audit/report';
import { auditViolations, type CapturedRequest, type ViolationKind } from './lib/privacy-audit/rules';
import { buildApp, buildFilePaths, serveBuild } from './lib/privacy-audit/served-build';
import { runSession } from './lib/privacy-audit/session';

const repoRoot = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    'planted-leak': { type: 'boolean', default: false },
    'expect-leak': { type: 'boolean', default: false },
    port: { type: 'string' },
  },
});
const plantedLeak = values['planted-leak'];
if (values['expect-leak'] && !plantedLeak) {
  console.error('--expect-leak needs --planted-leak.');
  process.exit(2);
}

// Folders and port of their own: dist/ and port 4173 belong to Playwright's e2e run, which may run meanwhile.
const outDir = join(repoRoot, '.cache', 'privacy-audit', plantedLeak ? 'dist-planted-leak' : 'dist');
const reportDir = join(repoRoot, 'audit', ...(plantedLeak ? ['planted-leak'] : []));
const port = Number(values.port ?? (plantedLeak ? 4181 : 4180));
/** The backend the session runs on: WASM, fast on any machine (WebGPU on SwiftShader takes minutes). */
const QUERY = '?backend=wasm';
/** Violations that show the planted leak was caught: it POSTs form text with a body. */
const LEAK_KINDS: readonly ViolationKind[] = ['canary', 'body', 'method'];

// `npm run audit:privacy` generates them first (preaudit:privacy); run directly, it may find none.
if (!['encoder', 'gnn'].every((model) => existsSync(join(repoRoot, 'public', 'models', model, 'manifest.json')))) {
  console.error('No model files in public/models/: run `npm run models` first.');
  process.exit(2);
}

const startedAt = new Date();
const durationsMs: Record<string, number> = {};
const timed = async <T>(stage: string, run: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  try {
    return await run();
  } finally {
    durationsMs[stage] = Math.round(performance.now() - start);
  }
};

await mkdir(reportDir, { recursive: true });
const netLogPath = join(reportDir, 'netlog.json');
await rm(netLogPath, { force: true });

console.log(`Privacy audit${plantedLeak ? ' of the PLANTED-LEAK build' : ''}: building into ${relative(repoRoot, outDir)}…`);
await timed('build', () => buildApp(repoRoot, outDir, plantedLeak));
const buildFiles = await buildFilePaths(outDir);

const canaries = {
  goals: makeCanary('goals'),
  profileGoals: makeCanary('profile'),
  searches: [1, 2, 3, 4].map((index) => makeCanary(`search${index}`)),
  passphrase: makeCanary('passphrase'),
};
const canaryValues = [canaries.goals, canaries.profileGoals, ...canaries.searches, canaries.passphrase];

const served = await serveBuild(repoRoot, outDir, port);
console.log(`Serving at ${served.origin}; running the session in headless Chromium (WASM)…`);
const { session, captured, workers } = await timed('session', async () => {
  try {
    // As playwright.config.ts's 'no-webgpu' project: no GPU, so no WebGPU adapter. The NetLog records
    // every request the network stack sees, the browser's own included, and is written on close.
    const browser = await chromium.launch({
      executablePath: chromiumExecutable(),
      args: [...HEADLESS_ARGS, '--disable-gpu-sandbox', '--disable-gpu', `--log-net-log=${netLogPath}`],
    });
    try {
      const context = await browser.newContext({ serviceWorkers: 'allow', acceptDownloads: true });
      const capture = capturePlaywright(context);
      const page = await context.newPage();
      capture.watchPage(page);
      const result = await runSession(page, { origin: served.origin, query: QUERY, canaries, exportPath: join(reportDir, 'exported-data.json') });
      // Closed first, so that nothing is requested after the capture is read.
      await page.close();
      const traffic = await capture.settle();
      await context.close();
      return { session: result, captured: traffic, workers: capture.workers };
    } finally {
      await browser.close();
    }
  } finally {
    await served.close();
  }
});

const logged: NetLogRequest[] = await readFile(netLogPath, 'utf8').then(
  (text) => netLogRequests(parseNetLogText(text)),
  () => [],
);
if (logged.length === 0) console.warn(`No NetLog in ${relative(repoRoot, netLogPath)}: only Playwright's capture is audited.`);
const comparison = compareWithNetLog(captured.requests, logged);
const seen = captured.requests.map((request, index) => ({ ...request, netLogOutcome: comparison.pairedOutcomes[index] ?? null }));
let nextId = seen.length;
const fromNetLog = (request: NetLogRequest): CapturedRequest => ({
  id: ++nextId,
  source: 'netlog',
  method: request.method,
  url: request.url,
  resourceType: 'unknown',
  topLevelNavigation: false,
  headers: request.headers,
  body: null,
  bodyBytes: request.bodyBytes,
  initiator: request.initiator,
  outcome: request.outcome,
  netLogOutcome: request.outcome,
});
const requests = [...seen, ...comparison.missedByPlaywright.map(fromNetLog)];
const browserRequests = comparison.browserOwn.map(fromNetLog);
const webSockets = captured.webSockets.map((socket) => ({ ...socket, id: ++nextId }));

const rules = { origin: served.origin, buildFiles, navigationQuery: QUERY, canaries: canaryValues };
const violations = auditViolations({ requests, webSockets, browserRequests }, rules);
durationsMs.total = Math.round(Date.now() - startedAt.getTime());
const report = buildReport({
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  durationsMs,
  origin: served.origin,
  plantedLeak,
  buildFiles: buildFiles.size,
  canaryValues,
  session,
  capture: {
    playwrightRequests: captured.requests.length,
    netLog: logged.length === 0 ? null : { requests: logged.length, paired: comparison.pairedOutcomes.filter((outcome) => outcome !== null).length, missedByPlaywright: comparison.missedByPlaywright.length, browserOwn: comparison.browserOwn.length },
    workers,
  },
  requests,
  webSockets,
  browserRequests,
  violations,
});
const paths = await writeReport(reportDir, report);

const seconds = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(1)} s`;
console.log(
  `Privacy audit ${report.passed ? 'PASSED' : 'FAILED'}: ${report.requests} requests, ${report.violations.length} violations, ` +
    `${report.canaries} canaries, ${report.interactions} interactions, ${report.searches} searches ` +
    `(build ${seconds(durationsMs.build)}, session ${seconds(durationsMs.session)}, total ${seconds(durationsMs.total)}).`,
);
if (!session.completed) console.error(`The session stopped: ${session.error ?? 'unknown'}`);
if (report.violations.length > 0) {
  const byKind = new Map<string, number>();
  for (const violation of report.violations) byKind.set(violation.kind, (byKind.get(violation.kind) ?? 0) + 1);
  console.error(`Violations by kind: ${[...byKind].map(([kind, count]) => `${kind} ×${count}`).join(', ')}`);
  for (const violation of report.violations.slice(0, 10)) console.error(`  #${violation.id} ${violation.kind}  ${violation.method} ${violation.url}  ${violation.detail}`);
  if (report.violations.length > 10) console.error(`  … ${report.violations.length - 10} more in the report`);
}
console.log(`Report: ${relative(repoRoot, paths.json)}, ${relative(repoRoot, paths.html)}`);

if (values['expect-leak']) {
  const caught = report.violations.filter((violation) => LEAK_KINDS.includes(violation.kind));
  if (!report.passed && caught.length > 0) {
    console.log(`Leak check PASSED: the planted leak was caught (${[...new Set(caught.map((violation) => violation.kind))].join(', ')}).`);
  } else {
    console.error('Leak check FAILED: the audit did not catch the planted leak.');
    process.exitCode = 1;
  }
} else if (!report.passed) {
  process.exitCode = 1;
}
