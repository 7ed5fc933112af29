import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A zxing-wasm `.wasm` from node_modules: Node must never fetch it from the package's CDN default. */
export function readZxingWasmBinary(kind: 'reader' | 'writer' = 'reader'): ArrayBuffer {
  const file = fileURLToPath(import.meta.resolve(`zxing-wasm/${kind}/zxing_${kind}.wasm`));
  const bytes = readFileSync(file);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
}
