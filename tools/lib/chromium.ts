import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';

/** Debian's Chromium, used where Playwright cannot download its own browser. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium to drive: `CHROMIUM_PATH` when set, else the system one when present, else
 * undefined so that Playwright uses the browser it installed itself (the normal behaviour elsewhere).
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
}

/** Flags that keep headless Chromium quiet on a machine without network, as root. */
export const HEADLESS_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** WebGPU in headless Chromium needs the unsafe flag (SwiftShader adapter on machines without a GPU). */
export const WEBGPU_ARGS = ['--enable-unsafe-webgpu'];

/** Headless Chromium for one benchmark backend: with the WebGPU flag for `webgpu` only. */
export function launchChromium(backend: string): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), args: [...HEADLESS_ARGS, ...(backend === 'webgpu' ? WEBGPU_ARGS : [])] });
}

/** The WebGPU adapter `page` gets, in words (vendor, architecture, device), or 'none'. */
export function webgpuAdapterDescription(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const adapter = await (navigator.gpu as GPU | undefined)?.requestAdapter();
    if (!adapter) return 'none';
    const info = adapter.info;
    return `${info.vendor} ${info.architecture} ${info.device} ${info.description}`.trim();
  });
}
