/** Where the staff console's sources and its Vite build live. */
import { fileURLToPath } from 'node:url';

/** The console's Vite root (index.html, main.tsx, pages/). */
export const CONSOLE_SOURCE = fileURLToPath(new URL('../../console', import.meta.url));
/** The console's build output, served at /console (gitignored). */
export const CONSOLE_DIST = fileURLToPath(new URL('../../../dist/console', import.meta.url));
/** The URL prefix the console is served under (Vite's `base`). */
export const CONSOLE_PREFIX = '/console';
