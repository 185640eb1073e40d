import { useSyncExternalStore } from 'react';

/**
 * One message carried across a navigation ("Review recorded"), shown by the layout's live region on the
 * page the person lands on, and dropped when they move on from that page.
 */
let message: { text: string; shownOn: string | null } | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export function flash(text: string): void {
  message = { text, shownOn: null };
  notify();
}

/** Called on every navigation: the message belongs to the first page it is shown on. */
export function flashSeenOn(pathname: string): void {
  if (!message) return;
  if (message.shownOn === null) message = { ...message, shownOn: pathname };
  else if (message.shownOn !== pathname) {
    message = null;
    notify();
  }
}

export function useFlash(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => message?.text ?? null,
  );
}
