/**
 * The privacy center in the built app: data stored encrypted, erase leaving nothing behind,
 * export then import restoring the same recommendations, and the passphrase lock.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { answerQuestionnaire, cardFacts, submitProfile, waitForEngine } from './helpers/app';
import { shippedProducts } from './helpers/catalog';
import { readStoredText, type StoredText } from './helpers/stored-text';

/** A string that appears nowhere unless this test put it there. */
const CANARY = `zqx-canary-${Date.now().toString(36)}`;

test.beforeEach(({ page: _page }, testInfo) => {
  test.skip(testInfo.project.name === 'webgpu', 'Storage does not depend on the backend.');
});

/** Where `text` appears in what the origin stores, as "store: place" lines (should be none). */
function placesHolding(stored: StoredText, text: string): string[] {
  const places = [
    ...Object.entries(stored.indexedDb).map(([name, content]) => [`IndexedDB ${name}`, content] as const),
    ...Object.entries(stored.caches).map(([name, content]) => [`Cache Storage ${name}`, content] as const),
    ['localStorage', stored.localStorage] as const,
    ['sessionStorage', stored.sessionStorage] as const,
  ];
  return places.filter(([, content]) => content.toLowerCase().includes(text.toLowerCase())).map(([place]) => place);
}

/** Onboards a cautious person whose goals carry the canary, then saves and opens a few products. */
async function personWithHistory(page: Page): Promise<void> {
  await page.goto('/?backend=auto');
  await answerQuestionnaire(page, 'lowest');
  await submitProfile(page, `Keep my savings safe for a home near ${CANARY} lake.`);
  await waitForEngine(page);
  for (const product of shippedProducts().filter((p) => p.risk_level === 1).slice(0, 3)) {
    await page.evaluate((id) => {
      window.location.hash = `#/product/${id}`;
    }, product.id);
    const favourite = page.getByRole('button', { name: 'Favourite' });
    await favourite.click();
    await expect(favourite).toHaveAttribute('aria-pressed', 'true');
  }
  await page.getByRole('link', { name: 'Browse' }).click();
  await page.getByTestId('search-input').fill(`savings account ${CANARY}`);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
}

async function openPrivacyCenter(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Privacy' }).click();
  await expect(page.getByTestId('stored-data')).toBeVisible();
}

async function forYouIds(page: Page): Promise<string[]> {
  await page.getByRole('link', { name: 'For you' }).click();
  const cards = page.getByTestId('rec-card');
  await expect(cards.first()).toBeVisible();
  return (await cardFacts(cards)).map((card) => card.productId);
}

test('stored data is encrypted, and erase leaves no personal data in IndexedDB, Cache Storage or local storage', async ({ page }) => {
  await personWithHistory(page);
  await openPrivacyCenter(page);
  // The person sees their data decrypted…
  await expect(page.getByTestId('stored-data')).toContainText(CANARY);
  await expect(page.getByTestId('stored-event-count')).not.toHaveAttribute('data-count', '0');
  // …while the browser holds it only as ciphertext.
  const before = await readStoredText(page);
  expect(before.indexedDb['finance-recommender-person'], 'the person database').toMatch(/\[events\]\n/);
  expect(placesHolding(before, CANARY)).toEqual([]);

  // Stand-ins for personal data in the page's other stores (the app keeps none there), to show
  // that erase clears them too.
  await page.evaluate(async (canary) => {
    localStorage.setItem('note', canary);
    sessionStorage.setItem('note', canary);
    await (await caches.open('page-cache')).put('/note.txt', new Response(canary));
  }, CANARY);
  expect(placesHolding(await readStoredText(page), CANARY)).toEqual(['Cache Storage page-cache', 'localStorage', 'sessionStorage']);

  await page.getByTestId('erase-data').click();
  await page.getByTestId('erase-confirm').click();
  await expect(page.getByTestId('erase-status')).toHaveAttribute('data-status', 'done');
  const after = await readStoredText(page);
  expect(placesHolding(after, CANARY)).toEqual([]);
  // No profile record either (the app's own cached code names the field, so its cache is left out here).
  const appFiles = (name: string) => name.startsWith('workbox-precache');
  const personal = { ...after, caches: Object.fromEntries(Object.entries(after.caches).filter(([name]) => !appFiles(name))) };
  expect(placesHolding(personal, 'goalsText')).toEqual([]);
  // Only the app's own files stay cached (the service worker's precache), so it keeps working offline.
  expect(Object.keys(personal.caches)).toEqual([]);
  await expect(page.getByTestId('stored-event-count')).toHaveAttribute('data-count', '0');

  // A new start: the questions again, as for a first visit.
  await page.goto('/?backend=auto');
  await expect(page.getByTestId('profile-form')).toBeVisible();
});

test('export then import restores the same recommendations', async ({ page }) => {
  await personWithHistory(page);
  const before = await forYouIds(page);

  await openPrivacyCenter(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-data').click();
  const file = await (await download).path();
  const exported = JSON.parse(await readFile(file, 'utf8')) as { format: string; events: unknown[]; profile: { goalsText: string } };
  expect(exported.format).toBe('private-finance-recommender/person-export');
  expect(exported.profile.goalsText).toContain(CANARY);
  expect(exported.events.length).toBeGreaterThanOrEqual(3);

  await page.getByTestId('erase-data').click();
  await page.getByTestId('erase-confirm').click();
  await expect(page.getByTestId('erase-status')).toHaveAttribute('data-status', 'done');
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-status')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('stored-event-count')).toHaveAttribute('data-count', String(exported.events.length));

  expect(await forYouIds(page)).toEqual(before);
});

test('a passphrase locks the data after a reload; a wrong one is refused, the right one restores everything', async ({ page }) => {
  await personWithHistory(page);
  const before = await forYouIds(page);
  await openPrivacyCenter(page);
  const form = page.getByTestId('passphrase-form');
  await form.getByLabel('New passphrase').fill('correct horse battery');
  await form.getByLabel('Type it again').fill('correct horse battery');
  await form.getByRole('button', { name: 'Lock with this passphrase' }).click();
  await expect(page.getByTestId('passphrase-status')).toHaveAttribute('data-status', 'done');
  expect(placesHolding(await readStoredText(page), CANARY)).toEqual([]);

  await page.goto('/?backend=auto');
  const unlock = page.getByTestId('unlock-form');
  await expect(unlock).toBeVisible();
  await unlock.getByLabel('Passphrase').fill('not my passphrase');
  await unlock.getByRole('button', { name: 'Open my data' }).click();
  await expect(page.getByTestId('unlock-error')).toContainText('does not open');
  await unlock.getByLabel('Passphrase').fill('correct horse battery');
  await unlock.getByRole('button', { name: 'Open my data' }).click();
  await expect(unlock).toBeHidden();
  await waitForEngine(page);
  expect(await forYouIds(page)).toEqual(before);
});

test('a forgotten passphrase: erasing from the unlock page starts afresh', async ({ page }) => {
  await page.goto('/?backend=auto');
  await answerQuestionnaire(page, 'middle');
  await submitProfile(page, `Save for my children's education ${CANARY}.`);
  await page.getByRole('link', { name: 'Privacy' }).click();
  const form = page.getByTestId('passphrase-form');
  await form.getByLabel('New passphrase').fill('forgotten passphrase');
  await form.getByLabel('Type it again').fill('forgotten passphrase');
  await form.getByRole('button', { name: 'Lock with this passphrase' }).click();
  await expect(page.getByTestId('passphrase-status')).toHaveAttribute('data-status', 'done');

  await page.goto('/?backend=auto');
  await expect(page.getByTestId('unlock-form')).toBeVisible();
  await page.getByTestId('erase-data').click();
  await page.getByTestId('erase-confirm').click();
  await expect(page.getByTestId('profile-form')).toBeVisible();
  expect(placesHolding(await readStoredText(page), CANARY)).toEqual([]);
});

test("erasing in one tab resets the app's other tabs, which write nothing back", async ({ page, context }) => {
  await personWithHistory(page);
  const other = await context.newPage();
  await other.goto('/?backend=auto');
  await expect(other).toHaveURL(/#\/for-you$/);
  await waitForEngine(other);

  await openPrivacyCenter(page);
  await page.getByTestId('erase-data').click();
  await page.getByTestId('erase-confirm').click();
  await expect(page.getByTestId('erase-status')).toHaveAttribute('data-status', 'done');

  // The other tab reloaded on its own: it knows no profile, so its home is the questionnaire.
  await other.evaluate(() => {
    window.location.hash = '#/';
  });
  await expect(other.getByTestId('profile-form')).toBeVisible();
  await waitForEngine(other);
  expect(placesHolding(await readStoredText(other), CANARY)).toEqual([]);
});
