import type { Request } from 'express';
import type { Config } from '../config';

/** Where the public reaches this server: PUBLIC_URL when set, else the address the request came to. */
export const publicBaseUrl = (config: Config, req: Request) =>
  config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
