/**
 * Processes scans one at a time: the next scan waits until the previous one has changed the pick,
 * so two fast scans of the same unit count twice, in order, never interleaved.
 */
export class ScanQueue<T> {
  #tail: Promise<void> = Promise.resolve();

  constructor(private readonly process: (item: T) => Promise<void>) {}

  push(item: T): Promise<void> {
    this.#tail = this.#tail.then(() => this.process(item)).catch(() => undefined);
    return this.#tail;
  }
}
