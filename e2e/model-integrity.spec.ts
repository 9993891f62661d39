import { expect, test, type Page } from '@playwright/test';
import { answerQuestionnaire, submitProfile } from './helpers/app';

/**
 * A model file altered on its way to the browser: the app verifies every model file against its
 * manifest, so the altered model is left out with a clear message, nothing is recommended from it,
 * and the rest of the app keeps working and says so. Playwright's routing sees the engine worker's
 * requests in Chromium (checked: `page.route` intercepts every /models/ fetch the worker makes), so
 * the real file is fetched and served with one byte flipped.
 */

// Routes do not see requests a service worker answers from its cache, and the app's worker could
// take over mid-load (it precaches every model file on the first visit): this spec runs without it.
test.use({ serviceWorkers: 'block' });

/** Serves `/models/<path>` with one byte flipped, as a tampered file on the server or in transit would be. */
async function serveTampered(page: Page, path: string): Promise<void> {
  await page.route(`**/models/${path}`, async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    const at = Math.floor(body.byteLength / 2);
    body[at] = body[at]! ^ 0xff;
    await route.fulfill({ response, body });
  });
}

/** Waits for the engine, which must come up ready (not error) despite the altered model. */
async function waitForPartialEngine(page: Page): Promise<void> {
  await expect(page.getByTestId('model-status').first()).toHaveText(/^(ready|error)$/, { timeout: 60_000 });
  await expect(page.getByTestId('model-status').first()).toHaveText('ready');
  await expect(page.getByTestId('engine-error')).toHaveCount(0);
}

async function onboard(page: Page): Promise<void> {
  await answerQuestionnaire(page, 'middle');
  await submitProfile(page, 'Keep an emergency fund and save for a home.');
  await expect(page.getByTestId('risk-level')).toHaveAttribute('data-level', '3');
}

async function expectBrowseLists(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Browse' }).click();
  await expect(page.getByTestId('product-row').first()).toBeVisible();
  expect(await page.getByTestId('product-row').count()).toBeGreaterThan(10);
}

async function search(page: Page, query: string): Promise<void> {
  await page.getByTestId('search-input').fill(query);
  await page.getByRole('button', { name: 'Search' }).click();
}

test('a tampered recommendation model is left out: no suggestions, with the reason; browse and search work', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'webgpu', 'Integrity checks do not depend on the backend.');
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await serveTampered(page, 'gnn/weights.bin');
  await page.goto('/?backend=auto');
  await onboard(page);
  await waitForPartialEngine(page);

  const notice = page.getByTestId('model-unavailable-recommender');
  await expect(notice).toContainText('The recommendation model failed its integrity check: gnn/weights.bin does not match its SHA-256');
  await expect(notice).toContainText(/suggestions are off/i);
  await expect(notice).toHaveAttribute('data-code', 'INTEGRITY_FAILED');
  await expect(page.getByTestId('model-unavailable-encoder')).toHaveCount(0);

  await page.getByRole('link', { name: 'For you' }).click();
  const unavailable = page.getByTestId('recommendations-unavailable');
  await expect(unavailable).toContainText('Recommendations are unavailable. The recommendation model failed its integrity check');
  await expect(unavailable).toHaveAttribute('data-code', 'MODEL_UNAVAILABLE');
  await expect(page.getByTestId('rec-card')).toHaveCount(0);

  await expectBrowseLists(page);
  await search(page, 'somewhere safe for my emergency savings');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await expect(page.getByTestId('search-error')).toHaveCount(0);

  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await expect(page.getByTestId('model-page-status')).toContainText('Ready, without a model whose files failed');
  await expect(page.getByTestId('model-availability-recommender')).toHaveAttribute('data-state', 'unavailable');
  await expect(page.getByTestId('model-availability-recommender')).toContainText('gnn/weights.bin');
  await expect(page.getByTestId('model-availability-encoder')).toHaveAttribute('data-state', 'in-use');
  expect(pageErrors).toEqual([]);
});

test('a tampered language model is left out: no search or suggestions, with the reason; browse works and actions are saved', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'webgpu', 'Integrity checks do not depend on the backend.');
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await serveTampered(page, 'encoder/weights.bin');
  await page.goto('/?backend=auto');
  await onboard(page);
  await waitForPartialEngine(page);

  const notice = page.getByTestId('model-unavailable-encoder');
  await expect(notice).toContainText('The language model failed its integrity check: encoder/weights.bin does not match its SHA-256');
  await expect(notice).toContainText(/search and suggestions are off/i);
  await expect(page.getByTestId('recommendations-unavailable')).toContainText('The language model failed its integrity check');

  await expectBrowseLists(page);
  await search(page, 'somewhere safe for my emergency savings');
  await expect(page.getByTestId('search-error')).toContainText('Search is unavailable. The language model failed its integrity check');
  await expect(page.getByTestId('search-hit')).toHaveCount(0);

  // What the person does is still stored on the device: a favourite survives a reload.
  await page.getByTestId('product-row').first().getByRole('link').first().click();
  const favourite = page.getByRole('button', { name: 'Favourite' });
  await favourite.click();
  await expect(favourite).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('event-error')).toHaveCount(0);
  const productUrl = page.url();
  await page.goto(productUrl);
  await waitForPartialEngine(page);
  await expect(page.getByRole('button', { name: 'Favourite' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('model-unavailable-encoder')).toBeVisible();
  expect(pageErrors).toEqual([]);
});
