// The collaboration socket lives in the negotiation page; the bell lives in the header. A window
// event joins the two without either knowing the other.
const eventName = "common-ground:notification";

/** Something new may be waiting for this user: the bell re-reads its count. */
export function signalNotification(): void {
  window.dispatchEvent(new Event(eventName));
}

export function onNotificationSignal(listener: () => void): () => void {
  window.addEventListener(eventName, listener);
  return () => window.removeEventListener(eventName, listener);
}
