/**
 * Advisor mode in the browser: six personas, one click to become any of them on every page, back
 * and forth without touching the owner's stored data (read raw from IndexedDB), a reset, and two
 * personas compared side by side with their reasons.
 */
import { expect, test, type Page } from '@playwright/test';
import { answerQuestionnaire, submitProfile, waitForEngine } from './helpers/app';
import { readStoredText } from './helpers/stored-text';

test.beforeEach(({ page: _page }, testInfo) => {
  test.skip(testInfo.project.name === 'webgpu', 'Advisor mode does not depend on the backend: checked on WASM.');
});

/** The owner's stored records, raw (ciphertext), and the local storage: what must not change. */
async function ownerStorage(page: Page): Promise<{ readonly person: string; readonly localStorage: string }> {
  const stored = await readStoredText(page);
  const person = stored.indexedDb['finance-recommender-person'];
  expect(person, 'the owner database').toBeDefined();
  return { person: person ?? '', localStorage: stored.localStorage };
}

async function openAdvisor(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Advisor' }).click();
  await expect(page.getByTestId('persona-card')).toHaveCount(6);
}

test('switching personas back and forth leaves the owner’s stored data untouched', async ({ page }) => {
  await page.goto('/?backend=wasm');
  await answerQuestionnaire(page, 'lowest');
  await submitProfile(page, 'Keep my savings safe and easy to reach.');
  await waitForEngine(page);
  await page.evaluate(() => {
    window.location.hash = '#/product/sav-001';
  });
  await page.getByRole('button', { name: 'Favourite' }).click();
  await expect(page.getByRole('button', { name: 'Favourite' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('link', { name: 'Privacy' }).click();
  await expect(page.getByTestId('stored-event-count')).not.toHaveAttribute('data-count', '0');
  const before = await ownerStorage(page);

  await openAdvisor(page);
  const investor = page.locator('[data-testid="persona-card"][data-persona="high-income-investor"]');
  await investor.getByRole('button', { name: /Switch to/ }).click();
  await expect(page.getByTestId('persona-banner')).toHaveAttribute('data-persona', 'high-income-investor');
  await expect(investor).toHaveAttribute('aria-current', 'true');

  // Every page now shows the persona: their profile and their own list.
  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByTestId('risk-level')).toHaveAttribute('data-level', '5');
  await page.getByRole('link', { name: 'For you' }).click();
  await expect(page.getByTestId('rec-card').first()).toBeVisible();
  const risks = await page.getByTestId('rec-card').evaluateAll((cards) => cards.map((card) => Number(card.getAttribute('data-risk'))));
  expect(Math.max(...risks), 'an adventurous persona is offered higher-risk products').toBeGreaterThanOrEqual(4);

  // Acting as the persona: a favourite, which must not reach the owner's storage.
  await page.evaluate(() => {
    window.location.hash = '#/product/fund-002';
  });
  await page.getByRole('button', { name: 'Favourite' }).click();
  await expect(page.getByRole('button', { name: 'Favourite' })).toHaveAttribute('aria-pressed', 'true');

  // The privacy center acts on the owner's data only: it says so while a persona is active.
  await page.getByRole('link', { name: 'Privacy' }).click();
  await expect(page.getByTestId('advisor-privacy-notice')).toBeVisible();
  await expect(page.getByRole('button', { name: /Erase/ })).toHaveCount(0);

  // Back to the owner from the banner while a product page is open as the persona: its view, recorded
  // when the page is left, belongs to the persona and must not reach the owner.
  await page.evaluate(() => {
    window.location.hash = '#/product/wm-007';
  });
  await expect(page.getByTestId('product-page')).toHaveAttribute('data-product-id', 'wm-007');
  await page.waitForTimeout(800);
  await page.getByTestId('persona-banner').getByRole('button', { name: 'Back to my own data' }).click();
  await expect(page.getByTestId('persona-banner')).toHaveCount(0);
  await page.getByRole('link', { name: 'Privacy' }).click();
  await expect(page.getByTestId('stored-event-count')).toBeVisible();
  // Then to another persona and back again from the advisor page.
  await openAdvisor(page);
  await page.locator('[data-testid="persona-card"][data-persona="cautious-retiree"]').getByRole('button', { name: /Switch to/ }).click();
  await expect(page.getByTestId('persona-banner')).toHaveAttribute('data-persona', 'cautious-retiree');
  await page.getByTestId('owner-card').getByRole('button', { name: 'Back to my own data' }).click();
  await expect(page.getByTestId('persona-banner')).toHaveCount(0);

  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByTestId('risk-level')).toHaveAttribute('data-level', '1');
  await page.evaluate(() => {
    window.location.hash = '#/product/fund-002';
  });
  await expect(page.getByRole('button', { name: 'Favourite' })).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('link', { name: 'Privacy' }).click();
  await expect(page.getByTestId('stored-event-count')).not.toHaveAttribute('data-count', '0');
  expect(await ownerStorage(page), 'the owner’s stored records, byte for byte').toEqual(before);
});

test('a reset restores a persona, and two personas are compared side by side with reasons', async ({ page }) => {
  await page.goto('/?backend=wasm#/advisor');
  await expect(page.getByTestId('persona-card')).toHaveCount(6);
  await waitForEngine(page);
  const buyer = page.locator('[data-testid="persona-card"][data-persona="first-home-buyer"]');
  const startingEvents = await buyer.getByTestId('persona-events').textContent();
  await buyer.getByRole('button', { name: /Switch to/ }).click();
  await expect(page.getByTestId('persona-banner')).toBeVisible();
  await page.evaluate(() => {
    window.location.hash = '#/product/loan-006';
  });
  await page.getByRole('button', { name: 'Not interested' }).click();
  await page.getByRole('link', { name: 'Advisor' }).click();
  await expect(buyer.getByTestId('persona-events')).not.toHaveText(startingEvents ?? '');
  await buyer.getByRole('button', { name: /Reset/ }).click();
  await expect(buyer.getByTestId('persona-events')).toHaveText(startingEvents ?? '');
  await expect(page.getByTestId('persona-banner')).toHaveAttribute('data-persona', 'first-home-buyer');

  const compare = page.locator('.persona-comparison');
  await compare.getByLabel('First persona').selectOption('cautious-retiree');
  await compare.getByLabel('Second persona').selectOption('high-income-investor');
  await compare.getByRole('button', { name: 'Compare' }).click();
  const columns = page.getByTestId('compare-column');
  await expect(columns).toHaveCount(2);
  await expect(columns.nth(0)).toHaveAttribute('data-persona', 'cautious-retiree');
  const cautiousRisks = await columns.nth(0).getByTestId('compare-item').evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-risk'))));
  const boldRisks = await columns.nth(1).getByTestId('compare-item').evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-risk'))));
  expect(cautiousRisks.length).toBeGreaterThan(0);
  expect(Math.max(...cautiousRisks), 'the cautious retiree sees only R1 products').toBe(1);
  expect(Math.max(...boldRisks)).toBeGreaterThan(1);
  for (const column of [columns.nth(0), columns.nth(1)]) {
    await expect(column.getByTestId('compare-reason').first()).toBeVisible();
  }
});
