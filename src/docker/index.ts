// Docker access for the whole extension, without the editor: where the daemon
// is (endpoint), a client for it (client) and what its errors mean (errors).
export {
  resolveEndpoint,
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
  isConnectionError,
  daemonMessage,
  problemText,
  type DockerProblem,
  type ConnectionCause,
  type DaemonCause,
} from './errors';
