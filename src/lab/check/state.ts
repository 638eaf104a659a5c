// The narrow view of the world that checks, the runner and the reset planner need. The
// real implementation talks to the daemon through dockerode (dockerState.ts) and to the
// file system and network (environment.ts); unit tests give their own.

export interface ImageInfo {
  id: string;
  tags: string[];
  size: number;
}

export interface PortBinding {
  /** `80/tcp` */
  containerPort: string;
  hostPort?: string;
}

export interface MountInfo {
  type: string;
  name?: string;
  source?: string;
  destination: string;
}

export interface ContainerInfo {
  id: string;
  name: string;
  /** running, exited, created, paused, restarting, dead */
  state: string;
  /** The image as the container was created with it (`nginx:alpine`). */
  image: string;
  imageId: string;
  ports: PortBinding[];
  networks: string[];
  env: Record<string, string>;
  mounts: MountInfo[];
}

export interface NetworkInfo {
  id: string;
  name: string;
  driver: string;
  subnets: string[];
  /** Names of the containers attached (running ones, as the daemon reports them). */
  containers: string[];
}

export interface VolumeInfo {
  name: string;
  driver: string;
}

export interface ExecOutcome {
  exitCode: number;
  output: string;
}

/** A container Compose created, with what its labels say. */
export interface ComposeContainerInfo extends ContainerInfo {
  service: string;
  /** A `compose run` container rather than a service replica. */
  oneoff: boolean;
}

export interface DockerState {
  image(ref: string): Promise<ImageInfo | undefined>;
  container(nameOrId: string): Promise<ContainerInfo | undefined>;
  network(name: string): Promise<NetworkInfo | undefined>;
  volume(name: string): Promise<VolumeInfo | undefined>;
  logs(container: string): Promise<string>;
  exec(container: string, argv: string[], timeoutMs: number): Promise<ExecOutcome>;
  /** Every container (running or not) labelled with this Compose project (v1 and v2 label alike). */
  composeContainers(project: string): Promise<ComposeContainerInfo[]>;
  /** Names of the networks labelled with this Compose project. */
  composeNetworks(project: string): Promise<string[]>;
  /** Names of containers using a volume or attached to a network (for "only unused" resets). */
  containersUsing(kind: 'volume' | 'network' | 'image', name: string): Promise<string[]>;
  stopContainer(nameOrId: string): Promise<void>;
  killContainer(nameOrId: string): Promise<void>;
  removeContainer(nameOrId: string, force: boolean): Promise<void>;
  removeNetwork(name: string): Promise<void>;
  removeVolume(name: string): Promise<void>;
  /** Removes the reference (a tag); the image itself goes when no tag is left. */
  removeImage(ref: string): Promise<void>;
}

export interface LintFinding {
  rule: string;
  category?: string;
  line: number;
  message: string;
}

/** What checks reach outside Docker: the learner's files, the linter, HTTP. */
export interface Environment {
  /** Text of a workspace-relative file, or undefined when it does not exist. */
  readFile(relPath: string): Promise<string | undefined>;
  /** Findings in the given categories, or undefined when the file does not exist. */
  lint(relPath: string, categories: string[]): Promise<LintFinding[] | undefined>;
  httpGet(url: string, timeoutMs: number): Promise<{ status: number; body: string }>;
  /** The workspace folder's own name (what Compose names a project run there without `-p`). */
  folderName?: string;
}

// One image-reference parser for the whole extension (src/docker/imageRef.ts).
export { normalizeImageRef } from '../../docker';
