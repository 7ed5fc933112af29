/**
 * The camera sees the code it just read on the next frames too. The same text again within
 * `quietMs` of its last sighting is the same scan; the clock restarts with every sighting, so a
 * code held in front of the camera counts once (a missed count is rescanned, a double count is a
 * wrong pick). Moving it away for `quietMs`, or reading another code, makes the next one new.
 */
export class RepeatFilter {
  #last: { readonly text: string; readonly at: number } | null = null;

  constructor(private readonly quietMs = 1500) {}

  /** Records a sighting at `at` (ms); true when it is a new scan. */
  isNewScan(text: string, at: number): boolean {
    const isRepeat = this.#last !== null && this.#last.text === text && at - this.#last.at < this.quietMs;
    this.#last = { text, at };
    return !isRepeat;
  }
}
