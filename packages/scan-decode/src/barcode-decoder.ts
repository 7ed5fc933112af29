/** RGBA pixels, row by row: a browser `ImageData` fits, so does a decoded PNG in Node. */
export interface ImageDataLike {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** The symbologies a store scans: retail goods, cartons, shelf and label codes. */
export const barcodeFormats = ['ean13', 'ean8', 'upca', 'upce', 'itf', 'code128', 'qrcode', 'datamatrix'] as const;

/** One of the symbologies in `barcodeFormats`. */
export type BarcodeFormat = (typeof barcodeFormats)[number];

/** What a decoder read: the text as printed under the bars (UPC-A as 12 digits, UPC-E as 8). */
export interface DecodedBarcode {
  readonly text: string;
  readonly format: BarcodeFormat;
  /** ISO/IEC 15424 identifier such as `]E0` or `]C1` (GS1-128), when the decoder reports one. */
  readonly symbologyIdentifier?: string;
}

/** A barcode reader behind one small interface, so decoders can be measured side by side. */
export interface BarcodeDecoder {
  readonly name: string;
  /** Resolves to the one code found in the image, or null when none is read. */
  decode(image: ImageDataLike): Promise<DecodedBarcode | null>;
}
