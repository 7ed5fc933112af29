/** Every outcome of a scan a busy person must tell apart without looking. */
export const scanOutcomes = ['picked', 'case_converted', 'unknown_code', 'not_on_order', 'over_pick', 'expired', 'short_dated'] as const;
export type ScanOutcome = (typeof scanOutcomes)[number];

export interface Tone {
  readonly hz: number;
  readonly ms: number;
  /** Silence after the tone. */
  readonly gapMs?: number;
  readonly wave?: OscillatorType;
}

/**
 * Distinct sounds and vibration per outcome: good news is short and high, problems are low and
 * long, and each problem has its own rhythm (store staff notice sounds, not toasts).
 */
export const feedbackPatterns: Readonly<Record<ScanOutcome, { tones: readonly Tone[]; vibrate: readonly number[]; blocking: boolean }>> = {
  picked: { tones: [{ hz: 1760, ms: 70 }], vibrate: [40], blocking: false },
  case_converted: { tones: [{ hz: 1320, ms: 70, gapMs: 40 }, { hz: 1760, ms: 90 }], vibrate: [40, 60, 40], blocking: false },
  short_dated: { tones: [{ hz: 880, ms: 120, gapMs: 60 }, { hz: 660, ms: 160 }], vibrate: [120, 80, 120], blocking: false },
  unknown_code: { tones: [{ hz: 330, ms: 350, wave: 'square' }], vibrate: [300], blocking: true },
  not_on_order: { tones: [{ hz: 300, ms: 160, gapMs: 80, wave: 'square' }, { hz: 300, ms: 160, wave: 'square' }], vibrate: [160, 80, 160], blocking: true },
  over_pick: { tones: [{ hz: 520, ms: 90, gapMs: 50, wave: 'sawtooth' }, { hz: 520, ms: 90, gapMs: 50, wave: 'sawtooth' }, { hz: 520, ms: 90, wave: 'sawtooth' }], vibrate: [90, 50, 90, 50, 90], blocking: true },
  expired: { tones: [{ hz: 440, ms: 200, gapMs: 40, wave: 'square' }, { hz: 220, ms: 450, wave: 'square' }], vibrate: [200, 60, 450], blocking: true },
};

let audio: AudioContext | null = null;

/** Browsers only allow sound after a tap: call this from the first touch of a screen. */
export function unlockAudio(): void {
  audio ??= typeof AudioContext === 'undefined' ? null : new AudioContext();
  void audio?.resume();
}

/** Plays the outcome's sound and vibration. Returns the total sound length in ms. */
export function giveFeedback(outcome: ScanOutcome): number {
  return playPattern(feedbackPatterns[outcome]);
}

/** Plays tones and a vibration (scan outcomes, a new offer). Returns the total sound length in ms. */
export function playPattern(pattern: { readonly tones: readonly Tone[]; readonly vibrate: readonly number[] }): number {
  navigator.vibrate?.([...pattern.vibrate]);
  if (!audio) unlockAudio();
  if (!audio) return 0;
  let at = audio.currentTime + 0.01;
  for (const tone of pattern.tones) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = tone.wave ?? 'sine';
    osc.frequency.value = tone.hz;
    // Short ramps stop the clicks a bare start/stop makes.
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.5, at + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + tone.ms / 1000);
    osc.connect(gain).connect(audio.destination);
    osc.start(at);
    osc.stop(at + tone.ms / 1000 + 0.02);
    at += (tone.ms + (tone.gapMs ?? 0)) / 1000;
  }
  return Math.round((at - audio.currentTime) * 1000);
}
