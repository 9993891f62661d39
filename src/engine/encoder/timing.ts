/** Sinusoidal position signal `[length, 2 · timescales]`: sin for the first half, cos for the second. */
export function timingSignal(invTimescales: Float32Array, length: number): Float32Array {
  const channels = invTimescales.length;
  const signal = new Float32Array(length * channels * 2);
  for (let position = 0; position < length; position++) {
    for (let i = 0; i < channels; i++) {
      // Float32 product first, as the original graph computes it, so large positions round the same way.
      const angle = Math.fround(position * (invTimescales[i] ?? 0));
      signal[position * channels * 2 + i] = Math.sin(angle);
      signal[position * channels * 2 + channels + i] = Math.cos(angle);
    }
  }
  return signal;
}
