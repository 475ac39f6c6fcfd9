/**
 * The portal's one stylesheet, written as three files (portal-layout.css, the page frame; then
 * portal-content.css, what pages hold; then portal-forms.css, forms, the footer and the phone
 * rules), read once at start and served as one at
 * `/assets/portal.css?v=HASH` with a year's immutable caching: the hash changes whenever the
 * files do, so pages always name the current version.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const CSS = ['./portal-layout.css', './portal-content.css', './portal-forms.css']
  .map((file) => readFileSync(new URL(file, import.meta.url), 'utf8'))
  .join('');
const VERSION = createHash('sha256').update(CSS).digest('hex').slice(0, 12);

/** The stylesheet's path. */
export const STYLESHEET_PATH = '/assets/portal.css';

/** The URL pages link to: the path with the content hash. */
export const STYLESHEET_URL = `${STYLESHEET_PATH}?v=${VERSION}`;

/** The stylesheet as served. */
export const stylesheet = { body: Buffer.from(CSS, 'utf8'), version: VERSION, etag: `"${VERSION}"` };
