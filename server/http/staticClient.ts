import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import { cspNonceOf } from './securityHeaders';

/** Where index.html receives each response's CSP nonce (see client/index.html). */
const noncePlaceholder = '__CSP_NONCE__';

/** Serves the built client and answers every other page address with index.html, so deep links work. */
export function staticClient(clientDir: string): Router {
  const router = express.Router();
  const index = path.join(clientDir, 'index.html');
  const spa: RequestHandler = async (req, res, next) => {
    if (req.method !== 'GET' || req.path.startsWith('/api/') || req.path.startsWith('/socket.io/')) return next();
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send('The Chorus client has not been built yet. Run `npm run build` (npm start does this for you).');
      return;
    }
    // Read per request (it is small, and a rebuild while running is picked up) to give it this response's nonce.
    const html = (await readFile(index, 'utf8')).replaceAll(noncePlaceholder, cspNonceOf(res));
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(html);
  };
  // Asked for by name, index.html gets its nonce too (middleware, not a route: it is not part of the API).
  router.use((req, res, next) => (req.path === '/index.html' ? spa(req, res, next) : next()));
  router.use(
    express.static(clientDir, {
      index: false,
      maxAge: '1h',
    }),
  );
  router.use(spa);
  return router;
}
