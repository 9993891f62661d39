/**
 * The keys that seal the person's records, and what is stored to get them back. Two protections:
 *
 * - `device`: a random AES-GCM key made by the browser as non-extractable, stored as the CryptoKey
 *   itself (IndexedDB keeps CryptoKeys by structured clone; script can use it but never read its
 *   bytes).
 * - `passphrase`: a key derived from the person's passphrase with PBKDF2-SHA-256; only the salt, the
 *   iteration count and a sealed check value are stored, so the data cannot be opened without the
 *   passphrase.
 *
 * Every key gets a random `keyId`, stored with its material, so that a tab can tell that another tab
 * replaced the key since it last read it.
 */
import type { KeyProtection } from '../protocol/engine-api';
import { WrongPassphraseError } from './storage-errors';
import { openRecord, sealedBytes, sealRecord, UnreadableRecordError, type SealedRecord } from './record-cipher';

/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;
/** AES-256. */
export const AES_KEY_BYTES = 32;

/** The verifier's context and plaintext: opening it proves the passphrase is the one it was sealed with. */
const VERIFIER_CONTEXT = 'meta/passphrase-verifier';
const VERIFIER_TEXT = 'private-finance-recommender: passphrase verifier';

interface KeyMaterialBase {
  readonly protection: KeyProtection;
  readonly keyId: string;
}

export interface DeviceKeyMaterial extends KeyMaterialBase {
  readonly protection: 'device';
  readonly key: CryptoKey;
}

export interface PassphraseKeyMaterial extends KeyMaterialBase {
  readonly protection: 'passphrase';
  readonly salt: Uint8Array<ArrayBuffer>;
  readonly iterations: number;
  /** VERIFIER_TEXT sealed under the derived key. */
  readonly verifier: SealedRecord;
}

/** What is stored to get the key back: the key itself, or how to derive it from the passphrase. */
export type KeyMaterial = DeviceKeyMaterial | PassphraseKeyMaterial;

/** The key this session seals and opens records with, and which stored material it came from. */
export interface SessionKey {
  readonly keyId: string;
  readonly key: CryptoKey;
}

/** A new key with the material to store for it. */
export interface NewKey {
  readonly material: KeyMaterial;
  readonly session: SessionKey;
}

/** A new random, non-extractable device key. */
export async function createDeviceKey(): Promise<NewKey> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: AES_KEY_BYTES * 8 }, false, ['encrypt', 'decrypt']);
  const keyId = crypto.randomUUID();
  return { material: { protection: 'device', keyId, key }, session: { keyId, key } };
}

/** The session key of stored device material (the key is stored as is). */
export function deviceSessionKey(material: DeviceKeyMaterial): SessionKey {
  return { keyId: material.keyId, key: material.key };
}

/** A new key derived from `passphrase` with a fresh salt, and its material (salt, iterations, verifier). */
export async function createPassphraseKey(passphrase: string): Promise<NewKey> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const key = await derivePassphraseKey(passphrase, salt, PBKDF2_ITERATIONS);
  const verifier = await sealRecord(key, VERIFIER_CONTEXT, VERIFIER_TEXT);
  const keyId = crypto.randomUUID();
  return { material: { protection: 'passphrase', keyId, salt, iterations: PBKDF2_ITERATIONS, verifier }, session: { keyId, key } };
}

/** Derives the key of passphrase material from `passphrase`; WrongPassphraseError when it is not the one. */
export async function unlockPassphraseKey(material: PassphraseKeyMaterial, passphrase: string): Promise<SessionKey> {
  const key = await derivePassphraseKey(passphrase, material.salt, material.iterations);
  const verifierText = await openRecord<string>(key, VERIFIER_CONTEXT, material.verifier).catch((error: unknown) => {
    // GCM fails to authenticate under any other key: that is what a wrong passphrase looks like.
    throw error instanceof UnreadableRecordError ? new WrongPassphraseError() : error;
  });
  if (verifierText !== VERIFIER_TEXT) throw new WrongPassphraseError();
  return { keyId: material.keyId, key };
}

/** Bytes the material takes as stored: the key's own length, or the salt and the sealed verifier. */
export function keyMaterialBytes(material: KeyMaterial): number {
  return material.protection === 'device' ? AES_KEY_BYTES : material.salt.byteLength + sealedBytes(material.verifier);
}

async function derivePassphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  // NFC: the same passphrase typed on another keyboard or system may arrive in another Unicode form.
  const secret = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    secret,
    { name: 'AES-GCM', length: AES_KEY_BYTES * 8 },
    false,
    ['encrypt', 'decrypt'],
  );
}
