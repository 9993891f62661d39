import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { activateBackend, webgpuAdapterAvailable } from '../src/engine/backend';

describe('backend selection in Node (no WebGPU adapter)', () => {
  it('finds no WebGPU adapter', async () => {
    expect(await webgpuAdapterAvailable()).toBe(false);
  });

  it('auto falls back to WASM and says why', async () => {
    const active = await activateBackend('auto');
    expect(active.name).toBe('wasm');
    expect(active.fallbackReason).toMatch(/WebGPU/);
    expect(tf.getBackend()).toBe('wasm');
  });

  it('an explicit WebGPU request fails with BACKEND_UNAVAILABLE instead of silently using another backend', async () => {
    await expect(activateBackend('webgpu')).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
  });

  it('an explicit CPU request gets the CPU backend with no fallback', async () => {
    expect(await activateBackend('cpu')).toEqual({ name: 'cpu' });
    expect(tf.getBackend()).toBe('cpu');
  });
});
