import { expect, test, type Page } from '@playwright/test';
import { answerQuestionnaire, cardFacts, forYouRevision, submitProfile, waitForEngine, waitForRefresh } from './helpers/app';
import { shippedProducts } from './helpers/catalog';

const PERSON_RISK = 2;
const INTERACTIONS = 30;

/** Goes to For you and returns the cards' facts once the list has refreshed past `revision`. */
async function forYouAfter(page: Page, revision: number) {
  await page.getByRole('link', { name: 'For you' }).click();
  await waitForRefresh(page, revision);
  return cardFacts(page.getByTestId('rec-card'));
}

test('an R2 person never sees a product above R2 in For you across 30 interactions', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'webgpu', 'The guard is the same code on every backend; the journey covers WebGPU.');
  await page.goto('/?backend=auto');
  await answerQuestionnaire(page, 'lowest');
  // One step up from the most cautious answers: R2 rather than R1.
  await page.getByTestId('profile-form').locator('fieldset').first().getByRole('radio').nth(2).check();
  await submitProfile(page, 'Grow my money over the long term, even with ups and downs.');
  await expect(page.getByTestId('risk-level')).toHaveAttribute('data-level', String(PERSON_RISK));
  await page.getByRole('link', { name: 'For you' }).click();
  await waitForEngine(page);
  await expect(page.getByTestId('rec-card').first()).toBeVisible({ timeout: 60_000 });

  // Most of the interactions are with risky products, which pull the model toward them hardest.
  const products = shippedProducts();
  const risky = products.filter((product) => product.risk_level >= 4);
  const safe = products.filter((product) => product.risk_level <= PERSON_RISK);
  const actions: readonly (string | null)[] = ['Favourite', 'Compare', 'Apply', null, 'Favourite', 'Not interested'];
  let seen = 0;
  for (let step = 0; step < INTERACTIONS; step++) {
    const product = step % 5 === 4 ? safe[step % safe.length]! : risky[step % risky.length]!;
    const action = actions[step % actions.length] ?? null;
    const revision = await forYouRevision(page);
    await page.evaluate((id) => {
      window.location.hash = `#/product/${id}`;
    }, product.id);
    await expect(page.getByTestId('product-page')).toHaveAttribute('data-product-id', product.id);
    // Just reading: a view counts once the page has been open for half a second (shorter is a bounce).
    if (!action) await page.waitForTimeout(800);
    if (action) {
      await page.getByRole('button', { name: action, exact: true }).click();
      // Applying is simulated, and asks for confirmation first.
      if (action === 'Apply') await page.getByRole('button', { name: /confirm/i }).click();
    }
    const cards = await forYouAfter(page, revision);
    expect(cards.length).toBeGreaterThan(0);
    const above = cards.filter((card) => card.risk > PERSON_RISK).map((card) => `${card.productId} (R${card.risk})`);
    expect(above, `For you after interaction ${step + 1}`).toEqual([]);
    seen += cards.length;
  }
  expect(seen).toBeGreaterThanOrEqual(INTERACTIONS);

  // Riskier products appear only on request, in their own labelled list, and For you stays suitable.
  await expect(page.getByTestId('above-risk-list')).toHaveCount(0);
  await page.getByTestId('show-above-risk').click();
  const aboveList = page.getByTestId('above-risk-list');
  await expect(aboveList).toBeVisible();
  await expect(aboveList).toContainText(/above your risk level/i);
  const aboveCards = await cardFacts(aboveList.getByTestId('above-risk-card'));
  expect(aboveCards.length).toBeGreaterThan(0);
  expect(aboveCards.every((card) => card.risk > PERSON_RISK)).toBe(true);
  const forYou = await cardFacts(page.getByTestId('for-you-list').getByTestId('rec-card'));
  expect(forYou.every((card) => card.risk <= PERSON_RISK)).toBe(true);
});
