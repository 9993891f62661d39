/**
 * Writes the app's icons (public/icons/*.png) for the web app manifest: a blue square with a white
 * ring around a rising bar chart, drawn pixel by pixel so that no image tool is needed. Run with
 * `npm run icons` after changing the drawing; the PNGs are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const BLUE: readonly [number, number, number] = [11, 92, 173];
const WHITE: readonly [number, number, number] = [255, 255, 255];

/** CRC-32 of PNG chunks (ISO 3309). */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** The colour at (x, y) of a `size` icon; `safe` shrinks the drawing into a maskable icon's safe zone. */
function colour(x: number, y: number, size: number, safe: boolean): readonly [number, number, number] {
  const scale = safe ? 0.8 : 1;
  const u = ((x + 0.5) / size - 0.5) / scale;
  const v = ((y + 0.5) / size - 0.5) / scale;
  const radius = Math.hypot(u, v);
  if (radius > 0.36 && radius < 0.42) return WHITE;
  // Three bars rising left to right, inside the ring.
  const bars = [
    { left: -0.2, height: 0.16 },
    { left: -0.05, height: 0.26 },
    { left: 0.1, height: 0.36 },
  ];
  const base = 0.2;
  for (const bar of bars) if (u >= bar.left && u < bar.left + 0.1 && v <= base && v >= base - bar.height) return WHITE;
  return BLUE;
}

function png(size: number, safe: boolean): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 3 + 1);
    rows[row] = 0; // no filter
    for (let x = 0; x < size; x++) rows.set(colour(x, y, size, safe), row + 1 + x * 3);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', new Uint8Array())]);
}

const dir = join(import.meta.dirname, '..', 'public', 'icons');
mkdirSync(dir, { recursive: true });
for (const [name, size, safe] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, false],
] as const) {
  writeFileSync(join(dir, name), png(size, safe));
  console.log(`icons: wrote public/icons/${name} (${size}×${size})`);
}
