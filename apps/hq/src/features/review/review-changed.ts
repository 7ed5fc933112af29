/** Tells the navigation badge that a review decision was just taken, so it need not wait for its poll. */
const eventName = 'hq:review-changed';

export function announceReviewChanged(): void {
  window.dispatchEvent(new Event(eventName));
}

export function onReviewChanged(listener: () => void): () => void {
  window.addEventListener(eventName, listener);
  return () => window.removeEventListener(eventName, listener);
}
