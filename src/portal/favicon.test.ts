import { describe, expect, it } from 'vitest';
import { faviconIco, faviconPixels } from './favicon.ts';

describe('the default favicon', () => {
  const ico = faviconIco();

  it('is a 32×32 32-bit ICO with one image', () => {
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(1);
    expect(ico[6]).toBe(32);
    expect(ico.readUInt16LE(12)).toBe(32);
    expect(ico.readUInt32LE(14) + 22).toBe(ico.length);
    expect(ico.readInt32LE(22 + 8)).toBe(64);
  });

  it('is transparent in the corners, red at the edge, gold in the middle of the star', () => {
    const px = faviconPixels();
    const at = (x: number, y: number) => Array.from(px.slice((y * 32 + x) * 4, (y * 32 + x) * 4 + 4));
    expect(at(0, 0)[3]).toBe(0);
    expect(at(16, 2)).toEqual([0xa6, 0x1b, 0x1b, 255]);
    expect(at(16, 17)).toEqual([0xff, 0xd2, 0x3f, 255]);
  });
});
