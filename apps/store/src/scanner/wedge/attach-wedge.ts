import { WedgeDecoder, type WedgeScan, type WedgeVerdict } from './wedge-decoder.js';
import { GS, type WedgeSettings } from './wedge-settings.js';

export interface AttachWedge {
  readonly settings: WedgeSettings;
  readonly onScan: (scan: WedgeScan) => void;
  /** Label of the hidden field that receives injected text; screen readers announce it. */
  readonly label: string;
  readonly now?: () => number;
}

/**
 * Listens for a handheld's built-in scanner wherever focus is on the screen: key events, text
 * injected into a hidden `inputmode="none"` field (keeps the soft keyboard down), and paste.
 * Typing into a real form field is left alone. Returns a function that detaches everything.
 */
export function attachWedge({ settings, onScan, label, now = () => performance.now() }: AttachWedge): () => void {
  const decoder = new WedgeDecoder(settings);
  const sink = createSink(label);
  let silenceTimer: ReturnType<typeof setTimeout> | undefined;

  const handle = (verdict: WedgeVerdict): boolean => {
    if (verdict.kind === 'scan') onScan(verdict.scan);
    return verdict.kind === 'scan' || verdict.kind === 'duplicate';
  };
  const armSilence = () => {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => handle(decoder.silence(now())), decoder.quietPeriodMs() + 5);
  };
  const feedChars = (text: string) => {
    handle(decoder.feed({ kind: 'char', text, at: now() }));
    armSilence();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (isOtherEditable(event.target, sink)) return;
    if (event.key === 'Enter' || event.key === 'Tab') {
      if (handle(decoder.feed({ kind: 'terminator', key: event.key, at: now() }))) event.preventDefault();
      return;
    }
    // Some scanners send FNC1 as Ctrl+] (the ASCII control for 0x1D).
    if (event.ctrlKey && (event.key === ']' || event.code === 'BracketRight')) {
      event.preventDefault();
      feedChars(GS);
      return;
    }
    // Characters typed into the sink arrive through beforeinput, where Android reports them even
    // when keydown only says "Unidentified".
    if (event.target === sink || event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    feedChars(event.key);
  };
  const onBeforeInput = (event: InputEvent) => {
    if (!event.data || !event.inputType.startsWith('insert') || !event.cancelable) return;
    event.preventDefault();
    if (event.inputType === 'insertFromPaste') handle(decoder.feed({ kind: 'paste', text: event.data, at: now() }));
    else feedChars(event.data);
  };
  // Fallback for keyboards whose beforeinput cannot be cancelled: read what landed and clear it.
  const onInput = () => {
    if (!sink.value) return;
    const text = sink.value;
    sink.value = '';
    feedChars(text);
  };
  const onPaste = (event: ClipboardEvent) => {
    if (isOtherEditable(event.target, sink)) return;
    const text = event.clipboardData?.getData('text') ?? '';
    if (!text) return;
    event.preventDefault();
    handle(decoder.feed({ kind: 'paste', text, at: now() }));
  };
  const keepFocus = () => setTimeout(() => {
    if (!isEditable(document.activeElement)) sink.focus({ preventScroll: true });
  }, 0);

  document.addEventListener('keydown', onKeyDown, true);
  document.addEventListener('paste', onPaste, true);
  sink.addEventListener('beforeinput', onBeforeInput);
  sink.addEventListener('input', onInput);
  sink.addEventListener('blur', keepFocus);
  document.body.append(sink);
  sink.focus({ preventScroll: true });

  return () => {
    clearTimeout(silenceTimer);
    document.removeEventListener('keydown', onKeyDown, true);
    document.removeEventListener('paste', onPaste, true);
    sink.removeEventListener('blur', keepFocus);
    sink.remove();
  };
}

function createSink(label: string): HTMLInputElement {
  const sink = document.createElement('input');
  sink.type = 'text';
  sink.inputMode = 'none';
  sink.autocomplete = 'off';
  sink.spellcheck = false;
  sink.setAttribute('aria-label', label);
  sink.setAttribute('data-scanner-sink', '');
  sink.tabIndex = -1;
  sink.style.cssText = 'position:fixed;left:-1000px;top:0;width:1px;height:1px;opacity:0;';
  return sink;
}

function isEditable(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit'].includes(el.type);
  return el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el as HTMLElement).isContentEditable;
}

function isOtherEditable(target: EventTarget | null, sink: HTMLInputElement): boolean {
  return target !== sink && target instanceof Element && isEditable(target);
}
