/**
 * A signal that what the public sees of items may have changed: an item was published, edited,
 * withdrawn or linked, or items were imported. The portal's caches listen and drop what they keep
 * of items (src/portal/routes/index.ts), so such a change shows at once. Sent after the transaction
 * commits, on the database's own signals (db/change-signals.ts): on PostgreSQL the other processes
 * of the installation hear of it through LISTEN/NOTIFY (db/change-notices.ts); on SQLite there is
 * one server process, and a CLI import's change shows when the caches' entries expire (seconds).
 */

import type { ChangeListener } from '../../db/change-signals.ts';
import type { Db } from '../../db/connection.ts';

/** Calls `listener` after each change; returns the function that stops it. */
export function onPublishedItemsChanged(db: Pick<Db, 'changes'>, listener: ChangeListener): () => void {
  return db.changes.on('items', listener);
}

/** Tells the listeners that published items may have changed (call after the commit). */
export function publishedItemsChanged(db: Pick<Db, 'changes'>): void {
  db.changes.emit('items');
}
