let context: AudioContext | null = null;

/**
 * Two short tones, like a desk phone, so an agent looking away hears the pop. Browsers allow sound
 * only after the person has used the page; signing in at the extension is such a use. Silence,
 * where sound is not allowed, is fine: the banner and the title still show.
 */
export function ringTone(): void {
  try {
    context ??= new AudioContext();
    void context.resume();
    const start = context.currentTime;
    for (const [offset, frequency] of [[0, 880], [0.25, 660]] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.15, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.2);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.2);
    }
  } catch {
    // No audio device or not allowed: the banner is the signal.
  }
}
