/**
 * A signal, within this process, that a site's settings were saved (after the commit): the portal
 * forgets the identity it keeps (src/portal/site.ts), so the footer and the title change at once.
 * Another process (the CLI) sends nothing here: the portal catches up within its cache's 30 seconds.
 */
type Listener = () => void;

const listeners = new Set<Listener>();

/** Calls `listener` after each save; returns the function that stops it. */
export function onSiteSettingsChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Tells the listeners that a site's settings changed (call after the commit). */
export function siteSettingsChanged(): void {
  for (const listener of listeners) listener();
}
