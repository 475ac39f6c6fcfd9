/**
 * A signal, within this process, that what the public sees of items may have changed: an item was
 * published, edited, withdrawn or linked, or items were imported. The portal's caches listen and
 * drop what they keep of items (src/portal/routes/index.ts), so such a change shows at once. Sent
 * after the transaction commits. Another process writing to the same database (a CLI import, a
 * second server) sends nothing here: the portal's caches then catch up when their entries expire
 * (seconds).
 */

type Listener = () => void;

const listeners = new Set<Listener>();

/** Calls `listener` after each change; returns the function that stops it. */
export function onPublishedItemsChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Tells the listeners that published items may have changed (call after the commit). */
export function publishedItemsChanged(): void {
  for (const listener of listeners) listener();
}
