import type { Request, RequestHandler } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { EventBus } from '../events';
import type { JobRepository } from '../jobs/jobRepository';

/** What the gauges read when Prometheus asks; known only once the sockets and collab server exist. */
export interface MetricsSources {
  /** Sockets connected to this instance, by Socket.IO namespace. */
  socketsOpen(): Record<string, number>;
  /** Co-written documents open on this instance. */
  documentsOpen(): number;
  jobs: JobRepository;
}

export interface Metrics {
  readonly registry: Registry;
  /** Times every HTTP request, labelled with the route's pattern (never the raw path: ids would explode it). */
  readonly timeRequests: RequestHandler;
  /** Starts the gauges that read the server's state and the job timings from the event bus. */
  watch(sources: MetricsSources, bus: EventBus): void;
}

/** The route a request matched, as declared (`/api/workspaces/:id`); pages and files the client is made of are one label. */
function routeLabel(req: Request): string {
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === 'string') return `${req.baseUrl}${pattern}`;
  return req.originalUrl.startsWith('/api/') ? '(no route)' : '(client)';
}

/** Prometheus metrics of one server instance, in their own registry (tests run several servers in one process). */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requestDuration = new Histogram({
    name: 'chorus_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: 'chorus_job_duration_seconds',
    help: 'Time a background job ran (renders, clip and music processing…), by type and outcome',
    labelNames: ['type', 'outcome'],
    buckets: [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600],
    registers: [registry],
  });

  const timeRequests: RequestHandler = (req, res, next) => {
    const end = requestDuration.startTimer();
    res.once('finish', () => end({ method: req.method, route: routeLabel(req), status: String(res.statusCode) }));
    next();
  };

  function watch(sources: MetricsSources, bus: EventBus): void {
    new Gauge({
      name: 'chorus_sockets_open',
      help: 'Socket.IO connections open on this instance, by namespace',
      labelNames: ['namespace'],
      registers: [registry],
      collect() {
        this.reset();
        for (const [namespace, n] of Object.entries(sources.socketsOpen())) this.set({ namespace }, n);
      },
    });
    new Gauge({
      name: 'chorus_documents_open',
      help: 'Co-written documents open on this instance',
      registers: [registry],
      collect() {
        this.set(sources.documentsOpen());
      },
    });
    // Read from the jobs table, which every instance shares: the same numbers from each.
    let stats: ReturnType<JobRepository['queueStats']> | undefined;
    const queueStats = () => (stats ??= sources.jobs.queueStats().finally(() => (stats = undefined)));
    new Gauge({
      name: 'chorus_jobs',
      help: 'Background jobs waiting (queued) or running, by type',
      labelNames: ['type', 'status'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await queueStats()) this.set({ type: row.type, status: row.status }, row.count);
      },
    });
    new Gauge({
      name: 'chorus_jobs_oldest_queued_age_seconds',
      help: 'How long the longest-waiting queued job of each type has been due',
      labelNames: ['type'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await queueStats()) {
          if (row.status !== 'queued' || !row.oldestDue) continue;
          this.set({ type: row.type }, Math.max(0, (Date.now() - Date.parse(row.oldestDue)) / 1000));
        }
      },
    });

    // A job's run, from its first "running" to its end here; an interrupted one (back to "queued") is not counted.
    const started = new Map<string, number>();
    bus.on('job:updated', (u) => {
      if (u.status === 'running') {
        if (!started.has(u.id)) started.set(u.id, performance.now());
        return;
      }
      const since = started.get(u.id);
      started.delete(u.id);
      if (since === undefined || (u.status !== 'succeeded' && u.status !== 'failed')) return;
      jobDuration.observe({ type: u.type, outcome: u.status }, (performance.now() - since) / 1000);
    });
  }

  return { registry, timeRequests, watch };
}
