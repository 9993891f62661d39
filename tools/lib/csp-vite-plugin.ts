import type { Plugin } from 'vite';
import { CSP_META_VALUE } from './content-security-policy.ts';

/**
 * Writes the policy into every built HTML page as `<meta http-equiv="Content-Security-Policy">`, so
 * that a static host that cannot set headers still gives the page its policy. `vite preview` sends
 * the full policy as a header too (vite.config.ts); the header is the stronger of the two: it also
 * covers the engine worker (a worker's policy comes from its own response, never from the page's
 * meta) and `frame-ancestors` (ignored in meta).
 *
 * Build only: the dev server's HMR client and React Refresh preamble are inline scripts and need
 * what this policy forbids.
 */
export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'content-security-policy-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => injectCspMeta(html, CSP_META_VALUE),
    },
  };
}

/**
 * `html` with the policy's meta tag at the top of <head>, right after `<meta charset>` when there is
 * one: a meta policy applies only to what the parser meets after it. Written as text rather than as
 * a Vite tag descriptor, which would escape every quote as `&#39;` and leave the policy unreadable
 * in the built file.
 */
export function injectCspMeta(html: string, policy: string): string {
  if (/["&<>]/.test(policy)) throw new Error(`A policy with ", &, < or > needs escaping in an attribute: ${policy}`);
  const anchor = /<meta\s+charset=[^>]*>/i.exec(html) ?? /<head(\s[^>]*)?>/i.exec(html);
  if (!anchor) throw new Error('No <head> to put the Content-Security-Policy meta tag in.');
  const at = anchor.index + anchor[0].length;
  return `${html.slice(0, at)}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />${html.slice(at)}`;
}
