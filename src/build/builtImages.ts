// Which Dockerfile built which image, in this workspace: recorded after each build so that
// other views (the explorer's layer chart) can lead from an image back to its Dockerfile,
// and so the tag prompt offers the tag a Dockerfile was last built with.

/** The part of VS Code's Memento (workspace state) the record uses; pure, so the explorer reads it too. */
export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

const KEY = 'dockerLabs.build.images';
/** Enough for a course's exercises; the oldest records go first. */
const MAX_RECORDS = 100;

export interface BuiltImage {
  /** `sha256:…`, as the daemon names the image. */
  imageId: string;
  /** The Dockerfile's URI, as a string (vscode.Uri.parse reads it back). */
  dockerfile: string;
  tag: string;
  /** When the build ended (ms since the epoch). */
  builtAt: number;
}

export class BuiltImages {
  constructor(private readonly state: StateStore) {}

  /** Newest first. */
  all(): BuiltImage[] {
    const stored = this.state.get<unknown>(KEY);
    return Array.isArray(stored) ? stored.filter(isBuiltImage) : [];
  }

  /** The record of an image, by its full or short id (with or without `sha256:`). */
  byImageId(id: string): BuiltImage | undefined {
    const short = id.replace(/^sha256:/, '');
    if (!short) return undefined;
    return this.all().find((r) => r.imageId.replace(/^sha256:/, '').startsWith(short));
  }

  /** The tag `dockerfile` (a URI string) was last built with. */
  lastTag(dockerfile: string): string | undefined {
    return this.all().find((r) => r.dockerfile === dockerfile)?.tag;
  }

  async add(record: BuiltImage): Promise<void> {
    const rest = this.all().filter((r) => !(r.imageId === record.imageId && r.dockerfile === record.dockerfile));
    await this.state.update(KEY, [record, ...rest].slice(0, MAX_RECORDS));
  }
}

function isBuiltImage(v: unknown): v is BuiltImage {
  const r = v as Partial<BuiltImage> | null;
  return !!r && typeof r.imageId === 'string' && typeof r.dockerfile === 'string' && typeof r.tag === 'string' && typeof r.builtAt === 'number';
}
