import { expect, test } from '@playwright/test';
import { answerQuestionnaire, submitProfile, waitForEngine } from './helpers/app';

test('mistakes a person can make get clear messages and nothing crashes', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'webgpu', 'Input checks do not depend on the backend.');
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto('/?backend=auto');

  // A questionnaire left half done names what is missing.
  const form = page.getByTestId('profile-form');
  await expect(form).toBeVisible();
  const questions = form.locator('fieldset');
  for (let index = 0; index < 3; index++) await questions.nth(index).getByRole('radio').first().check();
  await form.getByLabel('Age').fill('35');
  await form.getByLabel('Your goals').fill('Retire early.');
  await form.getByRole('button', { name: 'See my recommendations' }).click();
  const errors = page.getByTestId('form-errors');
  await expect(errors).toBeVisible();
  for (let index = 3; index < (await questions.count()); index++) {
    const legend = (await questions.nth(index).locator('legend').innerText()).trim();
    await expect(errors).toContainText(legend.slice(0, 30));
  }
  await expect(page.getByTestId('risk-level')).toHaveCount(0);

  // Nonsense numbers and empty goals are refused with a reason.
  await answerQuestionnaire(page, 'middle');
  await form.getByLabel('Age').fill('7');
  await form.getByLabel('Your goals').fill('   ');
  await form.getByRole('button', { name: 'See my recommendations' }).click();
  await expect(errors).toContainText(/age/i);
  await expect(errors).toContainText(/goal/i);
  await submitProfile(page, 'Keep my savings safe.', 52);
  await expect(page.getByTestId('risk-level')).toBeVisible();

  // Search: empty, then nonsense.
  await page.getByRole('link', { name: 'Browse' }).click();
  await waitForEngine(page);
  await page.getByTestId('search-input').fill('   ');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('search-error')).toContainText(/type/i);
  await page.getByTestId('search-input').fill('xqzv plorth wibble');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('search-message')).toContainText(/nothing matches closely/i);

  // A product that does not exist.
  await page.evaluate(() => {
    window.location.hash = '#/product/no-such-product';
  });
  await expect(page.getByRole('heading', { name: /not found/i })).toBeVisible();
  await page.getByRole('link', { name: 'Browse' }).click();
  await expect(page.getByTestId('product-row').first()).toBeVisible();

  expect(pageErrors).toEqual([]);
  // A page that failed to render shows its error boundary instead of crashing: none did.
  await expect(page.getByTestId('page-error')).toHaveCount(0);
});
