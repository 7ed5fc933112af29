// The app's Content-Security-Policy forbids eval (docs/security.md SEC50). Zod compiles a faster
// parser with `new Function` unless told not to; its probe alone is a CSP violation. Imported first
// in main.tsx, so it is set before any schema parses.
//
// Set without importing zod, so that zod stays out of the first load (it comes with the sync engine
// and the screens that parse): zod keeps its settings in `globalThis.__zod_globalConfig`, shared by
// every copy of it, and takes over an object already there when it loads. zod-without-eval.test.ts
// checks that the pinned zod still does.
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(holder.__zod_globalConfig ??= {}).jitless = true;
export {};
