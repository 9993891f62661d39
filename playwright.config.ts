import { defineConfig } from '@playwright/test';
import { chromiumExecutable, HEADLESS_ARGS, WEBGPU_ARGS as UNSAFE_WEBGPU_ARGS } from './tools/lib/chromium';

/** Headless, quiet and reproducible: no sandbox (CI runs as root), no background traffic. */
const BASE_ARGS = [...HEADLESS_ARGS, '--disable-gpu-sandbox'];

/**
 * WebGPU on SwiftShader (a CPU implementation), so every machine gets the same adapter, GPU or not.
 * Verified with headless Chromium 156 on Debian: `--enable-unsafe-webgpu` is what makes
 * requestAdapter() return an adapter (vendor "google", architecture "swiftshader") here, in pages and
 * in workers; `--use-webgpu-adapter=swiftshader` pins that adapter on machines that do have a GPU.
 */
const WEBGPU_ARGS = [...UNSAFE_WEBGPU_ARGS, '--use-webgpu-adapter=swiftshader', '--use-angle=swiftshader'];

/**
 * No WebGPU adapter. Chromium keeps `navigator.gpu` even with `--disable-features=WebGPU` or
 * `--disable-blink-features=WebGPU` (verified: neither changes anything), but without
 * `--enable-unsafe-webgpu` and with the GPU disabled, requestAdapter() resolves to null.
 */
const NO_WEBGPU_ARGS = ['--disable-gpu'];

const PORT = 4173;
const BASE_URL = `http://localhost:${PORT}`;
const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: 'e2e',
  // SwiftShader runs WebGPU on the CPU, about a hundred times slower than a GPU, on as few as 2 cores.
  timeout: 5 * 60_000,
  expect: { timeout: 60_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'webgpu',
      use: { launchOptions: { executablePath, args: [...BASE_ARGS, ...WEBGPU_ARGS] } },
    },
    {
      name: 'no-webgpu',
      use: { launchOptions: { executablePath, args: [...BASE_ARGS, ...NO_WEBGPU_ARGS] } },
    },
  ],
  // The production build, served by `vite preview`: tests what ships (no dev-only code, no dependency
  // pre-bundling reloads mid-test). `npm test` has already generated the models (pretest), so this
  // skips `npm run build`'s prebuild; typecheck runs separately in `npm test`.
  webServer: {
    command: `npx vite build && npx vite preview --port ${PORT} --strictPort --host localhost`,
    url: BASE_URL,
    timeout: 5 * 60_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
