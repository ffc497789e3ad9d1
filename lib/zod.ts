import { z } from 'zod';

// Extension pages and workers forbid eval (Manifest V3 CSP): tell zod not to try compiling
// validators with `new Function` (it would fall back anyway, after a CSP violation report).
// Every schema in lib/ imports `z` from here.
z.config({ jitless: true });

export { z };
