import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';

/** Serves the built client and answers every other page address with index.html, so deep links work. */
export function staticClient(clientDir: string): Router {
  const router = express.Router();
  const index = path.join(clientDir, 'index.html');
  router.use(
    express.static(clientDir, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, file) => file.endsWith('index.html') && res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  const spa: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' || req.path.startsWith('/api/') || req.path.startsWith('/socket.io/')) return next();
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send('The Chorus client has not been built yet. Run `npm run build` (npm start does this for you).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  router.use(spa);
  return router;
}
