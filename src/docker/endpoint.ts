// Where the Docker Engine API lives. FOUNDATION STUB: the full resolution
// (DOCKER_HOST, DOCKER_CONTEXT, config.json currentContext, contexts meta, TLS, ssh,
// npipe) is owned by the docker capability and replaces this body.
export interface Endpoint {
  /** As the docker CLI would print it: unix:///var/run/docker.sock, tcp://host:2376, ssh://… */
  host: string;
  /** Context name when the endpoint came from a docker context. */
  context?: string;
  /** How it was found: setting, DOCKER_HOST, DOCKER_CONTEXT, config, default. */
  source: 'setting' | 'env' | 'context-env' | 'context-config' | 'default';
  tls?: { ca?: string; cert?: string; key?: string; verify: boolean };
}

export function resolveEndpoint(env: NodeJS.ProcessEnv = process.env, override?: string): Endpoint {
  if (override) return { host: override, source: 'setting' };
  if (env.DOCKER_HOST) return { host: env.DOCKER_HOST, source: 'env' };
  return {
    host: process.platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock',
    source: 'default',
  };
}
