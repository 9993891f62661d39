/**
 * The app's Content Security Policy, defined once. vite.config.ts serves it as a header from
 * `vite preview` and writes it into the built index.html (csp-vite-plugin.ts); the tests check both
 * against this list.
 *
 * Everything the app loads is a static file of its own origin, so every fetch directive is 'self'.
 * The sources beyond that, and why:
 * - script-src 'wasm-unsafe-eval': what lets WebAssembly.compile/instantiate run (tfjs's WASM
 *   backend). It allows WebAssembly only, not eval() or new Function().
 * - img-src data: the page's `<link rel="icon" href="data:,">`, an empty icon that stops the browser
 *   asking the server for /favicon.ico (favicons are governed by img-src).
 * Not needed, checked: style-src 'unsafe-inline' (the build has no inline <style> or style="";
 * React's `style={{…}}` writes through the CSSOM, which CSP allows); worker-src blob: (the engine
 * worker is a file of ours; tfjs's blob: pthread workers run only when cross-origin isolated, which
 * the app is not); 'unsafe-eval' (nothing needs eval at run time; zod probes for it with
 * `new Function` and falls back to its interpreter, and `z.config({ jitless: true })` skips even the
 * probe, which a browser reports as a violation although zod catches the error).
 */
export const CSP_DIRECTIVES = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
  ['worker-src', ["'self'"]],
  ['connect-src', ["'self'"]],
  ['img-src', ["'self'", 'data:']],
  ['style-src', ["'self'"]],
  ['font-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
] as const satisfies readonly (readonly [string, readonly string[]])[];

export type CspDirectiveName = (typeof CSP_DIRECTIVES)[number][0];

/** Directives a `<meta http-equiv>` policy may not carry: browsers ignore them there, with a console warning. */
export const HEADER_ONLY_DIRECTIVES: readonly CspDirectiveName[] = ['frame-ancestors'];

/** The policy as an HTTP header value. */
export const CSP_HEADER_VALUE = serialize(CSP_DIRECTIVES);

/** The policy for `<meta http-equiv="Content-Security-Policy">`: the header's, less header-only directives. */
export const CSP_META_VALUE = serialize(CSP_DIRECTIVES.filter(([name]) => !HEADER_ONLY_DIRECTIVES.includes(name)));

function serialize(directives: readonly (readonly [string, readonly string[]])[]): string {
  return directives.map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * A served policy as directive name → sources (names lower-cased, as browsers read them). A
 * directive repeated in one policy is ignored by browsers after its first occurrence; so here.
 */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name === undefined) continue;
    const key = name.toLowerCase();
    if (!directives.has(key)) directives.set(key, sources);
  }
  return directives;
}
