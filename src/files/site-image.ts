/**
 * A site image's content read (domain/site/images.ts says what each field accepts): its kind by
 * file-type (magic bytes), and whether it is an SVG — text, which file-type does not name, refused
 * with a message of its own because it may carry script.
 */
import { fileTypeFromBuffer } from 'file-type';
import type { SiteImageKind } from '../domain/site/images.ts';

const KINDS: Readonly<Record<string, SiteImageKind>> = {
  png: 'png',
  apng: 'png',
  jpg: 'jpg',
  gif: 'gif',
  ico: 'ico',
};

/** The kind of an image's content (null when none the site takes), and whether it is an SVG. */
export async function readSiteImage(
  bytes: Uint8Array,
): Promise<{ kind: SiteImageKind | null; looksLikeSvg: boolean }> {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8');
  const looksLikeSvg = /<svg[\s>]/i.test(head);
  try {
    const found = await fileTypeFromBuffer(bytes);
    return { kind: (found && KINDS[found.ext]) ?? null, looksLikeSvg };
  } catch {
    return { kind: null, looksLikeSvg };
  }
}
