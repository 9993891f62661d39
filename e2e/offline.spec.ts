/**
 * The installable, offline app: after one visit every feature works with the network off (advisor
 * mode and both languages included), and a new version of a model is detected, offered and applied
 * without losing the person's events.
 */
import { expect, test, type Page } from '@playwright/test';
import { answerQuestionnaire, submitProfile, waitForEngine } from './helpers/app';
import { shippedProducts } from './helpers/catalog';
import { publishModelFile, serveCopyOfBuild } from './helpers/served-copy';

test.beforeEach(({ page: _page }, testInfo) => {
  test.skip(testInfo.project.name === 'webgpu', 'The service worker does not depend on the backend.');
});

/** Requests that failed, as "METHOD url (error)" lines, from the page and its workers. */
function watchFailures(page: Page): string[] {
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(`${request.method()} ${request.url()} (${request.failure()?.errorText ?? 'failed'})`));
  return failed;
}

async function favouriteOf(page: Page, productId: string): Promise<void> {
  await page.evaluate((id) => {
    window.location.hash = `#/product/${id}`;
  }, productId);
  const favourite = page.getByRole('button', { name: 'Favourite' });
  await favourite.click();
  await expect(favourite).toHaveAttribute('aria-pressed', 'true');
}

test('after one visit the whole app works with the network off', async ({ page, context }) => {
  await page.goto('/?backend=auto');
  // The service worker has cached every file of the build, models included.
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 120_000 });

  await context.setOffline(true);
  const failed = watchFailures(page);
  // Every app file the page and its engine worker get now must come from the service worker's cache.
  const appFiles: { url: string; fromCache: boolean }[] = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/models/') || path.startsWith('/assets/')) appFiles.push({ url: path, fromCache: response.fromServiceWorker() });
  });
  await page.reload();

  await answerQuestionnaire(page, 'middle');
  await submitProfile(page, 'Save for a house deposit in five years.');
  await expect(page.getByTestId('risk-level')).toHaveAttribute('data-level', '3');
  await page.getByRole('link', { name: 'For you' }).click();
  await waitForEngine(page);
  await expect(page.getByTestId('rec-card').first()).toBeVisible();

  await page.getByRole('link', { name: 'Browse' }).click();
  await page.getByTestId('search-input').fill('a safe place for my emergency savings');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await favouriteOf(page, shippedProducts()[0]!.id);

  await page.getByRole('link', { name: 'Privacy' }).click();
  await expect(page.getByTestId('stored-event-count')).not.toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('ledger-verdict')).toHaveAttribute('data-verdict', 'clean');

  // Advisor mode, as in a demo without a network: a persona's list, a comparison, and back.
  await page.getByRole('link', { name: 'Advisor' }).click();
  await page.locator('[data-testid="persona-card"][data-persona="pre-retiree"]').getByRole('button', { name: /Switch to/ }).click();
  await expect(page.getByTestId('persona-banner')).toHaveAttribute('data-persona', 'pre-retiree');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByTestId('compare-column')).toHaveCount(2);
  await page.getByRole('link', { name: 'For you' }).click();
  await expect(page.getByTestId('rec-card').first()).toBeVisible();
  await page.getByTestId('persona-banner').getByRole('button', { name: 'Back to my own data' }).click();
  await expect(page.getByTestId('persona-banner')).toHaveCount(0);

  // The other language, too: its texts are part of the app's files.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('link', { name: '浏览' })).toBeVisible();

  expect(failed, 'requests that failed for want of a cached file').toEqual([]);
  expect(appFiles.filter((file) => file.url.startsWith('/models/')).length, 'model files read offline').toBeGreaterThanOrEqual(7);
  expect(appFiles.filter((file) => !file.fromCache).map((file) => file.url), 'app files not served by the service worker').toEqual([]);
});

test('a new version of a model file is detected, offered and applied without losing events, in every tab', async ({ page, context }) => {
  const port = 4191;
  const first = await serveCopyOfBuild(port);
  let second: Awaited<ReturnType<typeof serveCopyOfBuild>> | undefined;
  try {
    await page.goto(`${first.origin}/?backend=auto`);
    await answerQuestionnaire(page, 'lowest');
    await submitProfile(page, 'Keep my savings safe.');
    await waitForEngine(page);
    const [saved] = shippedProducts().filter((product) => product.risk_level === 1);
    await favouriteOf(page, saved!.id);
    await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 120_000 });
    await expect(page.getByTestId('update-banner')).toHaveCount(0);
    const configEnd = () => page.evaluate(async () => (await (await fetch('/models/gnn/config.json')).text()).slice(-3));
    expect(await configEnd()).toBe('}}\n');
    // A second tab of the app, marked so that a reload shows.
    const other = await context.newPage();
    await other.goto(`${first.origin}/?backend=auto#/browse`);
    await expect(other.getByTestId('offline-ready')).toBeVisible();
    await other.evaluate(() => Object.assign(window, { oldVersion: true }));

    // The same site publishes a new version of the recommendation model's configuration.
    await first.close();
    second = await serveCopyOfBuild(port, async (dir) => {
      await publishModelFile(dir, 'gnn', 'config.json', (old) => Buffer.concat([old, Buffer.from('\n')]));
    });
    await page.reload();
    const banner = page.getByTestId('update-banner');
    await expect(banner).toBeVisible({ timeout: 120_000 });
    // Offered, not forced: the app keeps working on the version it has until the person agrees.
    await waitForEngine(page);
    expect(await configEnd(), 'still the cached version before the person agrees').toBe('}}\n');
    await page.getByTestId('update-apply').click();

    // The page reloads onto the new version: the new file is what the app now reads, and nothing was lost.
    await expect(banner).toHaveCount(0);
    await waitForEngine(page);
    expect(await configEnd(), 'the updated config.json is what the app reads now').toBe('}\n\n');
    // The other tab reloaded onto the new version by itself.
    await expect.poll(() => other.evaluate(() => 'oldVersion' in window), { message: 'the other tab reloaded' }).toBe(false);
    await page.evaluate((id) => {
      window.location.hash = `#/product/${id}`;
    }, saved!.id);
    await expect(page.getByRole('button', { name: 'Favourite' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('link', { name: 'For you' }).click();
    await expect(page.getByTestId('rec-card').first()).toBeVisible();
  } finally {
    await second?.close();
    await first.close().catch(() => undefined);
  }
});
