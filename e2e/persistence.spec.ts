import { expect, test } from '@playwright/test';
import { answerQuestionnaire, submitProfile, waitForEngine } from './helpers/app';

test('a returning person keeps their profile and favourites after a reload', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'webgpu', 'Storage does not depend on the backend.');
  await page.goto('/?backend=auto');
  await answerQuestionnaire(page, 'highest');
  await submitProfile(page, 'Grow my wealth aggressively over twenty years.');
  await expect(page.getByTestId('risk-level')).toHaveAttribute('data-level', '5');
  await waitForEngine(page);

  await page.evaluate(() => {
    window.location.hash = '#/product/fund-001';
  });
  const favourite = page.getByRole('button', { name: 'Favourite' });
  await favourite.click();
  await expect(favourite).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('link', { name: 'For you' }).click();
  await expect(page.getByTestId('rec-card').first()).toBeVisible();

  await page.goto('/?backend=auto');
  // Recognised from this device's storage: straight to For you, without the questions.
  await expect(page).toHaveURL(/#\/for-you$/);
  await expect(page.getByTestId('risk-level')).toHaveAttribute('data-level', '5');
  await waitForEngine(page);
  await page.evaluate(() => {
    window.location.hash = '#/product/fund-001';
  });
  await expect(page.getByRole('button', { name: 'Favourite' })).toHaveAttribute('aria-pressed', 'true');
});
