import { expect, type Locator, type Page, type Request } from '@playwright/test';

/** Loading the models and encoding the catalog on SwiftShader (WebGPU on the CPU) takes minutes. */
export const ENGINE_READY_TIMEOUT = 8 * 60_000;

/** Which option each questionnaire answer picks: the lowest-scoring, the highest, or by index. */
export type AnswerChoice = 'lowest' | 'middle' | 'highest' | number;

/**
 * Records every request the page and its workers make, so that a test can check that nothing but
 * GETs of our own origin happened.
 */
export function watchRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  return requests;
}

/** Requests that are not a GET of `origin`, as "METHOD url" lines (should be none). */
export function strayRequests(requests: readonly Request[], origin: string): string[] {
  return requests
    .filter((request) => request.method() !== 'GET' || new URL(request.url()).origin !== origin)
    .map((request) => `${request.method()} ${request.url()}`);
}

/** Waits for the engine to finish loading and fails with the app's own message if it could not. */
export async function waitForEngine(page: Page): Promise<void> {
  const status = page.getByTestId('model-status').first();
  // By its code rather than its words, so that it works in every language.
  await expect(status).toHaveAttribute('data-status', /^(ready|error)$/, { timeout: ENGINE_READY_TIMEOUT });
  const engineError = page.getByTestId('engine-error');
  // textContent includes the engine's message, folded away under "Technical details".
  const failure = (await engineError.count()) > 0 ? ((await engineError.first().textContent()) ?? '') : '';
  expect(failure, 'error shown while loading the engine').toBe('');
}

/**
 * Answers every question of the profile form. Options are listed from the lowest to the highest
 * score, so `lowest` everywhere gives R1, `middle` R3 and `highest` R5; a per-question list picks by index.
 */
export async function answerQuestionnaire(page: Page, choices: AnswerChoice | readonly AnswerChoice[]): Promise<void> {
  const form = page.getByTestId('profile-form');
  // The form appears once the app knows whether this device holds saved answers.
  await expect(form).toBeVisible();
  const questions = form.locator('fieldset');
  const count = await questions.count();
  expect(count, 'questions in the risk questionnaire').toBeGreaterThanOrEqual(6);
  for (let index = 0; index < count; index++) {
    const choice: AnswerChoice = typeof choices === 'object' ? (choices[index] ?? 'lowest') : choices;
    const options = questions.nth(index).getByRole('radio');
    const optionCount = await options.count();
    const pick = choice === 'lowest' ? 0 : choice === 'highest' ? optionCount - 1 : choice === 'middle' ? Math.floor((optionCount - 1) / 2) : choice;
    await options.nth(pick).check();
  }
}

/** Fills age and goals and submits the onboarding form. */
export async function submitProfile(page: Page, goals: string, age = 35): Promise<void> {
  const form = page.getByTestId('profile-form');
  await form.getByLabel('Age').fill(String(age));
  await form.getByLabel('Your goals').fill(goals);
  await form.getByRole('button', { name: /See my recommendations|Save profile/ }).click();
}

/** The For-you list's revision now, so that a test can wait for the next refresh. */
export async function forYouRevision(page: Page): Promise<number> {
  return Number(await page.getByTestId('for-you-list').getAttribute('data-revision'));
}

/** Waits until the For-you list shows a result newer than `after`. */
export async function waitForRefresh(page: Page, after: number): Promise<void> {
  await expect
    .poll(() => forYouRevision(page), { message: 'For you refreshed after the interaction', timeout: ENGINE_READY_TIMEOUT })
    .toBeGreaterThan(after);
}

export interface CardFacts {
  readonly productId: string;
  readonly risk: number;
  readonly goals: readonly string[];
  /** Neighbours named by interaction reasons. */
  readonly neighbours: readonly string[];
  readonly reasonCount: number;
}

/** What every card of a list says about itself (ids, risk, goals, reasons). */
export async function cardFacts(cards: Locator): Promise<CardFacts[]> {
  return cards.evaluateAll((elements) =>
    elements.map((card) => {
      const reasons = [...card.querySelectorAll('[data-testid="rec-reason"]')];
      return {
        productId: card.getAttribute('data-product-id') ?? '',
        risk: Number(card.getAttribute('data-risk')),
        goals: (card.getAttribute('data-goals') ?? '').split(',').filter(Boolean),
        neighbours: reasons
          .filter((reason) => reason.getAttribute('data-kind') === 'interaction')
          .map((reason) => reason.getAttribute('data-product-id') ?? ''),
        reasonCount: reasons.length,
      };
    }),
  );
}

/** Presses Tab until `target` has focus (at most `limit` times): proof it is reachable by keyboard. */
export async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let step = 0; step < limit; step++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Not reachable with ${limit} presses of Tab: ${target.toString()}`);
}
