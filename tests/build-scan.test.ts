import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAbsoluteUrls, scanBuild } from '../tools/lib/build-scan';
import { BUILD_URL_ALLOWLIST } from '../tools/lib/build-url-allowlist';
import { CSP_META_VALUE, parseCsp } from '../tools/lib/content-security-policy';
import { repoRoot } from './helpers/models';

const scratch: string[] = [];

async function scratchDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the production build (vite build, fresh)', () => {
  let outDir = '';

  beforeAll(async () => {
    // Its own folder, so that it never races Playwright's build of dist/.
    outDir = await scratchDir('app-build-');
    // Vitest sets NODE_ENV=test, and Vite builds with the NODE_ENV it finds: React's development
    // build, with its warnings' URLs, would then be scanned instead of what ships.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ root: repoRoot, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    } finally {
      // Assigning undefined to process.env would store the string "undefined".
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
  });

  it('contains no absolute URL outside the allowlist, and every allowlist entry is still needed', async () => {
    const scan = await scanBuild(outDir, BUILD_URL_ALLOWLIST);
    expect(scan.filesScanned).toBeGreaterThan(0);
    expect(scan.violations.map((found) => `${found.file}:${found.line}:${found.column} ${found.url}`)).toEqual([]);
    expect(scan.unusedAllowances.map((entry) => entry.url), 'allowlist entries that matched nothing (delete them)').toEqual([]);
  });

  it('has the policy as the first thing after <meta charset> in index.html, and no inline script or style', async () => {
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)].map((match) => match[1]);
    expect(metas).toEqual([CSP_META_VALUE]);
    expect(html).toMatch(/<meta charset="UTF-8" \/>\s*<meta http-equiv="Content-Security-Policy"/);
    expect(parseCsp(CSP_META_VALUE).has('frame-ancestors'), 'frame-ancestors is ignored in meta').toBe(false);
    // script-src 'self' and style-src 'self' would block these.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = '', body = ''] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
  });

  it('precaches every file of the build for offline use, models included, without cache-busting queries', async () => {
    const listed = (JSON.parse(await readFile(join(outDir, 'build-files.json'), 'utf8')) as { files: string[] }).files;
    const sw = await readFile(join(outDir, 'sw.js'), 'utf8');
    const precached = new Set([...sw.matchAll(/\{url:"([^"]+)",revision:(?:"[0-9a-f]+"|null)\}/g)].map((match) => match[1]));
    expect(listed).toContain('models/encoder/weights.bin');
    expect(listed.filter((file) => !precached.has(file)), 'build files the service worker does not precache').toEqual([]);
    expect([...precached].filter((url) => url?.includes('?'))).toEqual([]);
  });
});

describe('scanBuild', () => {
  it('fails on a URL to another origin that the allowlist does not explain', async () => {
    const dir = await scratchDir('planted-build-');
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'assets', 'app.js'), 'const ns = "http://www.w3.org/2000/svg";\nfetch("https://evil.example/x");\n');
    await writeFile(join(dir, 'index.html'), '<img src="//cdn.example/pixel.gif"><script>new WebSocket("wss://live.example/s")</script>');
    await writeFile(join(dir, 'style.css'), 'body { background: url(//img.example/bg.png); }');

    const scan = await scanBuild(dir, BUILD_URL_ALLOWLIST);
    expect(scan.violations.map(({ file, line, url }) => ({ file, line, url }))).toEqual([
      { file: 'assets/app.js', line: 2, url: 'https://evil.example/x' },
      { file: 'index.html', line: 1, url: '//cdn.example/pixel.gif' },
      { file: 'index.html', line: 1, url: 'wss://live.example/s' },
      { file: 'style.css', line: 1, url: '//img.example/bg.png' },
    ]);
    expect([...scan.allowedCounts.keys()].map((entry) => entry.url)).toEqual(['http://www.w3.org/2000/svg']);
  });

  it('matches exact entries exactly and prefix entries by their beginning', async () => {
    const dir = await scratchDir('prefix-build-');
    // The Hub's root is allowed (an overridden default); a model path on it is not.
    await writeFile(join(dir, 'a.js'), '"https://huggingface.co/" "https://huggingface.co/evil/model.onnx" `https://cdn.jsdelivr.net/npm/onnxruntime-web@${v}/dist/`');
    const scan = await scanBuild(dir, BUILD_URL_ALLOWLIST);
    expect(scan.violations.map((found) => found.url)).toEqual(['https://huggingface.co/evil/model.onnx']);
  });
});

describe('findAbsoluteUrls', () => {
  it('finds web and WebSocket URLs in any case, trims sentence punctuation and stops at template holes', () => {
    const text = 'see HTTP://Example.org/a. or ws://h:1/p, then `https://cdn.example/${v}/x` // comment https://c.example';
    expect(findAbsoluteUrls(text).map((found) => found.url)).toEqual([
      'HTTP://Example.org/a',
      'ws://h:1/p',
      'https://cdn.example/',
      'https://c.example',
    ]);
  });

  it('finds protocol-relative URLs where they name a resource, not `//` comments', () => {
    const text = 'x.src="//a.example/s.js"; el.setAttribute("href", "//b.example/"); // just a comment\nurl("//c.example/f.woff")';
    expect(findAbsoluteUrls(text).map((found) => found.url)).toEqual(['//a.example/s.js', '//b.example/', '//c.example/f.woff']);
  });
});
