import type { BarcodeDecoder, DecodedBarcode, ImageDataLike } from './barcode-decoder.js';

/**
 * A decoder that starts with `primary` and turns to the one `loadFallback` makes when the primary
 * fails before it has ever answered: that is a reader that cannot load (its `.wasm` blocked, or a
 * policy without WebAssembly), not a bad frame. The frame that failed is decoded again by the
 * fallback, which is loaded only then. Once the primary has answered, its errors are its own.
 */
export function withFallback(primary: BarcodeDecoder, loadFallback: () => Promise<BarcodeDecoder>): BarcodeDecoder {
  let active = primary;
  let hasAnswered = false;
  let fallback: Promise<BarcodeDecoder> | null = null;

  const decode = async (image: ImageDataLike): Promise<DecodedBarcode | null> => {
    if (active !== primary || hasAnswered) return active.decode(image);
    try {
      const decoded = await primary.decode(image);
      hasAnswered = true;
      return decoded;
    } catch (primaryFailure) {
      fallback ??= loadFallback();
      active = await fallback.catch((error: unknown) => {
        throw new Error(`${primary.name} could not load (${String(primaryFailure)}), nor its fallback (${String(error)})`);
      });
      return active.decode(image);
    }
  };
  return {
    get name() {
      return active.name;
    },
    decode,
  };
}
