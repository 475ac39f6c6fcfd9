/**
 * Signals that what the public sees may have changed, per opened database (one `Db` and the copies
 * of it a transaction makes share one): `items` (an item published, edited, withdrawn or linked,
 * items imported, a guide saved) and `site` (a site's settings saved). The portal's caches listen
 * and forget what they keep. A change is signalled after its transaction commits.
 *
 * `remote` is true when the change was made by another process and reached this one through
 * PostgreSQL's LISTEN/NOTIFY (db/change-notices.ts); the notice bridge forwards only local changes.
 */
export type ChangeKind = 'items' | 'site';

export const CHANGE_KINDS: readonly ChangeKind[] = ['items', 'site'];

export type ChangeListener = (remote: boolean) => void;

export interface ChangeSignals {
  /** Calls `listener` after each change of `kind`; returns the function that stops it. */
  on(kind: ChangeKind, listener: ChangeListener): () => void;
  /** Tells the listeners of `kind` that it changed (`remote`: made by another process). */
  emit(kind: ChangeKind, remote?: boolean): void;
}

export function createChangeSignals(): ChangeSignals {
  const listeners = new Map<ChangeKind, Set<ChangeListener>>(CHANGE_KINDS.map((kind) => [kind, new Set()]));
  const of = (kind: ChangeKind): Set<ChangeListener> => {
    const set = listeners.get(kind);
    if (!set) throw new Error(`unknown change kind ${kind}`);
    return set;
  };
  return {
    on(kind, listener) {
      of(kind).add(listener);
      return () => {
        of(kind).delete(listener);
      };
    },
    emit(kind, remote = false) {
      for (const listener of of(kind)) listener(remote);
    },
  };
}
