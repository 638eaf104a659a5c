// The daemon's pull stream (one JSON status per line per layer) reduced to how far the
// pull has come: layers known and done, bytes downloading, one 0…1 figure. The lab's
// pre-pull and the explorer's pull both read it.

export interface PullEvent {
  id?: string;
  status?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
}

interface LayerState {
  phase: 'waiting' | 'downloading' | 'extracting' | 'done';
  current: number;
  total: number;
}

export class PullProgress {
  private readonly layers = new Map<string, LayerState>();
  /** The daemon's last whole-image status ("Status: Downloaded newer image for …"). */
  lastStatus = '';

  feed(event: PullEvent): void {
    const status = event.status ?? '';
    if (!event.id || /^(Pulling from|Digest:|Status:)/.test(status)) {
      if (status) this.lastStatus = status;
      return;
    }
    // Lines without a layer-like ID ("latest: Pulling from …") are about the image.
    if (!/^[0-9a-f]{12,}$/.test(event.id)) {
      if (status) this.lastStatus = status;
      return;
    }
    const layer = this.layers.get(event.id) ?? { phase: 'waiting', current: 0, total: 0 };
    if (status === 'Downloading') {
      layer.phase = 'downloading';
      layer.current = event.progressDetail?.current ?? layer.current;
      layer.total = event.progressDetail?.total ?? layer.total;
    } else if (status === 'Extracting') {
      layer.phase = 'extracting';
      layer.current = event.progressDetail?.current ?? layer.current;
      layer.total = event.progressDetail?.total ?? layer.total;
    } else if (status === 'Verifying Checksum' || status === 'Download complete') {
      layer.phase = 'extracting';
      layer.current = 0;
    } else if (status === 'Pull complete' || status === 'Already exists') {
      layer.phase = 'done';
    }
    this.layers.set(event.id, layer);
  }

  get layerCount(): number {
    return this.layers.size;
  }

  get layersDone(): number {
    return [...this.layers.values()].filter((l) => l.phase === 'done').length;
  }

  /** Bytes of the layers downloading right now: received and expected. */
  get downloading(): { current: number; total: number } {
    let current = 0;
    let total = 0;
    for (const l of this.layers.values()) {
      if (l.phase === 'downloading') {
        current += l.current;
        total += l.total;
      }
    }
    return { current, total };
  }

  /** 0…1; a layer counts half when downloaded and whole when extracted. */
  get fraction(): number {
    if (this.layers.size === 0) return 0;
    let sum = 0;
    for (const l of this.layers.values()) {
      const part = l.total > 0 ? Math.min(1, l.current / l.total) : 0;
      if (l.phase === 'done') sum += 1;
      else if (l.phase === 'extracting') sum += 0.5 + 0.5 * part;
      else if (l.phase === 'downloading') sum += 0.5 * part;
    }
    return sum / this.layers.size;
  }
}
