// Follows the Engine's /events stream and says which explorer groups an event makes
// stale. The stream is one JSON object per line; when it ends (daemon stopped,
// connection dropped) the watcher reconnects with backoff, capped low enough that the
// tree recovers within a few seconds of the daemon coming back.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import type { GroupId } from './daemonLists';

export interface EngineEvent {
  Type?: string;
  Action?: string;
  status?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
}

// Container actions that change nothing the tree shows: `docker exec`, `docker logs`,
// `docker top`, terminal resizes. Ignoring them keeps a shell session from refreshing
// the list on every command.
const QUIET_CONTAINER_ACTIONS = /^(exec_|attach|detach|resize|top|export|copy|archive-path|extract-to-dir)/;

/** The groups an event makes stale (none for noise). */
export function groupsForEvent(event: EngineEvent): GroupId[] {
  const action = event.Action ?? event.status ?? '';
  switch (event.Type) {
    case 'container':
      if (QUIET_CONTAINER_ACTIONS.test(action)) return [];
      // `docker commit` makes an image; everything else changes the container list,
      // from which network members and volume users are derived too.
      return action === 'commit' ? ['containers', 'images'] : ['containers'];
    case 'image':
      return ['images'];
    case 'network':
      // connect/disconnect change a container's networks and IPs, kept in the container list.
      return action === 'connect' || action === 'disconnect' ? ['networks', 'containers'] : ['networks'];
    case 'volume':
      // mount/unmount follow container start/stop, which already refresh containers.
      return action === 'mount' || action === 'unmount' ? [] : ['volumes'];
    default:
      return [];
  }
}

/** The containers an event is about (full IDs), so only they need listing again. */
export function containerIdsOf(event: EngineEvent): string[] | undefined {
  if (event.Type === 'container' && event.Actor?.ID) return [event.Actor.ID];
  const attached = event.Actor?.Attributes?.container;
  if (event.Type === 'network' && attached) return [attached];
  return undefined;
}

export interface EventWatcherOptions {
  client: () => Dockerode;
  /** Called for every event that matters, with its groups. */
  onEvent: (groups: GroupId[], event: EngineEvent) => void;
  /** The stream is open (first time or after a reconnect): anything may have changed meanwhile. */
  onConnected: () => void;
  /** Connecting failed or the stream ended; the watcher retries on its own. */
  onDisconnected: (error: unknown) => void;
  /** Delays before each reconnect attempt; the last one repeats. */
  backoffMs?: readonly number[];
}

export const DEFAULT_BACKOFF_MS: readonly number[] = [250, 500, 1000, 2000];

export class EventWatcher {
  private running = false;
  private abort?: AbortController;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private attempt = 0;
  private readonly backoff: readonly number[];

  constructor(private readonly options: EventWatcherOptions) {
    this.backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  }

  get active(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    void this.connect();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.abort?.abort();
    this.abort = undefined;
  }

  /** Drops the current stream and connects again at once (e.g. after an endpoint change or Retry). */
  restart(): void {
    this.stop();
    this.start();
  }

  /** `error` is set when connecting failed; a stream that merely ended is retried quietly first. */
  private scheduleReconnect(error?: unknown): void {
    if (!this.running) return;
    if (error !== undefined) this.options.onDisconnected(error);
    const delay = this.backoff[Math.min(this.attempt, this.backoff.length - 1)] ?? 1000;
    this.attempt++;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.retryTimer.unref?.();
  }

  private async connect(): Promise<void> {
    if (!this.running) return;
    const abort = new AbortController();
    this.abort = abort;
    let stream: Readable;
    try {
      stream = (await this.options
        .client()
        .getEvents({ filters: { type: ['container', 'image', 'network', 'volume'] }, abortSignal: abort.signal } as Dockerode.GetEventsOptions)) as unknown as Readable;
    } catch (error) {
      if (abort.signal.aborted || this.abort !== abort) return;
      this.scheduleReconnect(error);
      return;
    }
    if (abort.signal.aborted || this.abort !== abort) {
      stream.destroy();
      return;
    }
    abort.signal.addEventListener('abort', () => stream.destroy(), { once: true });
    this.attempt = 0;
    // The end of the stream alone says nothing about the daemon (it may be restarting):
    // the reconnect attempt that follows finds out, and reports if it fails.
    stream.on('error', () => undefined);
    stream.on('close', () => {
      if (this.abort !== abort || abort.signal.aborted) return;
      this.scheduleReconnect();
    });
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    lines.on('error', () => undefined);
    lines.on('line', (line) => {
      if (!line.trim()) return;
      let event: EngineEvent;
      try {
        event = JSON.parse(line) as EngineEvent;
      } catch {
        return;
      }
      const groups = groupsForEvent(event);
      if (groups.length > 0) this.options.onEvent(groups, event);
    });
    this.options.onConnected();
  }
}
