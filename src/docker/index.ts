// Docker access for the whole extension, without the editor: where the daemon
// is (endpoint), a client for it (client) and what its errors mean (errors).
export {
  resolveEndpoint,
  cliEnvironment,
  listContexts,
  endpointLabel,
  parseHost,
  dockerConfigDir,
  contextDirName,
  defaultHost,
  DEFAULT_CONTEXT,
  type Endpoint,
  type EndpointKind,
  type EndpointError,
  type ContextInfo,
  type ResolveOptions,
} from './endpoint';
export { createClient, clientOptions, EndpointUnusableError } from './client';
export {
  describeDockerError,
  describeDockerOutput,
  isConnectionError,
  daemonMessage,
  type DockerProblem,
  type ConnectionCause,
  type DaemonCause,
} from './errors';
export {
  parseImageRef,
  normalizeImageRef,
  isValidImageRef,
  repoAndTag,
  pullReference,
  DEFAULT_REGISTRY,
  type ImageRef,
  type ImageRefRules,
} from './imageRef';
export { PullProgress, type PullEvent } from './pullProgress';
export { instructionOf } from './history';
