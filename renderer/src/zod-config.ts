import { z } from 'zod';

/*
 * zod compiles object parsers with `new Function` when it can, and checks once, as the first
 * schema is built. The CSP forbids eval, so the check itself is reported as a violation: tell zod
 * not to try. Imported first by main.tsx, before any module defines a schema.
 */
z.config({ jitless: true });
