import { expect, test } from '@playwright/test';
import { CSP_DIRECTIVES, HEADER_ONLY_DIRECTIVES, parseCsp } from '../tools/lib/content-security-policy';
import { answerQuestionnaire, submitProfile, waitForEngine } from './helpers/app';

/**
 * The Content Security Policy of the built app (tools/lib/content-security-policy.ts): served as a
 * header on the page and on the engine worker's script, written into index.html as a meta tag, in
 * force in both, and never violated while a person goes through the app.
 */

declare global {
  interface Window {
    /** Filled by the init script below: one line per violation the page saw. */
    cspViolations?: string[];
  }
}

type Policy = Record<string, string[]>;

const HEADER_POLICY: Policy = Object.fromEntries(CSP_DIRECTIVES.map(([name, sources]) => [name, [...sources]]));
const META_POLICY: Policy = Object.fromEntries(
  CSP_DIRECTIVES.filter(([name]) => !HEADER_ONLY_DIRECTIVES.includes(name)).map(([name, sources]) => [name, [...sources]]),
);

/** The engine worker's script, whatever its content hash. */
const WORKER_SCRIPT = '**/assets/engine.worker-*.js';

/**
 * Playwright forwards a worker's console calls but not the browser's own CSP messages from it, and
 * init scripts do not run in workers; so this listener, put in front of the worker's script, turns
 * each violation there into a console error. The bundle is one file with no imports, so the
 * listener runs before any of the engine's code.
 */
const WORKER_VIOLATION_LISTENER = `self.addEventListener('securitypolicyviolation', (event) => console.error(
  'Content Security Policy violation in the worker: ' + event.violatedDirective + ' blocked ' + (event.blockedURI || '(inline)') +
  ' at ' + event.sourceFile + ':' + event.lineNumber + ':' + event.columnNumber));\n`;

function policyOf(header: string | undefined): Policy {
  return Object.fromEntries(parseCsp(header ?? ''));
}

/** A URL on another origin that nothing serves: fetching it must be refused by connect-src, offline or not. */
const BLOCKED_URL = 'https://blocked.invalid/csp-probe';

/** Runs in the page or the worker: whether a fetch of `url` got a response. */
function tryFetch(url: string): Promise<'fetched' | 'refused'> {
  return fetch(url).then(
    () => 'fetched' as const,
    () => 'refused' as const,
  );
}

test('the built app serves its Content Security Policy, to the page and the worker, and never violates it', async ({ page, request }, testInfo) => {
  test.skip(testInfo.project.name === 'webgpu', 'The policy does not depend on the backend: checked once, on WASM.');

  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations?.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  const cspMessages: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspMessages.push(`${message.type()}: ${message.text()}`);
  });
  const instrumented: string[] = [];
  await page.route(WORKER_SCRIPT, async (route) => {
    // The served response, headers and all (so the worker keeps its policy), with the listener in front.
    const response = await route.fetch();
    instrumented.push(route.request().url());
    await route.fulfill({ response, body: WORKER_VIOLATION_LISTENER + (await response.text()) });
  });

  const workerStarted = page.waitForEvent('worker');
  const pageResponse = await page.goto('/');
  const worker = await workerStarted;

  // The header on the page and on the worker's script (fetched apart from the page: routes do not apply).
  expect(policyOf(pageResponse?.headers()['content-security-policy']), 'the page\'s header').toEqual(HEADER_POLICY);
  const workerScript = await request.get(worker.url());
  expect(workerScript.ok()).toBe(true);
  expect(policyOf(workerScript.headers()['content-security-policy']), 'the worker script\'s header').toEqual(HEADER_POLICY);
  expect(instrumented, 'the worker script got the violation listener').toEqual([worker.url()]);

  // The meta tag, for static hosts that send no header: the same policy less frame-ancestors.
  const metas = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(metas).toHaveCount(1);
  expect(policyOf((await metas.getAttribute('content')) ?? undefined), 'the meta tag').toEqual(META_POLICY);

  // Through the app: onboarding, the models loaded (WASM compiled), For you with its map, the model
  // page, and a search (the encoder in the worker).
  await answerQuestionnaire(page, 'middle');
  await submitProfile(page, 'I want to grow my savings for a comfortable retirement.');
  await page.getByRole('link', { name: 'For you' }).click();
  await waitForEngine(page);
  await expect(page.getByTestId('rec-card').first()).toBeVisible();
  await expect(page.getByTestId('embedding-map')).toBeVisible();
  await page.getByRole('link', { name: 'Model' }).click();
  await expect(page.getByTestId('backend-name').first()).toHaveAttribute('data-backend', 'wasm');
  await page.getByRole('link', { name: 'Browse' }).click();
  await page.getByTestId('search-input').fill('saving for my pension');
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();

  expect(await page.evaluate(() => window.cspViolations ?? ['(no listener)']), 'violations seen by the page').toEqual([]);
  // A `script-src blocked eval` in the worker at start-up is zod's probe for `new Function` (caught,
  // but still reported): `z.config({ jitless: true })` before the first schema turns it off.
  expect(cspMessages, 'console messages about the policy (page and worker)').toEqual([]);

  // The policy is in force, and the listeners above would have seen a violation: a fetch to another
  // origin, from the page and from the worker, is refused by connect-src and reported.
  const refusedIn = (where: string) => `the fetch from the ${where}`;
  expect(await page.evaluate(tryFetch, BLOCKED_URL), refusedIn('page')).toBe('refused');
  // Chromium may report one refused fetch more than once; every report must be about it.
  await expect.poll(() => page.evaluate(() => window.cspViolations ?? [])).toContainEqual(expect.stringContaining(`connect-src blocked ${BLOCKED_URL}`));
  const pageReports = await page.evaluate(() => window.cspViolations ?? []);
  expect(pageReports.filter((report) => !report.includes(`connect-src blocked ${BLOCKED_URL}`)), 'other violations').toEqual([]);
  expect(await worker.evaluate(tryFetch, BLOCKED_URL), refusedIn('worker')).toBe('refused');
  await expect.poll(() => cspMessages).toContainEqual(expect.stringContaining(`violation in the worker: connect-src blocked ${BLOCKED_URL}`));
});
