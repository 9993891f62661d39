import { expect, test } from '@playwright/test';
import {
  answerQuestionnaire,
  cardFacts,
  forYouRevision,
  strayRequests,
  submitProfile,
  waitForEngine,
  waitForRefresh,
  watchRequests,
} from './helpers/app';
import { shippedProducts } from './helpers/catalog';

/** The backend `auto` must pick in each Playwright project (see playwright.config.ts). */
const EXPECTED_BACKEND: Readonly<Record<string, string>> = { webgpu: 'webgpu', 'no-webgpu': 'wasm' };

/** The goal the person shows interest in; their own words are about retirement, not this. */
const TARGET_GOAL = 'protection';

test('a new person gets explained recommendations that move toward the goal of what they save', async ({ page, baseURL }, testInfo) => {
  const expectedBackend = EXPECTED_BACKEND[testInfo.project.name];
  if (!expectedBackend || !baseURL) throw new Error(`No expected backend for project "${testInfo.project.name}" or no baseURL.`);
  // On SwiftShader (WebGPU on the CPU) encoding the catalog alone takes about three minutes here.
  if (expectedBackend === 'webgpu') test.setTimeout(10 * 60_000);
  const requests = watchRequests(page);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.goto('/?backend=auto');
  await expect(page.getByText(/stays on this device|never leaves/i).first()).toBeVisible();

  // A middle-of-the-road person: R3.
  await answerQuestionnaire(page, 'middle');
  await submitProfile(page, 'I want to grow my savings for a comfortable retirement.');
  await expect(page.getByTestId('risk-level')).toHaveAttribute('data-level', '3');
  await expect(page.getByTestId('risk-explanation')).toContainText(/point/i);

  await page.getByRole('link', { name: 'For you' }).click();
  await waitForEngine(page);
  await expect(page.getByTestId('backend-name').first()).toHaveAttribute('data-backend', expectedBackend);
  const cards = page.getByTestId('rec-card');
  await expect(cards.first()).toBeVisible({ timeout: 60_000 });
  const before = await cardFacts(cards);
  const goalShare = (facts: readonly { goals: readonly string[] }[]) => facts.filter((card) => card.goals.includes(TARGET_GOAL)).length;
  expect(before.every((card) => card.risk <= 3 && card.reasonCount >= 1)).toBe(true);

  // Three suitable products of the target goal that For you did not already show.
  const shown = new Set(before.map((card) => card.productId));
  const targets = shippedProducts()
    .filter((product) => product.goals.includes(TARGET_GOAL) && product.risk_level <= 3 && !shown.has(product.id))
    .slice(0, 3);
  expect(targets).toHaveLength(3);

  const counts = [goalShare(before)];
  for (const product of targets) {
    const revision = await forYouRevision(page);
    await page.getByRole('link', { name: 'Browse' }).click();
    await page.getByLabel('Category').selectOption('insurance');
    const row = page.locator(`[data-testid="product-row"][data-product-id="${product.id}"]`);
    await row.getByRole('link').first().click();
    await expect(page.getByTestId('product-page')).toHaveAttribute('data-product-id', product.id);
    await expect(page.getByTestId('illustrative-notice')).toBeVisible();
    const favourite = page.getByRole('button', { name: 'Favourite' });
    await favourite.click();
    await expect(favourite).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('link', { name: 'For you' }).click();
    await waitForRefresh(page, revision);
    counts.push(goalShare(await cardFacts(cards)));
  }
  testInfo.annotations.push({ type: 'goal share after 0..3 favourites', description: counts.join(' → ') });
  console.log(`[${testInfo.project.name}] "${TARGET_GOAL}" products in For you after 0..3 favourites: ${counts.join(' → ')}`);
  // One favourite is enough to move the list; after three it holds more of the goal than at first.
  expect(counts[1], `products for "${TARGET_GOAL}" in For you after 0..3 favourites: ${counts.join(' → ')}`).toBeGreaterThan(counts[0]!);
  expect(counts[3]).toBeGreaterThan(counts[0]!);

  // Every card explains itself; every product an explanation names is one the person acted on.
  const after = await cardFacts(cards);
  const interacted = new Set(targets.map((product) => product.id));
  expect(after.every((card) => card.reasonCount >= 1)).toBe(true);
  const named = after.flatMap((card) => card.neighbours);
  expect(named.length, 'explanations naming a product the person saved').toBeGreaterThan(0);
  for (const neighbour of named) expect(interacted, `explanation names ${neighbour}`).toContain(neighbour);
  expect(after.every((card) => card.risk <= 3)).toBe(true);

  expect(pageErrors).toEqual([]);
  await expect(page.getByTestId('page-error')).toHaveCount(0);
  expect(strayRequests(requests, new URL(baseURL).origin), 'requests that are not a GET of our own origin').toEqual([]);
  // Each model file is fetched once, by the verifying loader: the tokenizer gets those verified bytes, not a second
  // download. (Manifests are read twice: first for the download's total size, then to verify against.)
  const modelFetches = requests.map((request) => new URL(request.url()).pathname).filter((path) => path.startsWith('/models/') && !path.endsWith('/manifest.json'));
  expect(modelFetches.length, 'model files fetched').toBeGreaterThan(0);
  expect(modelFetches.filter((path, index) => modelFetches.indexOf(path) !== index), 'model files fetched twice').toEqual([]);
});
