/**
 * Canaries: unique strings the audit types into the app (goals, searches) and then looks for in
 * everything that reached the network. Found in any form a leak would plausibly take: as typed, in
 * another letter case, percent- or form-encoded (once or twice), or inside base64 (standard or URL-safe,
 * at any alignment within a longer base64 text).
 */
import { randomBytes } from 'node:crypto';

/** A fresh canary for one field, e.g. `pfr-canary-goals-3f9a1c2b7d04`: random, so no run can pass on stale data. */
export function makeCanary(label: string, random: () => string = () => randomBytes(6).toString('hex')): string {
  return `pfr-canary-${label}-${random()}`;
}

/** `text` percent-decoded; unchanged where a `%` sequence is malformed (a leak need not be valid). */
function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}

/** Every reading of `text` a canary could hide in: raw, percent-decoded twice, form-decoded (`+` is a space). */
function decodedReadings(text: string): string[] {
  const once = percentDecode(text);
  return [...new Set([text, once, percentDecode(once), percentDecode(text.replace(/\+/g, ' '))])];
}

/** Base64 digits of one character position onwards that depend on `bytes` alone, for each of the 3 alignments. */
function base64Fragments(bytes: Buffer): string[] {
  // With `lead` unknown bytes before it, the first 0, 2 or 3 digits mix in those bytes; the last digit
  // may mix in the byte after it, so only the floor(8n/6) digits covering whole 6-bit groups are kept.
  const skip = [0, 2, 3];
  return [0, 1, 2].map((lead) => {
    const digits = Buffer.concat([Buffer.alloc(lead), bytes]).toString('base64');
    return digits.slice(skip[lead], Math.floor(((lead + bytes.length) * 8) / 6));
  });
}

/** The base64 forms (standard and URL-safe) of `canary` in its own, lower and upper case. */
export function base64Forms(canary: string): string[] {
  const forms = new Set<string>();
  for (const variant of new Set([canary, canary.toLowerCase(), canary.toUpperCase()])) {
    for (const fragment of base64Fragments(Buffer.from(variant, 'utf8'))) {
      forms.add(fragment);
      forms.add(fragment.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...forms];
}

/** The canaries of `canaries` that occur in `text` in any of the forms above. */
export function findCanaries(text: string, canaries: readonly string[]): string[] {
  if (text === '' || canaries.length === 0) return [];
  const readings = decodedReadings(text);
  const lowered = readings.map((reading) => reading.toLowerCase());
  return canaries.filter(
    (canary) =>
      lowered.some((reading) => reading.includes(canary.toLowerCase())) ||
      // base64 is case-sensitive: its forms are matched as they are, in the raw and decoded readings.
      base64Forms(canary).some((form) => readings.some((reading) => reading.includes(form))),
  );
}
