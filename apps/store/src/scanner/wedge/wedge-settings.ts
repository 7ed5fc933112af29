/** How this device's scanner types; measured by the setup wizard and kept per device. */
export interface WedgeSettings {
  /** Average gap between characters above which a burst is a person typing, not a scanner. */
  readonly maxAverageGapMs: number;
  /** Shorter bursts are never scans (a person pressing a few keys). */
  readonly minLength: number;
  /** What ends a scan: a key, or silence when the scanner sends no suffix. */
  readonly suffix: 'Enter' | 'Tab' | 'none';
  /** Silence after the last character that ends a scan with no suffix. */
  readonly silenceMs: number;
  /** A prefix the scanner adds to every code, removed before parsing. */
  readonly prefix: string;
  /** Text some scanners send instead of the GS separator (FNC1), e.g. "<GS>" or "~". */
  readonly separatorAliases: readonly string[];
  /** The same code again this soon is the device firing twice, not a second unit. */
  readonly duplicateWindowMs: number;
}

export const defaultWedgeSettings: WedgeSettings = {
  maxAverageGapMs: 35,
  minLength: 4,
  suffix: 'Enter',
  silenceMs: 80,
  prefix: '',
  separatorAliases: ['<GS>'],
  duplicateWindowMs: 350,
};

export const GS = '\u001d';
