/**
 * The UI in two languages: every page in English and in Simplified Chinese without a missing
 * translation, the Chinese pages without English UI text outside product data (screenshots
 * attached), numbers and dates written the Chinese way, and the choice remembered.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { answerQuestionnaire, waitForEngine } from './helpers/app';

test.beforeEach(({ page: _page }, testInfo) => {
  test.skip(testInfo.project.name === 'webgpu', 'The UI texts do not depend on the backend: checked on WASM.');
});

/** Technical names that stay as they are in Chinese UI text (codes and acronyms, no English words). */
const ALLOWED_LATIN = new Set(['WebGPU', 'WASM', 'CPU', 'GPU', 'GNN', 'ETF', 'MB', 'kB', 'IndexedDB', 'AES-GCM', 'JSON', 'PWA', 'URL', 'GET', 'HTTP', 'ID', 'SHA-256', 'USE', 'LightGCN', 'ms', 'English']);

/** Console lines that report a missing translation (src/i18n/i18n.ts). */
function watchMissingTranslations(page: Page): string[] {
  const missing: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Missing translation')) missing.push(message.text());
  });
  return missing;
}

/**
 * Latin-letter words the page shows (text, and the labels, titles and placeholders people hear or
 * see) outside elements marked lang="en" (product data, engine details), less the allowed names.
 */
function englishUiText(page: Page): Promise<string[]> {
  return page.evaluate((allowed) => {
    const found: string[] = [];
    const outsideEnglish = (element: Element | null) => !element?.closest('[lang="en"]');
    const check = (text: string, where: string) => {
      for (const word of text.match(/[A-Za-z][A-Za-z0-9-]*/g) ?? []) {
        if (!/^R[1-5]$/.test(word) && !allowed.includes(word)) found.push(`${word} — in ${where}: "${text.trim().slice(0, 80)}"`);
      }
    };
    for (const element of document.body.querySelectorAll('*')) {
      if (!outsideEnglish(element) || element.closest('script, style, noscript')) continue;
      // Text in an <option> or a closed <details> is not rendered as a box, but people still read it.
      if (!element.checkVisibility() && !element.closest('option, details')) continue;
      // The element's own text, its text nodes joined: React writes "R{level}" as "R" and "3".
      const own = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent ?? '').join('');
      check(own, element.tagName.toLowerCase());
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (!outsideEnglish(element)) continue;
      for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(attribute);
        if (value) check(value, `${element.tagName.toLowerCase()}[${attribute}]`);
      }
    }
    check(document.title, 'title');
    return found;
  }, [...ALLOWED_LATIN]);
}

async function checkChinesePage(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // Kept in the test's output folder (test-results/), for a person to look at.
  await page.screenshot({ fullPage: true, path: testInfo.outputPath(`zh-CN-${name.replace(/\W+/g, '-')}.png`) });
  expect(await englishUiText(page), `English UI text on the Chinese ${name} page`).toEqual([]);
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}

test('the Chinese UI shows no English outside product data, and numbers and dates are written the Chinese way', async ({ page }, testInfo) => {
  test.setTimeout(10 * 60_000);
  const missing = watchMissingTranslations(page);
  await page.goto('/?backend=wasm');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('link', { name: '浏览' })).toBeVisible();

  // Onboarding, with its validation messages.
  const form = page.getByTestId('profile-form');
  await form.locator('button[type="submit"]').click();
  await expect(page.getByTestId('form-errors')).toBeVisible();
  await checkChinesePage(page, testInfo, 'onboarding');
  await answerQuestionnaire(page, 'middle');
  await form.locator('input[type="number"]').fill('42');
  await form.locator('textarea').fill('Save for my children’s education and a safe emergency fund.');
  await form.locator('button[type="submit"]').click();
  await expect(page.getByTestId('risk-level')).toHaveAttribute('data-level', '3');
  await checkChinesePage(page, testInfo, 'profile');

  await go(page, '#/for-you');
  await waitForEngine(page);
  await expect(page.getByTestId('rec-card').first()).toBeVisible();
  await checkChinesePage(page, testInfo, 'for-you');

  await go(page, '#/browse');
  await page.getByTestId('search-input').fill('a safe place for my emergency savings');
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await checkChinesePage(page, testInfo, 'browse');

  await go(page, '#/product/sav-008');
  await page.getByRole('button', { name: '收藏' }).first().click();
  await expect(page.getByText('已在本设备上加入收藏。')).toBeVisible();
  // Money in the Chinese way: "€1,000", and terms as "12个月" rather than "12 months".
  await expect(page.locator('main')).toContainText('€1,000');
  await checkChinesePage(page, testInfo, 'product');

  await go(page, '#/model');
  await checkChinesePage(page, testInfo, 'model');

  await go(page, '#/privacy');
  await expect(page.getByTestId('stored-event-count')).not.toHaveAttribute('data-count', '0');
  // Dates of stored events: "2026年12月5日".
  await expect(page.locator('main time').first()).toHaveText(/\d{4}年\d{1,2}月\d{1,2}日/);
  await checkChinesePage(page, testInfo, 'privacy');

  await go(page, '#/advisor');
  await expect(page.getByTestId('persona-card')).toHaveCount(6);
  await page.locator('.persona-comparison button[type="submit"]').click();
  await expect(page.getByTestId('compare-column')).toHaveCount(2);
  await page.locator('[data-testid="persona-card"][data-persona="young-family"]').locator('button').first().click();
  await expect(page.getByTestId('persona-banner')).toBeVisible();
  await checkChinesePage(page, testInfo, 'advisor');

  await go(page, '#/nowhere');
  await checkChinesePage(page, testInfo, 'not found');

  // Remembered: a reload starts in Chinese.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('link', { name: '浏览' })).toBeVisible();
  expect(missing, 'missing translations').toEqual([]);
});

test('every page in English has all its texts, and switching language is possible at any time', async ({ page }) => {
  const missing = watchMissingTranslations(page);
  await page.goto('/?backend=wasm#/browse');
  for (const hash of ['#/', '#/profile', '#/for-you', '#/browse', '#/product/bond-001', '#/model', '#/privacy', '#/advisor']) {
    await go(page, hash);
    await expect(page.locator('h1')).toBeVisible();
  }
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('顾问模式');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Advisor mode');
  expect(missing, 'missing translations').toEqual([]);
});
