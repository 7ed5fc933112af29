import type { PushedMutation } from '../protocol.js';

/**
 * SHA-256 (hex) of what a mutation asks for — name, version and args, with object keys in a fixed
 * order — so a replayed id can be told from a different action under the same id (SEC30).
 */
export async function actionHash(mutation: Pick<PushedMutation, 'name' | 'version' | 'args'>): Promise<string> {
  const text = canonicalJson([mutation.name, mutation.version, mutation.args]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
