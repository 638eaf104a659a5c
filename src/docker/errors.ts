// What went wrong talking to Docker, in words a learner can act on: connection
// failures (daemon not running, no permission on the socket, unknown host, TLS)
// and the daemon's refusals the course runs into on purpose (name already in
// use, port already allocated, network still in use…). Each becomes a cause code
// and one Localized sentence saying what happened and what to do; the patterns
// match the daemon's own messages (Docker Engine 20.10 to 28; the test suite
// provokes each of them against a real daemon).
import type { Localized } from '../util/i18n';
import type { Endpoint } from './endpoint';

export type ConnectionCause =
  | 'not-running'
  | 'permission-denied'
  | 'no-such-host'
  | 'unreachable'
  | 'tls'
  | 'ssh-auth'
  | 'ssh-unreachable'
  | 'ssh-no-docker'
  | 'ssh-host-key'
  | 'endpoint';

export type DaemonCause =
  | 'name-in-use'
  | 'container-running'
  | 'container-not-running'
  | 'image-in-use'
  | 'image-has-tags'
  | 'network-in-use'
  | 'volume-in-use'
  | 'port-allocated'
  | 'network-exists'
  | 'no-such-container'
  | 'no-such-image'
  | 'no-such-network'
  | 'no-such-volume'
  | 'pull-access-denied'
  | 'manifest-unknown'
  | 'registry-unreachable'
  | 'address-pools-exhausted'
  | 'no-space-left'
  | 'name-not-resolved'
  | 'other';

export interface DockerProblem {
  /** True when the daemon could not be reached at all (nothing was done). */
  connection: boolean;
  cause: ConnectionCause | DaemonCause;
  /** The endpoint in use, as the CLI names it (connection problems). */
  endpoint?: string;
  /** One sentence: what happened and what to do. */
  message: Localized;
  /** What to do, alone (for a hint line or a help node). */
  help: Localized;
  /** Commands that fix it, for a "run in terminal" action (may be empty). */
  commands: string[];
  /** HTTP status of a daemon error. */
  statusCode?: number;
  /** The daemon's or the system's own message, for an output channel. */
  detail: string;
}

const L = (ko: string, en: string): Localized => ({ ko, en });

interface RawError {
  code?: string;
  errno?: number;
  syscall?: string;
  address?: string;
  hostname?: string;
  statusCode?: number;
  reason?: string;
  json?: { message?: string } | null;
  message?: string;
  level?: string;
  reasonCode?: string;
  endpoint?: Endpoint;
}

/** The daemon's own message: the JSON body when there is one, else what docker-modem put after "- ". */
export function daemonMessage(err: unknown): string {
  const e = (err ?? {}) as RawError;
  if (e.json && typeof e.json.message === 'string') return e.json.message.trim();
  const m = typeof e.message === 'string' ? e.message : String(err);
  const http = /^\(HTTP code \d+\) [^-]*- ([\s\S]*)$/.exec(m);
  return (http ? http[1] : m).trim();
}

// The server's certificate chain does not lead to the CA we were given (a wrong ca.pem).
const TLS_UNTRUSTED_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_SIGNATURE_FAILURE',
]);

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

function hostOf(endpoint: Endpoint | string | undefined, e: RawError): string {
  if (typeof endpoint === 'string') return endpoint;
  if (endpoint) return endpoint.host || (endpoint.context ? `context ${endpoint.context}` : '');
  if (e.endpoint) return e.endpoint.host;
  return e.address ?? e.hostname ?? '';
}

/** True when the endpoint is reached over ssh (its connection failures are ssh's, not a socket's). */
function overSsh(endpoint: Endpoint | string | undefined, e: RawError): boolean {
  const host = typeof endpoint === 'string' ? endpoint : (endpoint?.host ?? e.endpoint?.host ?? '');
  return host.startsWith('ssh://');
}

function connectionCause(e: RawError, ssh = false): ConnectionCause | undefined {
  const code = e.code ?? '';
  if (code === 'EDOCKERLABS_ENDPOINT') return 'endpoint';
  if (code === 'EDOCKERLABS_SSH_NO_DOCKER') return 'ssh-no-docker';
  if (code === 'EDOCKERLABS_SSH_HOST_KEY_UNKNOWN' || code === 'EDOCKERLABS_SSH_HOST_KEY_CHANGED') return 'ssh-host-key';
  if (code === 'EDOCKERLABS_SSH_DIAL') {
    // `docker system dial-stdio` ran on the server but could not reach the daemon there.
    if (/permission denied/i.test(e.message ?? '')) return 'permission-denied';
    if (/Cannot connect to the Docker daemon|Is the docker daemon running|no such file or directory|connection refused/i.test(e.message ?? '')) return 'not-running';
    return 'unreachable';
  }
  if (ssh && (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ETIMEDOUT')) return 'ssh-unreachable';
  if (code === 'ENOENT' || code === 'ECONNREFUSED') return 'not-running';
  if (code === 'EACCES' || code === 'EPERM') return 'permission-denied';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'no-such-host';
  if (['ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED', 'ABORT_ERR', 'ESOCKETTIMEDOUT'].includes(code)) return 'unreachable';
  if (TLS_UNTRUSTED_CODES.has(code)) return 'tls';
  if (TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return 'tls';
  if (e.level === 'client-authentication') return 'ssh-auth';
  // ssh2's handshake timed out, or the server closed before it finished.
  if (ssh && (e.level === 'client-timeout' || e.level === 'client-socket')) return 'ssh-unreachable';
  // An HTTP client talking to the TLS port: the daemon answers this instead of the API.
  if (e.statusCode === 400 && /HTTP request to an HTTPS server/i.test(daemonMessage(e))) return 'tls';
  if (e.statusCode === undefined && /^timeout|timed out/i.test(e.message ?? '')) return 'unreachable';
  return undefined;
}

/** `ssh -p PORT user@host` for an ssh:// endpoint (empty for anything else). */
function sshLoginCommand(endpoint: string): string[] {
  try {
    const url = new URL(endpoint);
    if (url.protocol !== 'ssh:') return [];
    return [`ssh ${url.port ? `-p ${url.port} ` : ''}${url.username ? `${decodeURIComponent(url.username)}@` : ''}${url.hostname}`];
  } catch {
    return [];
  }
}

function connectionProblem(cause: ConnectionCause, endpoint: string, e: RawError, platform: NodeJS.Platform): DockerProblem {
  const desktop = platform === 'darwin' || platform === 'win32';
  const at = endpoint || 'Docker';
  const base = { connection: true, cause, endpoint, detail: e.message ?? String(e) };
  switch (cause) {
    case 'not-running':
      return desktop
        ? {
            ...base,
            message: L(`${at}의 Docker 데몬에 연결할 수 없습니다. Docker Desktop을 실행하고 엔진이 실행 중이 될 때까지 기다리세요.`, `Cannot connect to the Docker daemon at ${at}: start Docker Desktop and wait until its engine is running.`),
            help: L('Docker Desktop을 실행하고 엔진이 실행 중이 될 때까지 기다리세요.', 'Start Docker Desktop and wait until its engine is running.'),
            commands: [],
          }
        : {
            ...base,
            message: L(
              `${at}의 Docker 데몬에 연결할 수 없습니다. 데몬이 실행 중이 아닙니다: sudo systemctl start docker 로 시작하세요.`,
              `Cannot connect to the Docker daemon at ${at}: it is not running. Start it with sudo systemctl start docker.`,
            ),
            help: L(
              'Docker 데몬을 시작하세요: sudo systemctl start docker (Docker Desktop을 쓴다면 Docker Desktop을 실행하세요).',
              'Start the Docker daemon: sudo systemctl start docker (or start Docker Desktop if you use it).',
            ),
            commands: ['sudo systemctl start docker'],
          };
    case 'permission-denied':
      return desktop
        ? {
            ...base,
            message: L(`${at}의 Docker 소켓에 접근할 권한이 없습니다. Docker Desktop을 다시 시작하세요.`, `Permission denied on the Docker socket ${at}: restart Docker Desktop.`),
            help: L('Docker Desktop을 다시 시작하세요.', 'Restart Docker Desktop.'),
            commands: [],
          }
        : {
            ...base,
            message: L(
              `${at}의 Docker 소켓에 접근할 권한이 없습니다. sudo usermod -aG docker $USER 로 docker 그룹에 추가한 뒤 로그아웃했다가 다시 로그인하세요.`,
              `Permission denied on the Docker socket ${at}: add yourself to the docker group with sudo usermod -aG docker $USER, then log out and back in.`,
            ),
            help: L(
              'sudo usermod -aG docker $USER 로 사용자를 docker 그룹에 추가한 뒤 로그아웃했다가 다시 로그인하세요 (또는 newgrp docker).',
              'Add your user to the docker group with sudo usermod -aG docker $USER, then log out and back in (or run newgrp docker).',
            ),
            commands: ['sudo usermod -aG docker $USER'],
          };
    case 'no-such-host':
      return {
        ...base,
        message: L(`${at}의 호스트 이름을 찾을 수 없습니다. DOCKER_HOST나 현재 컨텍스트의 주소를 확인하세요 (docker context ls).`, `No such host for ${at}: check the address in DOCKER_HOST or the current context (docker context ls).`),
        help: L('DOCKER_HOST 또는 현재 Docker 컨텍스트의 주소를 확인하세요.', 'Check the address in DOCKER_HOST or the current Docker context.'),
        commands: ['docker context ls'],
      };
    case 'unreachable':
      return {
        ...base,
        message: L(`${at}의 Docker 데몬이 응답하지 않습니다. 호스트가 켜져 있고 네트워크로 닿는지 확인하세요.`, `The Docker daemon at ${at} does not answer: check that the host is up and reachable.`),
        help: L('호스트가 켜져 있고 네트워크로 닿는지 확인하세요.', 'Check that the host is up and reachable over the network.'),
        commands: ['docker context ls'],
      };
    case 'tls':
      if (!TLS_UNTRUSTED_CODES.has(e.code ?? '')) return tlsProblem(base, at);
      return {
        ...base,
        message: L(
          `${at}의 서버 인증서가 가진 CA 인증서(ca.pem)로 확인되지 않습니다. 서버 인증서를 만든 CA의 ca.pem을 DOCKER_CERT_PATH(또는 컨텍스트의 ca=)에 두세요.`,
          `The server certificate of ${at} is not signed by the CA in your ca.pem: put the ca.pem of the CA that signed the server's certificate in DOCKER_CERT_PATH (or the context's ca=).`,
        ),
        help: L('서버 인증서를 만든 CA의 ca.pem을 쓰세요 (DOCKER_CERT_PATH 또는 docker context의 ca=).', "Use the ca.pem of the CA that signed the server's certificate (DOCKER_CERT_PATH or the context's ca=)."),
        commands: [],
      };
    case 'ssh-auth':
      return {
        ...base,
        message: L(
          `${at}의 SSH 서버가 키를 거부했습니다. 서버의 ~/.ssh/authorized_keys에 공개 키를 등록하거나(ssh-copy-id) 맞는 키를 ssh-agent에 추가하세요 (ssh-add).`,
          `The SSH server of ${at} refused your key: add your public key to the server's ~/.ssh/authorized_keys (ssh-copy-id) or add the right key to the ssh-agent (ssh-add).`,
        ),
        help: L('ssh-add로 ssh-agent에 키를 추가하고 ssh로 직접 접속되는지 확인하세요.', 'Add your key to the ssh-agent with ssh-add and check that plain ssh to the host works.'),
        commands: ['ssh-add'],
      };
    case 'ssh-unreachable':
      return {
        ...base,
        message: L(
          `${at}의 SSH 서버에 연결할 수 없습니다. 호스트 주소와 포트가 맞는지, 서버에서 sshd가 실행 중인지 확인하세요.`,
          `Cannot connect to the SSH server of ${at}: check the host address and port, and that sshd is running on the server.`,
        ),
        help: L('DOCKER_HOST 또는 컨텍스트의 ssh:// 주소를 확인하고 ssh로 직접 접속해 보세요.', 'Check the ssh:// address in DOCKER_HOST or the context, and try plain ssh to the host.'),
        commands: ['docker context ls'],
      };
    case 'ssh-host-key':
      return e.code === 'EDOCKERLABS_SSH_HOST_KEY_CHANGED'
        ? {
            ...base,
            message: L(
              `${at}의 호스트 키가 known_hosts에 기록된 키와 다릅니다. 서버가 다시 설치된 것인지 강사에게 확인한 뒤에만 ssh-keygen -R 로 옛 키를 지우세요.`,
              `The host key of ${at} differs from the one in known_hosts: only after the instructor confirms the server was reinstalled, remove the old key with ssh-keygen -R.`,
            ),
            help: L('강사에게 서버의 새 호스트 키를 확인하세요. 그 뒤 ssh-keygen -R 호스트 로 옛 키를 지우고 ssh로 다시 접속하세요.', "Check the server's new host key with the instructor, then remove the old one with ssh-keygen -R HOST and ssh to it again."),
            commands: [],
          }
        : {
            ...base,
            message: L(
              `${at}의 호스트 키가 known_hosts에 없습니다. 터미널에서 ssh로 한 번 접속해 호스트 키를 확인하고 받아들이세요.`,
              `The host key of ${at} is not in known_hosts yet: ssh to the host once in a terminal to check and accept its key.`,
            ),
            help: L('터미널에서 ssh 사용자@호스트 로 한 번 접속해 호스트 키를 받아들이세요.', 'Run ssh USER@HOST once in a terminal and accept the host key.'),
            commands: sshLoginCommand(endpoint),
          };
    case 'ssh-no-docker':
      return {
        ...base,
        message: L(
          `${at}에 SSH로 로그인했지만 서버에서 docker 명령을 찾을 수 없습니다. 서버에 Docker를 설치하거나 그 사용자의 PATH에 docker가 있게 하세요.`,
          `Logged in to ${at} over SSH, but the server has no docker command: install Docker on the server or put docker on that user's PATH.`,
        ),
        help: L('서버에서 ssh로 접속해 docker version이 되는지 확인하세요.', 'Log in to the server with ssh and check that docker version works there.'),
        commands: [],
      };
    case 'endpoint': {
      const reason = (e as { reason?: string }).reason;
      const name = e.endpoint?.context ?? '';
      if (reason === 'context-not-found') {
        return {
          ...base,
          message: L(`Docker 컨텍스트 "${name}"이(가) 없습니다. docker context ls로 목록을 보고 docker context use 로 고르세요.`, `The Docker context "${name}" does not exist: list them with docker context ls and pick one with docker context use.`),
          help: L('docker context ls로 컨텍스트 목록을 확인하세요.', 'List the contexts with docker context ls.'),
          commands: ['docker context ls'],
        };
      }
      return {
        ...base,
        message: L(`Docker 엔드포인트를 쓸 수 없습니다: ${e.message ?? ''}`, `The Docker endpoint cannot be used: ${e.message ?? ''}`),
        help: L('dockerLabs.dockerHost 설정, DOCKER_HOST, 현재 컨텍스트를 확인하세요.', 'Check the dockerLabs.dockerHost setting, DOCKER_HOST and the current context.'),
        commands: ['docker context ls'],
      };
    }
  }
}

function tlsProblem(base: Omit<DockerProblem, 'message' | 'help' | 'commands'>, at: string): DockerProblem {
  return {
    ...base,
    message: L(
      `${at}와 TLS 연결에 실패했습니다. DOCKER_TLS_VERIFY, DOCKER_CERT_PATH의 인증서(ca.pem, cert.pem, key.pem) 또는 컨텍스트의 TLS 설정을 확인하세요.`,
      `The TLS connection to ${at} failed: check DOCKER_TLS_VERIFY and the certificates in DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem) or the context's TLS settings.`,
    ),
    help: L('DOCKER_TLS_VERIFY, DOCKER_CERT_PATH 또는 컨텍스트의 TLS 설정을 확인하세요.', "Check DOCKER_TLS_VERIFY, DOCKER_CERT_PATH or the context's TLS settings."),
    commands: [],
  };
}

interface DaemonRule {
  cause: DaemonCause;
  test: RegExp;
  /** Builds the sentences from the match. */
  say(m: RegExpExecArray): { message: Localized; help: Localized; commands?: string[] };
}

const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

// Order matters: the first matching rule wins.
const DAEMON_RULES: DaemonRule[] = [
  {
    cause: 'name-in-use',
    test: /container name "\/?([^"]+)" is already in use by container "([0-9a-f]+)"/i,
    say: (m) => ({
      message: L(
        `컨테이너 이름 "${m[1]}"은(는) 이미 사용 중입니다. 기존 컨테이너를 지우거나(docker rm -f ${m[1]}) 다른 이름을 쓰세요.`,
        `The container name "${m[1]}" is already in use: remove the old container (docker rm -f ${m[1]}) or choose another name.`,
      ),
      help: L(`docker rm -f ${m[1]} 로 기존 컨테이너를 지우거나 --name에 다른 이름을 쓰세요.`, `Remove the old container with docker rm -f ${m[1]}, or give --name another name.`),
      commands: [`docker rm -f ${m[1]}`],
    }),
  },
  {
    cause: 'container-running',
    test: /(?:You cannot remove a running container ([0-9a-f]+)|cannot remove container "\/?([^"]+)": container is running)/i,
    say: (m) => {
      const c = m[2] ?? shortId(m[1]);
      return {
        message: L(`실행 중인 컨테이너 ${c}은(는) 지울 수 없습니다. 먼저 멈추거나(docker stop ${c}) 강제로 지우세요(docker rm -f ${c}).`, `Container ${c} is running and cannot be removed: stop it first (docker stop ${c}) or force it (docker rm -f ${c}).`),
        help: L(`docker stop ${c} 후 다시 지우거나 docker rm -f ${c}를 쓰세요.`, `Run docker stop ${c} and remove it again, or use docker rm -f ${c}.`),
        commands: [`docker stop ${c}`],
      };
    },
  },
  {
    cause: 'container-not-running',
    test: /Container ([0-9a-f]+|\S+) is not running/i,
    say: (m) => ({
      message: L(`컨테이너 ${shortId(m[1])}이(가) 실행 중이 아닙니다. 먼저 시작하세요 (docker start).`, `Container ${shortId(m[1])} is not running: start it first (docker start).`),
      help: L('docker start로 컨테이너를 먼저 시작하세요.', 'Start the container first with docker start.'),
    }),
  },
  {
    cause: 'image-in-use',
    test: /unable to (?:remove repository reference "([^"]+)"|delete ([0-9a-f]+)) \((?:must force|cannot be forced)\) - (?:image is being used by (?:running|stopped) container|container) ([0-9a-f]+)/i,
    say: (m) => {
      const image = m[1] ?? m[2];
      const c = shortId(m[3]);
      return {
        message: L(
          `이미지 ${image}은(는) 컨테이너 ${c}이(가) 사용 중이라 지울 수 없습니다. 먼저 그 컨테이너를 지우세요 (docker rm -f ${c}).`,
          `Image ${image} is being used by container ${c}: remove that container first (docker rm -f ${c}).`,
        ),
        help: L(`docker rm -f ${c} 로 컨테이너를 먼저 지운 뒤 이미지를 지우세요.`, `Remove the container with docker rm -f ${c}, then remove the image.`),
        commands: [`docker rm -f ${c}`],
      };
    },
  },
  {
    cause: 'image-has-tags',
    test: /unable to delete ([0-9a-f]+) \(must be forced\) - image is referenced in multiple repositories/i,
    say: (m) => ({
      message: L(
        `이미지 ${m[1]}에 태그가 여러 개 있습니다. 태그 이름으로 하나씩 지우거나(docker rmi 이름:태그) -f로 강제로 지우세요.`,
        `Image ${m[1]} has several tags: remove them one by one by name (docker rmi name:tag) or force it with -f.`,
      ),
      help: L('docker rmi 이름:태그 로 태그를 하나씩 지우세요.', 'Remove the tags one by one with docker rmi name:tag.'),
    }),
  },
  {
    cause: 'network-in-use',
    test: /network (\S+?)(?: id [0-9a-f]+)? has active endpoints/i,
    say: (m) => ({
      message: L(
        `네트워크 ${m[1]}에 아직 연결된 컨테이너가 있습니다. 먼저 그 컨테이너들을 지우거나 연결을 끊으세요 (docker network disconnect ${m[1]} 컨테이너).`,
        `Network ${m[1]} still has containers attached: remove them or disconnect them first (docker network disconnect ${m[1]} CONTAINER).`,
      ),
      help: L(`docker network inspect ${m[1]} 로 연결된 컨테이너를 확인하세요.`, `See which containers are attached with docker network inspect ${m[1]}.`),
      commands: [`docker network inspect ${m[1]}`],
    }),
  },
  {
    cause: 'volume-in-use',
    test: /remove (\S+): volume is in use - \[([^\]]*)\]/i,
    say: (m) => {
      const c = m[2].split(/[ ,]+/).filter(Boolean).map(shortId).join(', ');
      return {
        message: L(`볼륨 ${m[1]}을(를) 컨테이너(${c})가 사용 중입니다. 먼저 그 컨테이너를 지우세요.`, `Volume ${m[1]} is in use by container ${c}: remove that container first.`),
        help: L('볼륨을 쓰는 컨테이너를 먼저 지우세요 (docker rm -f).', 'Remove the containers using the volume first (docker rm -f).'),
      };
    },
  },
  {
    cause: 'port-allocated',
    test: /(?:Bind for [^\s]*:(\d+) failed: port is already allocated|listen tcp[46]? [^\s]*:(\d+): bind: address already in use)/i,
    say: (m) => {
      const port = m[1] ?? m[2];
      return {
        message: L(
          `호스트 포트 ${port}은(는) 이미 사용 중입니다. -p에 다른 호스트 포트를 쓰거나(예: -p ${Number(port) + 1}:…) 그 포트를 쓰는 컨테이너를 멈추세요.`,
          `Host port ${port} is already allocated: use another host port with -p (e.g. -p ${Number(port) + 1}:…) or stop the container using it.`,
        ),
        help: L(`docker ps 로 포트 ${port}을(를) 쓰는 컨테이너를 확인하세요.`, `Find the container using port ${port} with docker ps.`),
        commands: ['docker ps'],
      };
    },
  },
  {
    cause: 'network-exists',
    test: /network with name (\S+) already exists/i,
    say: (m) => ({
      message: L(`네트워크 ${m[1]}이(가) 이미 있습니다. 다른 이름을 쓰거나 기존 네트워크를 그대로 쓰세요 (docker network ls).`, `A network named ${m[1]} already exists: use another name, or use the existing one (docker network ls).`),
      help: L('docker network ls로 기존 네트워크를 확인하세요.', 'List the existing networks with docker network ls.'),
      commands: ['docker network ls'],
    }),
  },
  {
    cause: 'pull-access-denied',
    // Docker Hub (token auth) says "pull access denied for X"; a registry with
    // basic auth makes the daemon say "…/v2/<repo>/manifests/<tag>": no basic auth credentials.
    test: /pull access denied for ([^,\s]+)|https?:\/\/([^/\s"]+)\/v2\/(\S+?)\/manifests\/\S*: no basic auth credentials/i,
    say: (m) => {
      const image = m[1] ?? `${m[2]}/${m[3]}`;
      return {
        message: L(
          `이미지 ${image}을(를) 받을 수 없습니다. 이름이 틀렸거나 없는 저장소, 또는 로그인이 필요한 저장소입니다. 이름을 확인하거나 docker login 하세요.`,
          `Cannot pull ${image}: the repository does not exist or needs a login. Check the name, or run docker login.`,
        ),
        help: L('이미지 이름의 철자를 확인하고, 비공개 저장소면 docker login 하세요.', 'Check the spelling of the image name; for a private repository run docker login.'),
        commands: m[2] ? [`docker login ${m[2]}`] : [],
      };
    },
  },
  {
    cause: 'manifest-unknown',
    test: /manifest for (\S+) not found|manifest unknown/i,
    say: (m) => ({
      message: L(
        `${m[1] ? `이미지 ${m[1]}의 ` : ''}태그를 레지스트리에서 찾을 수 없습니다. 태그 이름을 확인하세요.`,
        `${m[1] ? `The tag of ${m[1]}` : 'That tag'} does not exist in the registry: check the tag name.`,
      ),
      help: L('레지스트리에 있는 태그 이름을 확인하세요.', 'Check which tags the registry has.'),
    }),
  },
  {
    cause: 'registry-unreachable',
    test: /Get "?(https?:\/\/[^/"]+)[^"]*"?: (?:dial tcp|net\/http|context deadline)/i,
    say: (m) => ({
      message: L(
        `레지스트리 ${m[1]}에 연결할 수 없습니다. 인터넷 연결(또는 레지스트리 미러 설정)을 확인하세요.`,
        `Cannot reach the registry ${m[1]}: check the network connection (or the daemon's registry mirror).`,
      ),
      help: L('네트워크 연결과 Docker 데몬의 레지스트리 설정을 확인하세요.', "Check the network connection and the daemon's registry settings."),
    }),
  },
  {
    cause: 'address-pools-exhausted',
    // libnetwork's ipamapi.ErrNoMoreSubnets (Engine 20.10 to 28; the IPv6 wording too).
    test: /could not find an available, non-overlapping IPv[46] address pool among the defaults to assign to the network/i,
    say: () => ({
      message: L(
        '데몬의 기본 주소 풀(default-address-pools)이 다 찼습니다: 기본값으로는 사용자 정의 네트워크를 약 30개까지만 만들 수 있습니다. 안 쓰는 네트워크를 지우거나(docker network prune), 강사가 daemon.json의 default-address-pools를 넓히고 Docker를 다시 시작하세요.',
        "The daemon's default address pools are used up: by default only about 30 user-defined networks fit. Remove networks you no longer need (docker network prune), or have the instructor widen default-address-pools in daemon.json and restart Docker.",
      ),
      help: L(
        'docker network prune 로 안 쓰는 네트워크를 지우세요. 강사: /etc/docker/daemon.json에 "default-address-pools": [{"base": "10.10.0.0/16", "size": 24}] 를 넣고 sudo systemctl restart docker.',
        'Remove unused networks with docker network prune. Instructor: put "default-address-pools": [{"base": "10.10.0.0/16", "size": 24}] in /etc/docker/daemon.json and run sudo systemctl restart docker.',
      ),
      commands: ['docker network prune'],
    }),
  },
  {
    cause: 'no-space-left',
    // The daemon's (or a build step's) ENOSPC: the disk holding /var/lib/docker is full.
    test: /no space left on device/i,
    say: () => ({
      message: L(
        '디스크 공간이 부족합니다(no space left on device). docker system df 로 무엇이 자리를 차지하는지 보고, 안 쓰는 이미지·컨테이너·빌드 캐시를 지우세요 (docker system prune).',
        'The disk is full (no space left on device): see what takes the space with docker system df, then remove unused images, containers and build cache (docker system prune).',
      ),
      help: L('docker system df 로 확인한 뒤 docker system prune 으로 안 쓰는 자원을 지우세요 (공용 서버라면 강사에게 알리세요).', 'Check with docker system df, then remove what is unused with docker system prune (on a shared server, tell the instructor).'),
      commands: ['docker system df'],
    }),
  },
  {
    cause: 'name-not-resolved',
    // busybox ping/wget inside a container: `ping: bad address 'web'`; glibc tools: `Name or service not known`.
    test: /bad address '([^']+)'|(?:ping|wget|curl): (?:\S+: )?(?:Name or service not known|Name does not resolve|Could not resolve host:? ?(\S*))/i,
    say: (m) => {
      const host = m[1] ?? m[2] ?? '';
      return {
        message: L(
          `컨테이너 안에서 이름${host ? ` ${host}` : ''}을(를) 찾을 수 없습니다. 컨테이너 이름으로 닿는 것은 같은 사용자 정의 네트워크에 있는 컨테이너뿐입니다: 두 컨테이너를 같은 네트워크에 두세요 (docker network connect).`,
          `The name${host ? ` ${host}` : ''} does not resolve inside the container: only containers on the same user-defined network reach each other by name. Put both on one network (docker network connect).`,
        ),
        help: L('docker network connect 네트워크 컨테이너 로 같은 네트워크에 연결하세요.', 'Connect them to the same network with docker network connect NETWORK CONTAINER.'),
      };
    },
  },
  {
    cause: 'no-such-container',
    test: /No such container: ?(\S*)/i,
    say: (m) => ({
      message: L(`컨테이너 ${m[1]}이(가) 없습니다. docker ps -a 로 이름을 확인하세요.`, `There is no container ${m[1]}: check the name with docker ps -a.`),
      help: L('docker ps -a 로 컨테이너 이름을 확인하세요.', 'Check the container names with docker ps -a.'),
      commands: ['docker ps -a'],
    }),
  },
  {
    cause: 'no-such-image',
    test: /No such image: ?(\S*)/i,
    say: (m) => ({
      message: L(`이미지 ${m[1]}이(가) 로컬에 없습니다. 먼저 받으세요 (docker pull ${m[1]}).`, `There is no image ${m[1]} here: pull it first (docker pull ${m[1]}).`),
      help: L(`docker pull ${m[1]} 로 이미지를 받으세요.`, `Pull the image with docker pull ${m[1]}.`),
      commands: m[1] ? [`docker pull ${m[1]}`] : [],
    }),
  },
  {
    cause: 'no-such-network',
    test: /network (\S+) not found|No such network: ?(\S*)/i,
    say: (m) => {
      const n = m[1] ?? m[2];
      return {
        message: L(`네트워크 ${n}이(가) 없습니다. 먼저 만드세요 (docker network create ${n}).`, `There is no network ${n}: create it first (docker network create ${n}).`),
        help: L('docker network ls 로 네트워크 이름을 확인하세요.', 'Check the network names with docker network ls.'),
        commands: [`docker network create ${n}`],
      };
    },
  },
  {
    cause: 'no-such-volume',
    test: /(?:get|remove) (\S+): no such volume|No such volume: ?(\S*)/i,
    say: (m) => {
      const v = m[1] ?? m[2];
      return {
        message: L(`볼륨 ${v}이(가) 없습니다. docker volume ls 로 이름을 확인하세요.`, `There is no volume ${v}: check the name with docker volume ls.`),
        help: L('docker volume ls 로 볼륨 이름을 확인하세요.', 'Check the volume names with docker volume ls.'),
        commands: ['docker volume ls'],
      };
    },
  },
];

/**
 * Describes any error from dockerode, docker-modem, the socket or createClient.
 * `endpoint` names the daemon in connection messages.
 */
export function describeDockerError(err: unknown, options: { endpoint?: Endpoint | string; platform?: NodeJS.Platform } = {}): DockerProblem {
  const e = (err ?? {}) as RawError;
  const platform = options.platform ?? process.platform;
  const connection = connectionCause(e, overSsh(options.endpoint, e));
  if (connection) return connectionProblem(connection, hostOf(options.endpoint, e), e, platform);
  const detail = daemonMessage(err);
  for (const rule of DAEMON_RULES) {
    const m = rule.test.exec(detail);
    if (m) {
      const said = rule.say(m);
      return { connection: false, cause: rule.cause, statusCode: e.statusCode, detail, commands: [], ...said };
    }
  }
  return {
    connection: false,
    cause: 'other',
    statusCode: e.statusCode,
    detail,
    message: L(`Docker 오류: ${detail}`, `Docker error: ${detail}`),
    help: L('docker CLI로 같은 작업을 해 보고 메시지를 확인하세요.', 'Try the same with the docker CLI and read its message.'),
    commands: [],
  };
}

// What the docker CLI prints when it cannot reach the daemon (it reports no error code).
const CLI_CONNECTION: { cause: ConnectionCause; test: RegExp }[] = [
  { cause: 'permission-denied', test: /permission denied while trying to connect to the Docker daemon socket at (\S+?):? /i },
  { cause: 'not-running', test: /Cannot connect to the Docker daemon at (\S+?)\.? Is the docker daemon running\?/i },
  { cause: 'not-running', test: /error during connect: .*(npipe:\/\/\S+|dockerDesktop\S*)/i },
];

/**
 * What a failed `docker …` command printed in a terminal, when it is an error we can explain:
 * the CLI's connection failures, then the daemon's refusals (`Error response from daemon: …`);
 * undefined for anything else (so no help is offered for output we do not understand).
 */
export function describeDockerOutput(output: string, options: { platform?: NodeJS.Platform } = {}): DockerProblem | undefined {
  const platform = options.platform ?? process.platform;
  for (const { cause, test } of CLI_CONNECTION) {
    const m = test.exec(output);
    if (m) return connectionProblem(cause, m[1] ?? '', { message: m[0] }, platform);
  }
  for (const rule of DAEMON_RULES) {
    const m = rule.test.exec(output);
    if (m) return { connection: false, cause: rule.cause, detail: m[0], commands: [], ...rule.say(m) };
  }
  return undefined;
}

/** True when the error means the daemon was not reached (as opposed to a refusal). */
export function isConnectionError(err: unknown): boolean {
  return connectionCause((err ?? {}) as RawError) !== undefined;
}
