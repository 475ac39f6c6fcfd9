/**
 * A signal that a site's settings were saved (after the commit): the portal forgets the identity it
 * keeps (src/portal/site.ts), so the footer and the title change at once — in every server process
 * of a PostgreSQL installation (db/change-notices.ts). A CLI change on SQLite shows within the
 * cache's 30 seconds.
 */

import type { ChangeListener } from '../../db/change-signals.ts';
import type { Db } from '../../db/connection.ts';

/** Calls `listener` after each save; returns the function that stops it. */
export function onSiteSettingsChanged(db: Pick<Db, 'changes'>, listener: ChangeListener): () => void {
  return db.changes.on('site', listener);
}

/** Tells the listeners that a site's settings changed (call after the commit). */
export function siteSettingsChanged(db: Pick<Db, 'changes'>): void {
  db.changes.emit('site');
}
