// Draws the extension icon (images/icon.png, 128×128 RGBA) from shapes, with no image library: each pixel is
// 4×4 supersampled against signed distances, and the PNG is written with node's zlib.
//
//   node scripts/make-icon.mjs [out.png]
//
// The picture: a magnifying glass over three lines of text on a dark blue tile; one line is amber (a claim to
// check). Rerun after changing a colour or a shape; the output is deterministic.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? join(root, 'images', 'icon.png');

const TILE = [0x1d, 0x35, 0x57];
const TEXT = [0x9c, 0xc3, 0xe6];
const CLAIM = [0xf2, 0xb1, 0x34];
const GLASS = [0xff, 0xff, 0xff];

/** Distance from (x, y) to a rounded rectangle centred at (cx, cy) with half sizes (hw, hh) and corner radius r. */
function roundedBox(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance from (x, y) to the segment (ax, ay)–(bx, by), minus a half width: a capsule. */
function capsule(x, y, ax, ay, bx, by, halfWidth) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy) - halfWidth;
}

const LENS = { x: 54, y: 54, r: 31, ring: 5.5 };

/** The colour at one sample point, painted back to front; undefined outside the tile. */
function colourAt(x, y) {
  if (roundedBox(x, y, 64, 64, 62, 62, 22) > 0) return undefined;
  let colour = TILE;
  const inLens = Math.hypot(x - LENS.x, y - LENS.y) < LENS.r - LENS.ring;
  // Three lines of text; inside the lens they are larger and brighter, as if magnified.
  const lines = [
    { y: 40, from: 28, to: 92, colour: TEXT },
    { y: 56, from: 28, to: 80, colour: CLAIM },
    { y: 72, from: 28, to: 88, colour: TEXT },
  ];
  for (const line of lines) {
    const half = inLens ? 4.2 : 2.6;
    if (capsule(x, y, line.from, line.y, line.to, line.y, half) < 0) colour = inLens ? line.colour : mix(line.colour, TILE, 0.45);
  }
  if (Math.abs(Math.hypot(x - LENS.x, y - LENS.y) - LENS.r) < LENS.ring) colour = GLASS;
  const angle = Math.PI / 4;
  const hx = LENS.x + Math.cos(angle) * (LENS.r + 3);
  const hy = LENS.y + Math.sin(angle) * (LENS.r + 3);
  if (capsule(x, y, hx, hy, 108, 108, 8) < 0) colour = GLASS;
  return colour;
}

function mix(a, b, t) {
  return a.map((v, i) => Math.round(v * (1 - t) + b[i] * t));
}

function render() {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a++;
        }
      }
      const i = (py * SIZE + px) * 4;
      // Colours are averaged over the covered samples only (straight alpha, as PNG stores it).
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
      }
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  // Each row starts with filter type 0 (none).
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png(render()));
console.log(`make-icon: wrote ${out}`);
