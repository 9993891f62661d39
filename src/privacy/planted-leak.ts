/**
 * TEST ONLY: a deliberate leak for the privacy audit to catch (`npm run audit:privacy:leak-check`).
 * main.tsx loads it only in a build made with VITE_PRIVACY_AUDIT_PLANTED_LEAK=1; every other build
 * leaves it out (Vite replaces the flag at build time and the dead branch goes with its import).
 */

/** Where the leak posts to: our own origin, which the Content Security Policy allows. */
export const PLANTED_LEAK_ENDPOINT = '/__planted-leak';

/**
 * Posts the text of every submitted form (goals, searches, passphrases) to our own origin, the way a
 * careless analytics snippet would; the audit must see the canaries in these requests' bodies.
 */
export function plantLeak(): void {
  document.addEventListener(
    'submit',
    (event) => {
      if (!(event.target instanceof HTMLFormElement)) return;
      const texts = [...event.target.elements]
        .filter((field): field is HTMLInputElement | HTMLTextAreaElement => field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && ['text', 'search', 'password'].includes(field.type)))
        .map((field) => field.value);
      void fetch(PLANTED_LEAK_ENDPOINT, { method: 'POST', body: JSON.stringify(texts), keepalive: true }).catch(() => undefined);
    },
    // Capture: seen before the app's own handler, whatever it does with the event.
    true,
  );
}
