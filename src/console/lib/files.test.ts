import { describe, expect, it } from 'vitest';
import { base64Of } from './files.ts';

/** The reference encoding, one byte at a time. */
const reference = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));

describe('base64Of', () => {
  it.each([
    ['an empty file', new Uint8Array([]), ''],
    ['text in UTF-8', new TextEncoder().encode('公开'), '5YWs5byA'],
    ['bytes past the chunk size', new Uint8Array(70_000).map((_, i) => i % 256), null],
  ])('%s', async (_situation, bytes, expected) => {
    const encoded = await base64Of(new Blob([bytes]));
    expect(encoded).toBe(expected ?? reference(bytes));
  });
});
