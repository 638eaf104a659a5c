// One dockerode client per endpoint, created on first use so that activation never
// loads dockerode (and ssh2) before the explorer or a lab check needs it.
import type Dockerode from 'dockerode';
import type { Endpoint } from './endpoint';

export function createClient(endpoint: Endpoint): Dockerode {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const DockerodeCtor = require('dockerode') as typeof Dockerode;
  const url = new URL(endpoint.host);
  switch (url.protocol) {
    case 'unix:':
      return new DockerodeCtor({ socketPath: decodeURIComponent(url.pathname) });
    case 'npipe:':
      return new DockerodeCtor({ socketPath: endpoint.host.replace(/^npipe:\/\//, '') });
    case 'tcp:':
    case 'http:':
    case 'https:':
      return new DockerodeCtor({
        host: url.hostname,
        port: Number(url.port || (endpoint.tls ? 2376 : 2375)),
        protocol: endpoint.tls ? 'https' : 'http',
        ca: endpoint.tls?.ca,
        cert: endpoint.tls?.cert,
        key: endpoint.tls?.key,
      });
    default:
      throw new Error(`unsupported Docker endpoint: ${endpoint.host}`);
  }
}
