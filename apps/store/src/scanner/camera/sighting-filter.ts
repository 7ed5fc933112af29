/**
 * Which camera sightings count as scans. A bad photo can misread with a valid check digit, but
 * rarely the same way twice in a row: a text counts only when the frame before read the same
 * text (a frame without a read breaks the pair). The camera then sees that code on every frame
 * while it is held in view, so once counted it does not count again until it has been out of
 * sight for `quietMs` (each sighting restarts that time). A missed count is rescanned; a double
 * count or a misread is a wrong pick.
 */
export class SightingFilter {
  #previous: string | null = null;
  #counted: { readonly text: string; readonly seenAt: number } | null = null;

  constructor(private readonly quietMs = 1500) {}

  /** Records one decoded frame at `at` (ms): its text, or null for no read. True when it counts as a scan. */
  countsAsScan(text: string | null, at: number): boolean {
    const previous = this.#previous;
    this.#previous = text;
    if (text === null) return false;
    if (this.#counted?.text === text) {
      const isStillInView = at - this.#counted.seenAt < this.quietMs;
      this.#counted = isStillInView ? { text, seenAt: at } : null;
      if (isStillInView) return false;
    }
    // A one-frame read of another code (a misread between two good frames) leaves the counted one as it is.
    if (previous !== text) return false;
    this.#counted = { text, seenAt: at };
    return true;
  }
}
