/**
 * The scripted session the audit watches: what one person does in the app, with a canary in every
 * text they type (goals at onboarding and again on Profile, each search, the passphrase), at least
 * 50 product interactions, then the privacy center's export, import and erase. It drives the app
 * through its visible controls and test ids, as the e2e tests do, and waits for what the app shows,
 * never for fixed times (except a product page's half-second minimum for a view to count).
 */
import { readFile } from 'node:fs/promises';
import { expect as baseExpect, type Page } from '@playwright/test';
import { answerQuestionnaire, submitProfile, waitForEngine } from '../../../e2e/helpers/app';
import { shippedProducts } from '../../../e2e/helpers/catalog';
import type { ProductEventKind } from '../../../src/protocol/engine-api';
import { en } from '../../../src/i18n/messages/en';
import { findCanaries } from './canary';
import type { SessionSummary } from './report';

/** The canaries typed into each free-text field. */
export interface SessionCanaries {
  readonly goals: string;
  readonly profileGoals: string;
  readonly searches: readonly string[];
  readonly passphrase: string;
}

export interface SessionPlan {
  readonly origin: string;
  /** The address's query: the backend the session runs on (`?backend=wasm`). */
  readonly query: string;
  readonly canaries: SessionCanaries;
  /** Where the export file is saved. */
  readonly exportPath: string;
}

/** Generous waits for a 2-core CI machine: a passphrase's key derivation alone takes a second or two. */
const expect = baseExpect.configure({ timeout: 30_000 });

/** The fewest product interactions (views and actions, clicks aside) a session must make. */
const MIN_INTERACTIONS = 50;

/** Product pages opened from Browse or by address, on top of those opened from search results. */
const LISTED_VISITS = 24;

/** A view is recorded only after this long on a product page (use-record-view.ts: 500 ms), plus a margin. */
const VIEW_DWELL_MS = 650;

type Action = 'favourite' | 'compare' | 'apply' | 'not_interested';

/** What is done on each listed product page, in turn: every kind of action, and pages only read. */
const ACTION_CYCLE: readonly (readonly Action[])[] = [
  ['favourite'],
  ['compare'],
  // Favourite pressed twice: favourite, then unfavourite.
  ['favourite', 'favourite'],
  ['apply'],
  [],
  ['compare', 'favourite'],
  ['not_interested'],
];

/** Searches in a person's words, each carrying its own canary. */
const SEARCH_PHRASES: readonly string[] = [
  'somewhere safe for my emergency savings',
  'a loan to buy a house',
  'invest for my retirement over twenty years',
  'insurance to protect my family',
];

export async function runSession(page: Page, plan: SessionPlan): Promise<SessionSummary> {
  const started = Date.now();
  const steps: string[] = [];
  const log = (text: string) => {
    steps.push(`+${((Date.now() - started) / 1000).toFixed(1)} s  ${text}`);
  };
  const counts: Record<ProductEventKind, number> = { click: 0, view: 0, favourite: 0, unfavourite: 0, compare: 0, apply: 0, not_interested: 0 };
  const visited = new Set<string>();
  let backend: string | null = null;
  let cspHeader: string | null = null;
  let searches = 0;
  let exportFile: SessionSummary['exportFile'] = null;
  let imported = false;
  let erased = false;
  const total = () => Object.values(counts).reduce((sum, count) => sum + count, 0);
  const allCanaries = [plan.canaries.goals, plan.canaries.profileGoals, ...plan.canaries.searches, plan.canaries.passphrase];
  const home = `${plan.origin}/${plan.query}`;

  const goToRoute = async (route: string) => {
    // The hash router follows the address: no reload, no request.
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, route);
  };

  /** Presses an action on the open product page and waits until the app confirms it is stored. */
  const act = async (action: Action) => {
    const actions = page.getByRole('region', { name: 'Actions' });
    const status = actions.getByRole('status');
    let kind: keyof typeof en.labels.eventConfirmation = action;
    if (action === 'favourite') {
      const button = actions.getByRole('button', { name: 'Favourite' });
      kind = (await button.getAttribute('aria-pressed')) === 'true' ? 'unfavourite' : 'favourite';
      await button.click();
      await expect(button).toHaveAttribute('aria-pressed', kind === 'favourite' ? 'true' : 'false');
    } else if (action === 'apply') {
      await actions.getByRole('button', { name: 'Apply', exact: true }).click();
      await actions.getByRole('button', { name: /confirm/i }).click();
    } else {
      await actions.getByRole('button', { name: action === 'compare' ? 'Compare' : 'Not interested', exact: true }).click();
    }
    await expect(status).toHaveText(en.labels.eventConfirmation[kind]);
    counts[kind]++;
  };

  /** On an open product page: the actions, then long enough for the view to count when it is left. */
  const useProductPage = async (productId: string, actions: readonly Action[]) => {
    await expect(page.getByTestId('product-page')).toHaveAttribute('data-product-id', productId);
    const opened = Date.now();
    for (const action of actions) await act(action);
    const left = VIEW_DWELL_MS - (Date.now() - opened);
    if (left > 0) await page.waitForTimeout(left);
    // The view is recorded when the page is left, which every path below does next.
    counts.view++;
    visited.add(productId);
  };

  try {
    const response = await page.goto(home);
    cspHeader = response ? ((await response.allHeaders())['content-security-policy'] ?? null) : null;
    log(`opened ${home} (HTTP ${response?.status() ?? 'none'})`);

    await answerQuestionnaire(page, 'middle');
    await submitProfile(page, `I want a safe emergency fund first, then to save for a home near ${plan.canaries.goals} within five years.`, 41);
    await expect(page.getByTestId('risk-level')).toBeVisible();
    log('onboarding submitted, goals carrying a canary');

    await page.getByRole('link', { name: 'For you' }).click();
    await waitForEngine(page);
    backend = await page.getByTestId('backend-name').first().getAttribute('data-backend');
    await expect(page.getByTestId('rec-card').first()).toBeVisible({ timeout: 60_000 });
    log(`engine ready on ${backend ?? 'an unknown backend'}; For you shows suggestions`);

    // Searches (on the device), each opening one of its results.
    for (const [index, phrase] of SEARCH_PHRASES.entries()) {
      const canary = plan.canaries.searches[index] ?? plan.canaries.goals;
      await page.getByRole('link', { name: 'Browse' }).click();
      await page.getByTestId('search-input').fill(`${phrase} ${canary}`);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      // A close match names the query, so an earlier search's result cannot be taken for this one's.
      await expect(page.getByTestId('search-message')).toHaveText(new RegExp(`${canary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|nearest|No products`));
      searches++;
      const hits = page.getByTestId('search-hit');
      const ids = await hits.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-product-id') ?? ''));
      const pick = ids.find((id) => !visited.has(id));
      if (pick) {
        await hits.and(page.locator(`[data-product-id="${pick}"]`)).getByRole('link').click();
        counts.click++;
        await useProductPage(pick, index % 2 === 0 ? ['compare'] : ['favourite']);
      }
      log(`search ${index + 1} with a canary; opened ${pick ?? 'no result'}`);
    }

    // Product pages from Browse (a click, then a view) or by address (a view only).
    const products = shippedProducts();
    const stride = Math.max(1, Math.floor(products.length / LISTED_VISITS));
    const listed = products.filter((_, index) => index % stride === 0).filter((product) => !visited.has(product.id)).slice(0, LISTED_VISITS);
    for (const [index, product] of listed.entries()) {
      if (index % 6 === 5) {
        await goToRoute(`#/product/${product.id}`);
      } else {
        await page.getByRole('link', { name: 'Browse' }).click();
        // Every other time filtered by its category first, as a person looking for one kind of product would.
        await page.getByLabel('Category').selectOption(index % 2 === 0 ? product.category : 'all');
        await page.locator(`[data-testid="product-row"][data-product-id="${product.id}"]`).getByRole('link').first().click();
        counts.click++;
      }
      await useProductPage(product.id, ACTION_CYCLE[index % ACTION_CYCLE.length] ?? []);
      if (index % 8 === 7) {
        await page.getByRole('link', { name: 'For you' }).click();
        await expect(page.getByTestId('rec-card').first()).toBeVisible({ timeout: 60_000 });
      }
    }
    const interactions = total() - counts.click;
    expect(interactions, 'views and actions on product pages (clicks not counted)').toBeGreaterThanOrEqual(MIN_INTERACTIONS);
    log(`${visited.size} product pages used: ${interactions} views and actions, ${counts.click} clicks`);

    // The goals again, edited on Profile.
    await page.getByRole('link', { name: 'Profile' }).click();
    await submitProfile(page, `Also put money aside for my children's studies at ${plan.canaries.profileGoals} college.`, 41);
    await expect(page.getByText('Profile saved on this device')).toBeVisible();
    log('profile goals edited, carrying a second canary');

    // The privacy center.
    await goToRoute('#/privacy');
    await expect(page.getByTestId('privacy-page')).toBeVisible();
    const passphraseForm = page.getByTestId('passphrase-form');
    await passphraseForm.getByLabel('New passphrase').fill(plan.canaries.passphrase);
    await passphraseForm.getByLabel('Type it again').fill(plan.canaries.passphrase);
    await passphraseForm.getByRole('button', { name: /Lock/ }).click();
    await expect(page.getByTestId('passphrase-status')).toHaveAttribute('data-status', 'done');
    // A new start asks for the passphrase: typed once more, into the unlock form.
    await page.goto(home);
    const unlock = page.getByTestId('unlock-form');
    await unlock.getByLabel('Passphrase').fill(plan.canaries.passphrase);
    await unlock.getByRole('button', { name: /Open/ }).click();
    await expect(unlock).toBeHidden({ timeout: 60_000 });
    await goToRoute('#/privacy');
    await expect(page.getByTestId('privacy-page')).toBeVisible();
    log('passphrase (a canary) set, page reloaded, data unlocked with it');

    const download = page.waitForEvent('download');
    await page.getByTestId('export-data').click();
    await (await download).saveAs(plan.exportPath);
    const exported = await readFile(plan.exportPath, 'utf8');
    const events: unknown = (JSON.parse(exported) as { events?: unknown }).events;
    exportFile = { bytes: Buffer.byteLength(exported), events: Array.isArray(events) ? events.length : null, canariesFound: findCanaries(exported, allCanaries) };
    expect(exportFile.canariesFound, 'the export holds the goals as last saved').toContain(plan.canaries.profileGoals);
    expect(exportFile.events, 'the export holds every event the session made').toBe(total());
    log(`exported ${exportFile.bytes} bytes (${exportFile.events ?? '?'} events; the session recorded ${total()}), holding canaries ${exportFile.canariesFound.join(', ')}`);

    await page.getByTestId('import-file').setInputFiles(plan.exportPath);
    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('import-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    imported = true;
    log('imported the exported file');

    await page.getByTestId('erase-data').click();
    await page.getByTestId('erase-confirm').click();
    await expect(page.getByTestId('erase-status')).toBeVisible();
    await expect(page.getByTestId('erase-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    erased = true;
    log('erased everything');

    // A new start after erasing: the questions again, as on a first visit. Waiting for the models
    // to load again ends the session quiet, with no request still to come.
    await page.goto(home);
    await expect(page.getByTestId('profile-form')).toBeVisible();
    await waitForEngine(page);
    log('reloaded: onboarding again, nothing left; models loaded');
    return summary(true, null);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n').slice(0, 6).join('\n') : String(error);
    log(`stopped: ${message}`);
    return summary(false, message);
  }

  function summary(completed: boolean, error: string | null): SessionSummary {
    return {
      completed,
      error,
      backend,
      cspHeader,
      interactions: total(),
      interactionCounts: counts,
      productsVisited: visited.size,
      searches,
      exportFile,
      imported,
      erased,
      steps,
    };
  }
}
