/**
 * Headers for the served apps (/store/, /hq/): a Content-Security-Policy that allows exactly what
 * they use, and the usual hardening (docs/security.md SEC50).
 * - scripts: only our own files; 'wasm-unsafe-eval' lets the camera's zxing-wasm compile, and
 *   nothing else is evaluated (no 'unsafe-eval', no inline script);
 * - workers: the service worker and the camera's decoding worker, both from our origin (blob: for
 *   a worker a bundler inlines);
 * - images: our files, plus data: and blob: for photos and signatures taken on the device;
 * - media: the camera's stream (blob:/mediastream:);
 * - connect: the API on our own origin (fetch, EventSource, the wasm download);
 * - nothing may frame the apps, and nothing else is loaded from anywhere.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const appSecurityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(self), geolocation=(self), microphone=()',
};
