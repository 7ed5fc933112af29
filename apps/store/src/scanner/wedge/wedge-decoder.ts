import { GS, type WedgeSettings } from './wedge-settings.js';

/** One thing the keyboard side of the browser told us, with its time. */
export type WedgeInput =
  | { readonly kind: 'char'; readonly text: string; readonly at: number }
  | { readonly kind: 'terminator'; readonly key: 'Enter' | 'Tab'; readonly at: number }
  | { readonly kind: 'paste'; readonly text: string; readonly at: number };

/** A complete scan, with what the setup wizard needs to judge the scanner. */
export interface WedgeScan {
  readonly text: string;
  readonly via: 'keys' | 'text' | 'paste';
  readonly ended: 'Enter' | 'Tab' | 'silence' | 'paste';
  readonly durationMs: number;
  readonly averageGapMs: number;
}

export type WedgeVerdict = { readonly kind: 'scan'; readonly scan: WedgeScan } | { readonly kind: 'typing' } | { readonly kind: 'duplicate'; readonly text: string } | { readonly kind: 'pending' };

interface Burst {
  text: string;
  times: number[];
  injected: boolean;
}

/**
 * Tells scans from typing in a stream of keyboard input. Pure and clock-free: the caller supplies
 * times, and calls `silence(now)` from a timer so suffix-less scanners end their scan.
 */
export class WedgeDecoder {
  #burst: Burst | null = null;
  #last: { text: string; at: number } | null = null;

  constructor(private readonly settings: WedgeSettings) {}

  feed(input: WedgeInput): WedgeVerdict {
    switch (input.kind) {
      case 'paste':
        this.#burst = null;
        return this.#finish({ text: input.text, times: [input.at], injected: true }, 'paste', 'paste', input.at);
      case 'terminator': {
        const burst = this.#burst;
        this.#burst = null;
        return burst ? this.#finish(burst, input.key, burst.injected ? 'text' : 'keys', input.at) : { kind: 'typing' };
      }
      case 'char':
        return this.#addChars(input.text, input.at);
    }
  }

  /** Ends a burst that has gone quiet; scanners without a suffix end their scans this way. */
  silence(now: number): WedgeVerdict {
    const burst = this.#burst;
    if (!burst || now - (burst.times.at(-1) ?? now) < this.quietPeriodMs()) return { kind: 'pending' };
    this.#burst = null;
    return this.#finish(burst, 'silence', burst.injected ? 'text' : 'keys', now);
  }

  #addChars(text: string, at: number): WedgeVerdict {
    const burst = this.#burst;
    const lastAt = burst?.times.at(-1);
    // A long pause means the earlier characters were typed by a person (or a suffix-less scan ended).
    const earlier = burst && lastAt !== undefined && at - lastAt > this.quietPeriodMs() ? this.silence(at) : null;
    const current = this.#burst ?? { text: '', times: [], injected: false };
    current.text += text;
    for (let i = 0; i < text.length; i++) current.times.push(at);
    current.injected ||= text.length > 1;
    this.#burst = current;
    return earlier ?? { kind: 'pending' };
  }

  /** Silence that ends a burst. With a suffix to wait for, a hiccup mid-scan must not split it. */
  quietPeriodMs(): number {
    return this.settings.suffix === 'none' ? this.settings.silenceMs : Math.max(this.settings.silenceMs, 400);
  }

  #finish(burst: Burst, ended: WedgeScan['ended'], via: WedgeScan['via'], at: number): WedgeVerdict {
    const averageGapMs = averageGap(burst.times);
    const text = this.#clean(burst.text);
    const looksScanned = via !== 'keys' || (averageGapMs <= this.settings.maxAverageGapMs && maxGap(burst.times) <= this.settings.maxAverageGapMs * 4);
    if (text.length < this.settings.minLength || !looksScanned) return { kind: 'typing' };
    if (this.#last && this.#last.text === text && at - this.#last.at < this.settings.duplicateWindowMs) return { kind: 'duplicate', text };
    this.#last = { text, at };
    const durationMs = (burst.times.at(-1) ?? at) - (burst.times[0] ?? at);
    return { kind: 'scan', scan: { text, via, ended, durationMs, averageGapMs } };
  }

  #clean(raw: string): string {
    let text = raw.replace(/[\r\n\t]+$/, '');
    for (const alias of this.settings.separatorAliases) if (alias) text = text.split(alias).join(GS);
    return this.settings.prefix && text.startsWith(this.settings.prefix) ? text.slice(this.settings.prefix.length) : text;
  }
}

function averageGap(times: readonly number[]): number {
  return times.length < 2 ? 0 : ((times.at(-1) ?? 0) - (times[0] ?? 0)) / (times.length - 1);
}

function maxGap(times: readonly number[]): number {
  let max = 0;
  for (let i = 1; i < times.length; i++) max = Math.max(max, (times[i] ?? 0) - (times[i - 1] ?? 0));
  return max;
}
