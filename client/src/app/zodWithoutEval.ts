import { z } from 'zod/v4';

// The client build resolves `zod` to this module (vite.config.ts), so the setting below comes before any schema is
// built. Otherwise zod tries `new Function` as each object schema is built, to compile its checks; the
// Content-Security-Policy refuses that, and the browser reports it as a violation.
z.config({ jitless: true });

export * from 'zod/v4';
export { z, z as default };
