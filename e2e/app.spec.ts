import { expect, test, type Request } from '@playwright/test';

/** The backend `auto` must pick in each Playwright project (see playwright.config.ts). */
const EXPECTED_BACKEND: Readonly<Record<string, string>> = {
  webgpu: 'webgpu',
  'no-webgpu': 'wasm',
};

test('the first page loads the model on the expected backend and ranks a savings query first', async ({ page, baseURL }, testInfo) => {
  const expectedBackend = EXPECTED_BACKEND[testInfo.project.name];
  if (!expectedBackend) throw new Error(`No expected backend for Playwright project "${testInfo.project.name}".`);
  if (!baseURL) throw new Error('playwright.config.ts must set use.baseURL.');
  const ourOrigin = new URL(baseURL).origin;

  // Every request the page and its worker make, to check that nothing leaves our origin.
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));

  await page.goto('/?backend=auto');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('nothing you type leaves it')).toBeVisible();

  // The project's flags decide whether an adapter exists; check that before judging the app.
  const hasAdapter = await page.evaluate(async () => {
    const gpu = navigator.gpu as GPU | undefined; // absent in browsers without WebGPU
    return (await gpu?.requestAdapter()) != null;
  });
  expect(hasAdapter, 'WebGPU adapter present in this Playwright project').toBe(expectedBackend === 'webgpu');

  // Wait for loading to end either way, so that a failure reports the engine's own message at once.
  const status = page.getByTestId('model-status');
  await expect(status).toHaveText(/^(ready|error)$/, { timeout: 4 * 60_000 });
  const engineError = page.getByTestId('engine-error');
  const failure = (await engineError.count()) > 0 ? await engineError.innerText() : '';
  expect(failure, 'error shown while loading the model').toBe('');
  await expect(status).toHaveText('ready');
  await expect(page.getByTestId('load-progress')).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByTestId('backend-name')).toHaveAttribute('data-backend', expectedBackend);

  await page.getByTestId('query-input').fill('Where can I keep my savings so they earn interest?');
  const topRow = page.getByTestId('similarity-row').first();
  await expect(topRow).toHaveAttribute('data-sentence', /savings/i);
  await expect(page.getByTestId('similarity-row')).toHaveCount(6);

  const scores = await page
    .getByTestId('similarity-row')
    .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-score'))));
  expect(scores).toEqual([...scores].sort((a, b) => b - a));

  const strayRequests = requests
    .filter((request) => request.method() !== 'GET' || new URL(request.url()).origin !== ourOrigin)
    .map((request) => `${request.method()} ${request.url()}`);
  expect(strayRequests, 'requests that are not a GET to our own origin').toEqual([]);
  // Proof that the worker's requests are seen too: it is the worker that downloads the model.
  expect(requests.some((request) => new URL(request.url()).pathname.startsWith('/models/encoder/'))).toBe(true);
});
