/** Actions a store manager can drive from a printed sheet, without touching the screen. */
export const pickCommandNames = ['finish_pick', 'mark_short', 'next_line', 'undo'] as const;
export type PickCommand = (typeof pickCommandNames)[number];

/** A command as printed: the payload to encode and the caption under the bars. */
export interface PickCommandBarcode {
  readonly command: PickCommand;
  readonly payload: string;
  readonly caption: { readonly 'zh-Hans': string; readonly en: string };
}

/**
 * Print these as plain Code 128 (no FNC1). The payloads hold letters and ':' and start with one, so
 * no reader can take them for a GTIN or a GS1 element string, and no product carries them.
 */
export const pickCommandSymbology = 'code-128';

// Keyed by command so that adding a command without a barcode does not typecheck.
const barcodes: Record<PickCommand, Omit<PickCommandBarcode, 'command'>> = {
  finish_pick: { payload: 'CMD:FINISH', caption: { 'zh-Hans': '完成拣货', en: 'Finish pick' } },
  mark_short: { payload: 'CMD:SHORT', caption: { 'zh-Hans': '缺货', en: 'Out of stock' } },
  next_line: { payload: 'CMD:NEXT', caption: { 'zh-Hans': '下一项', en: 'Next item' } },
  undo: { payload: 'CMD:UNDO', caption: { 'zh-Hans': '撤销', en: 'Undo' } },
};

/** Every command barcode, in the order to print them on a sheet. */
export const pickCommandBarcodes: readonly PickCommandBarcode[] = pickCommandNames.map((command) => ({ command, ...barcodes[command] }));

export interface CommandScan {
  readonly kind: 'command';
  readonly command: PickCommand;
}

/** The command a scanned text stands for; case is ignored because wedge scanners follow Caps Lock. */
export function readPickCommand(text: string): CommandScan | undefined {
  const payload = text.toUpperCase();
  const found = pickCommandBarcodes.find((c) => c.payload === payload);
  return found ? { kind: 'command', command: found.command } : undefined;
}
