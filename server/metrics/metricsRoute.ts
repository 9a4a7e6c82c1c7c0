import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors';
import { defineStreamRoute, type Api } from '../http/route';
import type { Metrics } from './metrics';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The same length whatever was sent, so comparing takes the same time for a near miss and a wild guess. */
const sameToken = (sent: string, expected: string) => timingSafeEqual(digest(sent), digest(expected));

/**
 * `GET /metrics` for Prometheus. Off (404, as for any unknown address) unless METRICS_TOKEN is set; then only a
 * scraper sending `Authorization: Bearer <token>` gets the numbers, since they tell who is busy and when.
 */
export function metricsRoute(api: Api, metrics: { token: string; metrics: Metrics } | null): void {
  defineStreamRoute(
    api,
    {
      method: 'get',
      path: '/metrics',
      tag: 'meta',
      summary: 'Prometheus metrics of this instance (needs METRICS_TOKEN as a bearer token)',
      description:
        'Request latency by route, sockets and documents open, job queue depth and age, job durations, and the ' +
        'process’s own numbers, in the Prometheus text format. Answers 404 unless the server has METRICS_TOKEN, ' +
        'then 401 without `Authorization: Bearer <METRICS_TOKEN>`.',
      auth: 'public',
      produces: ['text/plain'],
      errors: ['unauthenticated', 'not_found'],
    },
    async (req, res) => {
      if (!metrics) throw new AppError('not_found', 'There is nothing at this address.');
      const sent = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? '';
      if (!sameToken(sent, metrics.token)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="chorus-metrics"');
        throw new AppError('unauthenticated', 'Send the metrics token as Authorization: Bearer <token>.');
      }
      res.setHeader('Cache-Control', 'no-store');
      res.type(metrics.metrics.registry.contentType).send(await metrics.metrics.registry.metrics());
    },
  );
}
