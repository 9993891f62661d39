/**
 * Checks of what the page sends about the person, before anything is stored: a message that
 * reaches the worker is plain data of any shape, so every field is checked, and a failure is
 * INVALID_INPUT with a message that says which field and what is allowed.
 */
import { RISK_LEVELS, type RiskLevel } from '../engine/catalog';
import { EngineError } from '../engine/errors';
import {
  AGE_MAX,
  AGE_MIN,
  MAX_GOALS_TEXT_LENGTH,
  MIN_PASSPHRASE_LENGTH,
  PRODUCT_EVENT_KINDS,
  RETENTION_DAYS_MAX,
  RETENTION_DAYS_MIN,
  type ProductEventInput,
  type ProductEventKind,
  type ProfileInput,
} from '../protocol/engine-api';

function invalid(message: string): EngineError {
  return new EngineError('INVALID_INPUT', message);
}

function numberIn(value: unknown, low: number, high: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= low && value <= high;
}

function isRiskLevel(value: unknown): value is RiskLevel {
  return RISK_LEVELS.some((level) => level === value);
}

/** The profile as given, checked field by field (see `ProfileInput` for the ranges). */
export function validatedProfile(input: unknown): ProfileInput {
  const profile = (typeof input === 'object' && input !== null ? input : {}) as Partial<Record<keyof ProfileInput, unknown>>;
  const { riskLevel, horizonYears, age, goalsText, answers } = profile;
  if (!isRiskLevel(riskLevel)) throw invalid('The risk level must be one of R1 to R5 (1–5).');
  if (!numberIn(horizonYears, 0, 50)) throw invalid('The time horizon must be between 0 and 50 years.');
  if (!numberIn(age, AGE_MIN, AGE_MAX)) throw invalid(`The age must be between ${AGE_MIN} and ${AGE_MAX}.`);
  if (typeof goalsText !== 'string' || goalsText.trim() === '') throw invalid('Describe your goals in a few words.');
  if (goalsText.length > MAX_GOALS_TEXT_LENGTH) throw invalid(`Describe your goals in at most ${MAX_GOALS_TEXT_LENGTH} characters.`);
  if (typeof answers !== 'object' || answers === null || Object.values(answers).some((answer) => typeof answer !== 'string')) {
    throw invalid('The questionnaire answers must map each question to the id of the chosen option.');
  }
  return { riskLevel, horizonYears, age, goalsText, answers: { ...(answers as Record<string, string>) } };
}

function isEventKind(value: unknown): value is ProductEventKind {
  return PRODUCT_EVENT_KINDS.some((kind) => kind === value);
}

/** The event as given, checked: a known product, a known kind, a dwell time on views only. */
export function validatedEvent(input: unknown, knownProduct: (productId: string) => boolean): ProductEventInput {
  const event = (typeof input === 'object' && input !== null ? input : {}) as Partial<Record<keyof ProductEventInput, unknown>>;
  const { productId, kind, dwellMs } = event;
  if (typeof productId !== 'string' || !knownProduct(productId)) throw invalid(`There is no product ${JSON.stringify(productId)} in the catalog.`);
  if (!isEventKind(kind)) throw invalid(`Unknown event ${JSON.stringify(kind)}: use one of ${PRODUCT_EVENT_KINDS.join(', ')}.`);
  if (dwellMs === undefined) return { productId, kind };
  if (kind !== 'view') throw invalid('Only a view has a dwell time.');
  if (!numberIn(dwellMs, 0, Number.MAX_SAFE_INTEGER)) throw invalid('The dwell time must be a number of milliseconds, 0 or more.');
  return { productId, kind, dwellMs };
}

/** A retention period as given: a whole number of days in range, or null (keep every event). */
export function validatedRetentionDays(days: unknown): number | null {
  if (days === null) return null;
  if (typeof days !== 'number' || !Number.isInteger(days) || !numberIn(days, RETENTION_DAYS_MIN, RETENTION_DAYS_MAX)) {
    throw invalid(`Keep events for a whole number of days between ${RETENTION_DAYS_MIN} and ${RETENTION_DAYS_MAX}, or for ever.`);
  }
  return days;
}

/** A new passphrase as given: at least MIN_PASSPHRASE_LENGTH characters, or null (back to the device key). */
export function validatedNewPassphrase(passphrase: unknown): string | null {
  if (passphrase === null) return null;
  if (typeof passphrase !== 'string' || passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw invalid(`Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
  return passphrase;
}

/** The events' products that the catalog does not have, each once: an import naming them is refused. */
export function unknownProducts(events: readonly { readonly productId: string }[], knownProduct: (productId: string) => boolean): string[] {
  return [...new Set(events.map((event) => event.productId).filter((id) => !knownProduct(id)))];
}
