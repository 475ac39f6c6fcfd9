/**
 * The portal's default icon (`/favicon.ico` when the installation has set none): a 32×32 ICO drawn
 * here — a red rounded square with a gold five-pointed star — so no binary file is kept in the
 * repository. 32-bit BMP inside the ICO (alpha channel), anti-aliased by 4×4 supersampling.
 */

const SIZE = 32;
const RED: [number, number, number] = [0xa6, 0x1b, 0x1b];
const GOLD: [number, number, number] = [0xff, 0xd2, 0x3f];

function starPolygon(cx: number, cy: number, outer: number, inner: number): Array<[number, number]> {
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)] as [number, number];
  });
}

function inside(polygon: Array<[number, number]>, x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

function inRoundedSquare(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), SIZE - radius);
  const cy = Math.min(Math.max(y, radius), SIZE - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** RGBA pixels, top row first. */
export function faviconPixels(): Uint8Array {
  const star = starPolygon(16, 17, 12, 4.8);
  const pixels = new Uint8Array(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++)
    for (let x = 0; x < SIZE; x++) {
      let square = 0;
      let gold = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const px = x + (sx + 0.5) / 4;
          const py = y + (sy + 0.5) / 4;
          if (!inRoundedSquare(px, py, 6)) continue;
          square++;
          if (inside(star, px, py)) gold++;
        }
      // the colour of the covered part (gold's share of it), the coverage as alpha
      const share = square === 0 ? 0 : gold / square;
      const at = (y * SIZE + x) * 4;
      for (let c = 0; c < 3; c++) pixels[at + c] = Math.round(RED[c] * (1 - share) + GOLD[c] * share);
      pixels[at + 3] = Math.round((square / 16) * 255);
    }
  return pixels;
}

/** The ICO file. */
export function faviconIco(): Buffer {
  const pixels = faviconPixels();
  const xorBytes = SIZE * SIZE * 4;
  const andBytes = SIZE * 4; // one bit a pixel, rows padded to 4 bytes
  const image = 40 + xorBytes + andBytes;
  const out = Buffer.alloc(6 + 16 + image);
  out.writeUInt16LE(0, 0);
  out.writeUInt16LE(1, 2); // an icon
  out.writeUInt16LE(1, 4); // one image
  out.writeUInt8(SIZE, 6);
  out.writeUInt8(SIZE, 7);
  out.writeUInt16LE(1, 10); // planes
  out.writeUInt16LE(32, 12); // bits a pixel
  out.writeUInt32LE(image, 14);
  out.writeUInt32LE(22, 18);
  const bmp = 22;
  out.writeUInt32LE(40, bmp);
  out.writeInt32LE(SIZE, bmp + 4);
  out.writeInt32LE(SIZE * 2, bmp + 8); // the colour rows and the mask's
  out.writeUInt16LE(1, bmp + 12);
  out.writeUInt16LE(32, bmp + 14);
  out.writeUInt32LE(xorBytes + andBytes, bmp + 20);
  let at = bmp + 40;
  for (let y = SIZE - 1; y >= 0; y--)
    for (let x = 0; x < SIZE; x++) {
      const p = (y * SIZE + x) * 4;
      out[at++] = pixels[p + 2];
      out[at++] = pixels[p + 1];
      out[at++] = pixels[p];
      out[at++] = pixels[p + 3];
    }
  return out; // the AND mask stays zero: the alpha channel decides
}
