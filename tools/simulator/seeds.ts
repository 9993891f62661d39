import { createRng, type Rng } from '../lib/random';

/**
 * An independent generator for one stream (`personas`, `sessions`, ...) and index, so that user 7's
 * data does not change when more users are simulated or another stream draws more numbers.
 */
export function streamRng(seed: number, stream: string, index = 0): Rng {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  const mix = (value: number): void => {
    hash = Math.imul(hash ^ value, 0x01000193) >>> 0;
  };
  for (let i = 0; i < stream.length; i++) mix(stream.charCodeAt(i));
  mix(index >>> 0);
  mix(Math.floor(seed / 2 ** 32) >>> 0);
  // Final avalanche so that neighbouring indices give unrelated seeds.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return createRng(hash);
}
