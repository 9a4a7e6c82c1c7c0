import { timelineSchema, type Timeline } from '../../../../../shared/contracts/episodes';
import { ApiError, toApiError } from '../../../api/ApiError';

export interface TimelineTransport {
  load(): Promise<{ timeline: Timeline; canEdit: boolean }>;
  save(timeline: Timeline): Promise<unknown>;
}

export interface RestTimelineState {
  status: 'loading' | 'ready' | 'offline' | 'error';
  error: string | null;
  canEdit: boolean;
  timeline: Timeline;
}

const empty: Timeline = { items: [], chapters: [] };

/** "Item 2: The end of the trim must come after its start." from a zod issue path such as items.1.outSeconds. */
function localProblem(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): ApiError {
  const fields = issues.map((i) => {
    const path = i.path.map(String).join('.');
    const item = /^items\.(\d+)/.exec(path);
    const chapter = /^chapters\.(\d+)/.exec(path);
    const where = item ? `Item ${Number(item[1]) + 1}: ` : chapter ? `Chapter ${Number(chapter[1]) + 1}: ` : '';
    return { path, message: `${where}${i.message}` };
  });
  return new ApiError('validation_failed', fields[0]?.message ?? 'Check the timeline.', { status: 400, fields });
}

/**
 * The timeline kept in the page and stored with PUT of the whole timeline. Edits show at once; saving waits
 * until the editing pauses (`debounceMs`), sends only a timeline that passes the shared schema, and never drops
 * an edit: a refused save keeps the edits on screen with the server's words, and a lost connection retries.
 * Nothing is ever stored after a failed load.
 */
export class RestTimeline {
  private state: RestTimelineState = { status: 'loading', error: null, canEdit: false, timeline: empty };
  private readonly listeners = new Set<() => void>();
  private dirty = false;
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failure: ApiError | null = null;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly transport: TimelineTransport,
    private readonly options: { debounceMs?: number; retryMs?: number } = {},
  ) {}

  get snapshot(): RestTimelineState {
    return this.state;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Loads once; calling again (React runs effects twice in development) waits for the same load. */
  load(): Promise<void> {
    this.loading ??= this.transport.load().then(
      ({ timeline, canEdit }) =>
        this.set({
          status: 'ready',
          error: null,
          canEdit,
          timeline: { items: timeline.items, chapters: timeline.chapters },
        }),
      (e: unknown) => this.set({ status: 'error', error: toApiError(e).message }),
    );
    return this.loading;
  }

  /** Apply an edit here and now; it is stored shortly after. */
  apply(edit: (t: Timeline) => Timeline): void {
    if (this.state.status === 'loading' || this.state.status === 'error' || !this.state.canEdit) return;
    const next = edit(this.state.timeline);
    if (next === this.state.timeline) return;
    this.dirty = true;
    this.set({ timeline: next });
    this.schedule(this.options.debounceMs ?? 600);
  }

  /** Resolves once every edit so far is stored; rejects with the reason when the stored timeline is not this one. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    for (;;) {
      if (this.inFlight) await this.inFlight;
      else if (this.dirty) await this.startSave();
      else break;
      if (this.failure) throw this.failure;
    }
    if (this.failure) throw this.failure;
  }

  /** The page is going: anything unsaved is sent now rather than after the pause. */
  close(): void {
    if (this.dirty) void this.flush().catch(() => undefined);
  }

  private set(patch: Partial<RestTimelineState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.inFlight) this.schedule(ms);
      else void this.startSave();
    }, ms);
  }

  private startSave(): Promise<void> {
    this.dirty = false;
    const parsed = timelineSchema.safeParse(this.state.timeline);
    if (!parsed.success) {
      this.failure = localProblem(parsed.error.issues);
      this.set({ error: this.failure.message });
      return Promise.resolve();
    }
    const sent = this.state.timeline;
    this.inFlight = this.transport
      .save(parsed.data)
      .then(
        () => {
          this.failure = null;
          // Edits made while this was on its way are still to be sent; the words wait for them.
          if (!this.dirty || this.state.timeline === sent) this.set({ status: 'ready', error: null });
        },
        (e: unknown) => {
          const error = toApiError(e);
          this.failure = error;
          if (error.code === 'unavailable') {
            this.dirty = true;
            this.set({
              status: 'offline',
              error: 'Your changes are not saved yet: we could not reach Chorus. We will keep trying.',
            });
            this.schedule(this.options.retryMs ?? 3000);
          } else {
            this.set({ status: 'ready', error: error.message });
          }
        },
      )
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }
}
