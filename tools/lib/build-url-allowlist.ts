/**
 * Absolute URLs that the build output may contain, each with why it is never requested. Libraries
 * carry URLs as namespace identifiers, in error-message text, in licence comments and as defaults
 * we override; the scan (build-scan.ts) fails on any URL not listed here, and the unit test fails on
 * an entry that no longer matches anything, so the list stays exact.
 *
 * Whatever slipped through, the Content Security Policy (content-security-policy.ts) would still
 * block a request to another origin at run time: every fetch directive is 'self'.
 */
export interface AllowedUrl {
  /** The URL, or its beginning when `match` is 'prefix'. */
  readonly url: string;
  readonly match: 'exact' | 'prefix';
  /** The package (or file of ours) that ships it. */
  readonly source: string;
  readonly reason: string;
}

const NAMESPACE = 'an XML namespace name passed to createElementNS/setAttributeNS: an identifier, never fetched';
const MESSAGE_TEXT = 'text of an error or warning message, shown to a developer, never fetched';
const SHADER_COMMENT = 'a comment inside WGSL shader source that tfjs hands to the GPU compiler, never fetched';

export const BUILD_URL_ALLOWLIST: readonly AllowedUrl[] = [
  // React DOM (page bundle).
  { url: 'http://www.w3.org/2000/svg', match: 'exact', source: 'react-dom', reason: NAMESPACE },
  { url: 'http://www.w3.org/1998/Math/MathML', match: 'exact', source: 'react-dom', reason: NAMESPACE },
  { url: 'http://www.w3.org/1999/xlink', match: 'exact', source: 'react-dom', reason: NAMESPACE },
  { url: 'http://www.w3.org/XML/1998/namespace', match: 'exact', source: 'react-dom', reason: NAMESPACE },
  {
    url: 'https://react.dev/errors/',
    match: 'exact',
    source: 'react, react-dom',
    reason: 'production error messages name the page that decodes the error code; text, never fetched',
  },

  // react-i18next (page bundle).
  { url: 'https://react.i18next.com/latest/usetranslation-hook', match: 'exact', source: 'react-i18next', reason: MESSAGE_TEXT },

  // Workbox (the service worker's runtime, workbox-*.js).
  { url: 'https://bit.ly/wb-precache', match: 'exact', source: 'workbox-precaching', reason: MESSAGE_TEXT },

  // tfjs (worker bundle).
  {
    url: 'http://www.apache.org/licenses/LICENSE-2.0',
    match: 'exact',
    source: '@tensorflow/tfjs-*',
    reason: 'the Apache-2.0 licence header of each tfjs file, kept as a legal comment; comment text',
  },
  { url: 'https://github.com/tensorflow/tfjs-node', match: 'exact', source: '@tensorflow/tfjs-core', reason: MESSAGE_TEXT },
  {
    url: 'https://github.com/tensorflow/tfjs/blob/master/tfjs-backend-wasm/README.md#using-bundlers',
    match: 'exact',
    source: '@tensorflow/tfjs-backend-wasm',
    reason: MESSAGE_TEXT,
  },
  {
    url: 'https://emscripten.org/docs/porting/pthreads.html#blocking-on-the-main-browser-thread',
    match: 'exact',
    source: '@tensorflow/tfjs-backend-wasm (Emscripten runtime)',
    reason: MESSAGE_TEXT,
  },
  { url: 'https://www.shadertoy.com/view/4djSRW', match: 'exact', source: '@tensorflow/tfjs-backend-webgpu', reason: SHADER_COMMENT },
  {
    url: 'https://en.wikipedia.org/wiki/IEEE_754-1985#Representation_of_non-numbers',
    match: 'exact',
    source: '@tensorflow/tfjs-backend-webgpu',
    reason: SHADER_COMMENT,
  },

  // transformers.js (worker bundle; used for its tokenizer only).
  {
    url: 'https://huggingface.co/',
    match: 'exact',
    source: '@huggingface/transformers',
    reason:
      'env.remoteHost, the Hugging Face Hub default; overridden at run time by src/engine/encoder/tokenizer.ts ' +
      "(allowRemoteModels = false, and a fetch that refuses other origins), and CSP connect-src 'self' would block it anyway",
  },
  {
    url: 'https://cdn.jsdelivr.net/npm/onnxruntime-web@',
    match: 'prefix',
    source: '@huggingface/transformers',
    reason:
      "ONNX Runtime's default WASM location, set only when onnxruntime-web is present; vite.config.ts replaces " +
      "onnxruntime-web with an empty module, so that branch never runs, and CSP script-src/connect-src 'self' would block it anyway",
  },
  { url: 'https://huggingface.co/docs/transformers/main/en/chat_templating', match: 'exact', source: '@huggingface/transformers', reason: MESSAGE_TEXT },
  {
    url: 'https://huggingface.co/docs/transformers.js/guides/node-audio-processing',
    match: 'exact',
    source: '@huggingface/transformers',
    reason: MESSAGE_TEXT,
  },
  { url: 'https://github.com/huggingface/transformers.js/issues/new/choose', match: 'exact', source: '@huggingface/transformers', reason: MESSAGE_TEXT },
  { url: 'https://developer.mozilla.org/en-US/docs/Web/API/Cache', match: 'exact', source: '@huggingface/transformers', reason: MESSAGE_TEXT },
  {
    url: 'https://gist.github.com/hollance/42e32852f24243b748ae6bc1f985b13a',
    match: 'exact',
    source: '@huggingface/transformers',
    reason: MESSAGE_TEXT,
  },

  // zod (worker bundle).
  {
    url: 'http://[',
    match: 'prefix',
    source: 'zod',
    reason: 'the IPv6 check parses `http://[<address>]` with new URL() to validate the address; parsed locally, never fetched',
  },
  {
    url: 'https://json-schema.org/draft/2020-12/schema',
    match: 'exact',
    source: 'zod',
    reason: 'the $schema identifier that toJSONSchema() writes (the app never calls it); an identifier, never fetched',
  },
  {
    url: 'http://json-schema.org/draft-07/schema#',
    match: 'exact',
    source: 'zod',
    reason: 'the $schema identifier that toJSONSchema() writes (the app never calls it); an identifier, never fetched',
  },
  {
    url: 'http://json-schema.org/draft-04/schema#',
    match: 'exact',
    source: 'zod',
    reason: 'the $schema identifier that toJSONSchema() writes (the app never calls it); an identifier, never fetched',
  },

  // Our own code.
  {
    url: 'http://localhost',
    match: 'exact',
    source: 'src/engine (model integrity check)',
    reason: 'advice in the error shown when WebCrypto is missing ("Open the app through https or http://localhost."); text',
  },
];
