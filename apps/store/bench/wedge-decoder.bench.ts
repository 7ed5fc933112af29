// The wedge adapter's cost per scan: the pure decoder fed a scanner's key stream, as attachWedge
// feeds it. Prints figures; asserts nothing. Run: pnpm --filter @repo/store bench
import { performance } from 'node:perf_hooks';
import { WedgeDecoder, type WedgeInput } from '../src/scanner/wedge/wedge-decoder.js';
import { defaultWedgeSettings, GS } from '../src/scanner/wedge/wedge-settings.js';

const codes = ['6901234567892', '96385074', '10614141000415', `0106901234567892${GS}10LOT42${GS}17271231`];
const scans = 20_000;

function keyStream(text: string, start: number): WedgeInput[] {
  const keys = [...text].map((c, i) => ({ kind: 'char' as const, text: c, at: start + i * 6 }));
  return [...keys, { kind: 'terminator' as const, key: 'Enter' as const, at: start + text.length * 6 }];
}

const streams = codes.map((c) => keyStream(c, 0));
const decoder = new WedgeDecoder(defaultWedgeSettings);
const times: number[] = [];
let found = 0;
for (let i = 0; i < scans; i++) {
  const stream = streams[i % streams.length]!;
  const offset = i * 2000; // two seconds apart: never a duplicate
  const begin = performance.now();
  for (const input of stream) {
    const verdict = decoder.feed({ ...input, at: input.at + offset });
    if (verdict.kind === 'scan') found++;
  }
  times.push(performance.now() - begin);
}
times.sort((a, b) => a - b);
const q = (p: number) => (times[Math.floor(p * (times.length - 1))]! * 1000).toFixed(1);
console.log(`wedge decoder · ${scans} scans (${codes.length} code shapes, 8-38 keys each) · node ${process.version}`);
console.log(`  recognised: ${found}/${scans}`);
console.log(`  per scan: p50 ${q(0.5)} µs · p95 ${q(0.95)} µs · p99 ${q(0.99)} µs`);
