import { z } from 'zod';

// The app's Content-Security-Policy forbids eval (docs/security.md SEC50). Zod compiles a faster
// parser with `new Function` unless told not to; its probe alone is a CSP violation. Imported first
// in main.tsx, so it is set before any schema parses.
z.config({ jitless: true });
