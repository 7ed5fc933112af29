/**
 * Where a zxing-wasm `.wasm` file comes from. There is deliberately no default: the package's own
 * default is a CDN, which breaks offline. Browsers pass the self-hosted, precached URL (Vite:
 * `import url from 'zxing-wasm/reader/zxing_reader.wasm?url'`); Node passes the bytes, since
 * zxing-wasm's web build fetches a URL and Node's fetch cannot read a file path.
 */
export type WasmSource = { readonly url: string } | { readonly binary: ArrayBuffer };

// The two Emscripten Module hooks used, typed here: zxing-wasm's own override type resolves to
// `any` unless @types/emscripten is in the compiler's `types`.
type WasmOverrides = { wasmBinary: ArrayBuffer } | { locateFile: (file: string, prefix: string) => string };

/** Emscripten overrides that load the `.wasm` from the given source and nowhere else. */
export function wasmOverrides(source: WasmSource): WasmOverrides {
  if ('binary' in source) return { wasmBinary: source.binary };
  return { locateFile: (file, prefix) => (file.endsWith('.wasm') ? source.url : prefix + file) };
}
