import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { answerQuestionnaire, submitProfile, tabTo, waitForEngine } from './helpers/app';

/** axe's WCAG 2.x A/AA rules; a serious or critical violation fails the page. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Screenshots at both widths, for a person to look at, and a check that nothing scrolls sideways at 375 px. */
async function checkLayouts(page: Page, name: string): Promise<void> {
  for (const width of [375, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} at ${width} px scrolls sideways by`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe('every page', () => {
  test('has no serious accessibility violations and holds at 375 px and 1440 px', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name === 'webgpu', 'Layout and accessibility do not depend on the backend.');
    await page.goto('/?backend=auto');
    await expect(page.getByTestId('profile-form')).toBeVisible();
    expect(await seriousViolations(page), 'onboarding').toEqual([]);
    await checkLayouts(page, 'onboarding');

    await answerQuestionnaire(page, 'middle');
    await submitProfile(page, 'Save for a house deposit in five years.');
    await expect(page.getByTestId('risk-level')).toBeVisible();
    expect(await seriousViolations(page), 'risk result').toEqual([]);

    await page.getByRole('link', { name: 'For you' }).click();
    await waitForEngine(page);
    await expect(page.getByTestId('rec-card').first()).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('show-above-risk').click();
    await expect(page.getByTestId('above-risk-list')).toBeVisible();
    expect(await seriousViolations(page), 'for you').toEqual([]);
    await checkLayouts(page, 'for-you');

    await page.getByRole('link', { name: 'Browse' }).click();
    await page.getByTestId('search-input').fill('a safe place for my emergency savings');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByTestId('search-hit').first()).toBeVisible();
    expect(await seriousViolations(page), 'browse').toEqual([]);
    await checkLayouts(page, 'browse');

    await page.getByTestId('product-row').first().getByRole('link').first().click();
    await expect(page.getByTestId('product-page')).toBeVisible();
    expect(await seriousViolations(page), 'product').toEqual([]);
    await checkLayouts(page, 'product');

    await page.getByRole('link', { name: 'Profile' }).click();
    await expect(page.getByTestId('profile-form')).toBeVisible();
    expect(await seriousViolations(page), 'profile').toEqual([]);
    await checkLayouts(page, 'profile');

    await page.getByRole('link', { name: 'Model' }).click();
    await expect(page.getByTestId('load-progress')).toBeVisible();
    expect(await seriousViolations(page), 'model').toEqual([]);
    await checkLayouts(page, 'model');

    await page.getByRole('link', { name: 'Privacy' }).click();
    await expect(page.getByTestId('stored-data')).toBeVisible();
    await expect(page.getByTestId('ledger-verdict')).toBeVisible();
    await page.getByTestId('erase-data').click();
    await expect(page.getByTestId('erase-confirm')).toBeVisible();
    expect(await seriousViolations(page), 'privacy').toEqual([]);
    await checkLayouts(page, 'privacy');
  });

  test('works from the keyboard alone', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name === 'webgpu', 'Keyboard handling does not depend on the backend.');
    await page.goto('/?backend=auto');
    const form = page.getByTestId('profile-form');
    await expect(form).toBeVisible();
    // Each question is a radio group: Tab enters it, an arrow key picks the next option.
    const questions = form.locator('fieldset');
    const count = await questions.count();
    for (let index = 0; index < count; index++) {
      await tabTo(page, questions.nth(index).getByRole('radio').first());
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
    }
    for (let index = 0; index < count; index++) {
      await expect(questions.nth(index).getByRole('radio').nth(1)).toBeChecked();
    }
    await tabTo(page, form.getByLabel('Age'));
    await page.keyboard.type('41');
    await tabTo(page, form.getByLabel('Your goals'));
    await page.keyboard.type('Pay for my daughter\'s university in ten years.');
    await tabTo(page, form.getByRole('button', { name: 'See my recommendations' }));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('risk-level')).toBeVisible();

    await tabTo(page, page.getByRole('link', { name: 'Browse' }));
    await page.keyboard.press('Enter');
    const firstProduct = page.getByTestId('product-row').first().getByRole('link').first();
    await tabTo(page, firstProduct, 200);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('product-page')).toBeVisible();
    await waitForEngine(page);
    const favourite = page.getByRole('button', { name: 'Favourite' });
    await tabTo(page, favourite);
    await page.keyboard.press('Space');
    await expect(favourite).toHaveAttribute('aria-pressed', 'true');

    await tabTo(page, page.getByRole('link', { name: 'For you' }));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('rec-card').first()).toBeVisible({ timeout: 60_000 });
    const variety = page.getByTestId('diversity');
    await tabTo(page, variety);
    const before = await variety.inputValue();
    await page.keyboard.press('ArrowRight');
    await expect(variety).not.toHaveValue(before);
    await tabTo(page, page.getByTestId('show-above-risk'));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('above-risk-list')).toBeVisible();
  });
});
