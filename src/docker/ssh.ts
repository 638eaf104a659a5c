// Docker over ssh:// as the docker CLI does it: log in to the host and run
// `docker system dial-stdio` there; the Engine API is plain HTTP over that
// channel. Who and with which key comes from the learner's own ssh setup, as
// the CLI's `ssh` would find it: `ssh -G` prints the effective configuration
// (~/.ssh/config Host/Match blocks: HostName, User, Port, IdentityFile,
// IdentityAgent), keys from the ssh-agent, then the identity files. The
// environment variable DOCKER_LABS_SSH_IDENTITY names one key file to use
// instead (as `ssh -i KEY -o IdentitiesOnly=yes`).
//
// Unlike docker-modem's own ssh transport, the remote command's exit status and
// stderr are kept, so "docker: command not found" on the server becomes an
// error that says so instead of a bare "socket hang up"; and the host's key is
// checked against known_hosts (UserKnownHostsFile, StrictHostKeyChecking) as
// ssh does, where docker-modem's accepts any.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { Duplex } from 'node:stream';
import type { AgentAuthMethod, Client as SshClient, ClientChannel, ConnectConfig, PublicKeyAuthMethod } from 'ssh2';
import type { Endpoint } from './endpoint';

/** The parts of `ssh -G` output the transport uses. */
export interface SshConfig {
  hostname?: string;
  user?: string;
  port?: number;
  identityFiles: string[];
  /** IdentityAgent: a socket path, "SSH_AUTH_SOCK" or "none". */
  identityAgent?: string;
  identitiesOnly?: boolean;
  userKnownHostsFiles?: string[];
  globalKnownHostsFiles?: string[];
  /** yes, ask, accept-new, no/off. */
  strictHostKeyChecking?: string;
  hostKeyAlias?: string;
}

/** Where the host's key must be found (known_hosts), as ssh checks it. */
export interface KnownHosts {
  /** The name the host is recorded under: host, or [host]:port off port 22. */
  name: string;
  files: string[];
  strict: string;
}

/** Where to log in and how, ready for ssh2. */
export interface SshTarget {
  host: string;
  port: number;
  username: string;
  /** ssh-agent socket, when one is to be asked. */
  agent?: string;
  /** Private key files that exist and are readable, in the order ssh tries them. */
  keyFiles: string[];
  /** The host key check; undefined where ssh is not installed (nothing to check against). */
  knownHosts?: KnownHosts;
}

/** Parses `ssh -G` output ("key value" lines, keys in lower case). */
export function parseSshConfig(text: string): SshConfig {
  const config: SshConfig = { identityFiles: [] };
  for (const line of text.split('\n')) {
    const m = /^(\S+)\s+(.*)$/.exec(line.trim());
    if (!m) continue;
    const [, key, value] = m;
    switch (key.toLowerCase()) {
      case 'hostname':
        config.hostname = value;
        break;
      case 'user':
        config.user = value;
        break;
      case 'port':
        config.port = Number(value) || undefined;
        break;
      case 'identityfile':
        config.identityFiles.push(value);
        break;
      case 'identityagent':
        config.identityAgent = value;
        break;
      case 'identitiesonly':
        config.identitiesOnly = value === 'yes';
        break;
      case 'userknownhostsfile':
        config.userKnownHostsFiles = value.split(/\s+/).filter(Boolean);
        break;
      case 'globalknownhostsfile':
        config.globalKnownHostsFiles = value.split(/\s+/).filter(Boolean);
        break;
      case 'stricthostkeychecking':
        config.strictHostKeyChecking = value;
        break;
      case 'hostkeyalias':
        config.hostKeyAlias = value;
        break;
    }
  }
  return config;
}

/** `ssh -G` for the endpoint, or undefined where ssh is not installed or fails. */
export function sshEffectiveConfig(ssh: NonNullable<Endpoint['ssh']>, env: NodeJS.ProcessEnv): SshConfig | undefined {
  const args = ['-G', ...(ssh.port ? ['-p', String(ssh.port)] : []), ...(ssh.username ? ['-l', ssh.username] : []), '--', ssh.host];
  const r = spawnSync('ssh', args, { env: { ...env, PATH: env.PATH ?? process.env.PATH }, encoding: 'utf8', timeout: 5000 });
  if (r.status !== 0 || !r.stdout) return undefined;
  return parseSshConfig(r.stdout);
}

function expandHome(p: string, home: string): string {
  if (p === '~') return home;
  if (p.startsWith('~/')) return path.join(home, p.slice(2));
  return p;
}

const DEFAULT_IDENTITIES = ['~/.ssh/id_rsa', '~/.ssh/id_ecdsa', '~/.ssh/id_ecdsa_sk', '~/.ssh/id_ed25519', '~/.ssh/id_ed25519_sk'];

function localUser(): string | undefined {
  try {
    return os.userInfo().username;
  } catch {
    return undefined;
  }
}

/**
 * Who logs in where, with what. `config` is the ssh configuration in effect
 * (sshEffectiveConfig), undefined where ssh itself is not there.
 */
export function sshTarget(ssh: NonNullable<Endpoint['ssh']>, env: NodeJS.ProcessEnv, config: SshConfig | undefined): SshTarget {
  const home = env.HOME || os.homedir();
  // ssh prints the local login name when nothing sets User: then $USER decides, as before.
  const configuredUser = config?.user && config.user !== localUser() ? config.user : undefined;
  const username = ssh.username ?? configuredUser ?? env.USER ?? env.USERNAME ?? config?.user ?? '';
  const explicit = env.DOCKER_LABS_SSH_IDENTITY;
  let agent: string | undefined = env.SSH_AUTH_SOCK || undefined;
  if (config?.identityAgent && config.identityAgent !== 'SSH_AUTH_SOCK') {
    agent = config.identityAgent === 'none' ? undefined : expandHome(config.identityAgent, home);
  }
  if (explicit || config?.identitiesOnly) agent = explicit ? undefined : agent;
  const candidates = explicit ? [explicit] : config?.identityFiles.length ? config.identityFiles : DEFAULT_IDENTITIES;
  const keyFiles = candidates.map((f) => expandHome(f, home)).filter((f) => {
    try {
      return fs.statSync(f).isFile();
    } catch {
      return false;
    }
  });
  const host = config?.hostname ?? ssh.host;
  const port = ssh.port ?? config?.port ?? 22;
  let knownHosts: KnownHosts | undefined;
  if (config) {
    const recorded = config.hostKeyAlias ?? host;
    knownHosts = {
      name: port === 22 ? recorded : `[${recorded}]:${port}`,
      files: [...(config.userKnownHostsFiles ?? ['~/.ssh/known_hosts']), ...(config.globalKnownHostsFiles ?? [])].filter((f) => f !== 'none').map((f) => expandHome(f, home)),
      strict: config.strictHostKeyChecking ?? 'ask',
    };
  }
  return { host, port, username, agent, keyFiles, ...(knownHosts ? { knownHosts } : {}) };
}

/** The host's keys recorded in known_hosts files, through ssh-keygen -F (which knows hashed entries). */
export function knownHostKeys(knownHosts: KnownHosts): { keys: string[]; revoked: string[] } {
  const keys: string[] = [];
  const revoked: string[] = [];
  for (const file of knownHosts.files) {
    if (!fs.existsSync(file)) continue;
    const r = spawnSync('ssh-keygen', ['-F', knownHosts.name, '-f', file], { encoding: 'utf8', timeout: 5000 });
    if (r.status !== 0 || !r.stdout) continue;
    for (const line of r.stdout.split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const fields = line.trim().split(/\s+/);
      if (fields[0] === '@revoked') revoked.push(fields[3]);
      else if (!fields[0].startsWith('@') && fields[2]) keys.push(fields[2]);
    }
  }
  return { keys, revoked };
}

/** Thrown when the host's key is not the one recorded, or not recorded and ssh would ask (errors.ts words it). */
export class SshHostKeyError extends Error {
  constructor(
    readonly code: 'EDOCKERLABS_SSH_HOST_KEY_UNKNOWN' | 'EDOCKERLABS_SSH_HOST_KEY_CHANGED',
    readonly knownHostsName: string,
  ) {
    super(code === 'EDOCKERLABS_SSH_HOST_KEY_CHANGED' ? `the host key of ${knownHostsName} differs from the one in known_hosts` : `${knownHostsName} is not in known_hosts`);
    this.name = 'SshHostKeyError';
  }
}

/** As ssh decides: a recorded key must match; an unrecorded one passes only with StrictHostKeyChecking no/off/accept-new. */
export function checkHostKey(knownHosts: KnownHosts, recorded: { keys: string[]; revoked: string[] }, key: Buffer): SshHostKeyError | undefined {
  const blob = key.toString('base64');
  if (recorded.revoked.includes(blob)) return new SshHostKeyError('EDOCKERLABS_SSH_HOST_KEY_CHANGED', knownHosts.name);
  if (recorded.keys.length) return recorded.keys.includes(blob) ? undefined : new SshHostKeyError('EDOCKERLABS_SSH_HOST_KEY_CHANGED', knownHosts.name);
  return ['no', 'off', 'accept-new'].includes(knownHosts.strict) ? undefined : new SshHostKeyError('EDOCKERLABS_SSH_HOST_KEY_UNKNOWN', knownHosts.name);
}

/** ssh2 options plus the host key check dialStdio runs. */
export type SshConnectConfig = ConnectConfig & { knownHosts?: KnownHosts };

/** ssh2 connect options: the agent first, then each key file, as ssh tries them. */
export function sshConnectConfig(target: SshTarget): SshConnectConfig {
  const auth: (AgentAuthMethod | PublicKeyAuthMethod)[] = [];
  if (target.agent) auth.push({ type: 'agent', username: target.username, agent: target.agent });
  for (const file of target.keyFiles) {
    let key: Buffer;
    try {
      key = fs.readFileSync(file);
    } catch {
      continue;
    }
    // A key ssh2 cannot use (passphrase-protected, unknown type) is skipped by ssh2 itself.
    auth.push({ type: 'publickey', username: target.username, key });
  }
  return {
    host: target.host,
    port: target.port,
    username: target.username,
    authHandler: auth,
    readyTimeout: 15000,
    keepaliveInterval: 15000,
    ...(target.knownHosts ? { knownHosts: target.knownHosts } : {}),
  };
}

/** An error from `docker system dial-stdio` on the server (errors.ts words it). */
export class SshDialError extends Error {
  constructor(
    readonly code: 'EDOCKERLABS_SSH_NO_DOCKER' | 'EDOCKERLABS_SSH_DIAL',
    readonly exitCode: number | undefined,
    readonly stderr: string,
  ) {
    super(stderr.trim() || `docker system dial-stdio exited with ${exitCode}`);
    this.name = 'SshDialError';
  }
}

/** Classifies how `docker system dial-stdio` ended before it said anything. */
export function dialFailure(exitCode: number | undefined, stderr: string): SshDialError {
  // 127: the shell found no such command; some shells print "not found" with another status.
  const missing = exitCode === 127 || /docker: (?:command )?not found|docker: No such file or directory|exec: "?docker"?: executable file not found/i.test(stderr);
  return new SshDialError(missing ? 'EDOCKERLABS_SSH_NO_DOCKER' : 'EDOCKERLABS_SSH_DIAL', exitCode, stderr);
}

/** The channel as the socket an http.Agent hands to a request. */
class DialStdioSocket extends Duplex {
  private received = false;
  private stderr = '';
  private exitCode: number | undefined;

  constructor(
    private readonly conn: SshClient,
    private readonly channel: ClientChannel,
  ) {
    super();
    channel.on('data', (chunk: Buffer) => {
      this.received = true;
      if (!this.push(chunk)) channel.pause();
    });
    channel.stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 4096) this.stderr += chunk.toString('utf8');
    });
    channel.on('exit', (code: number | null) => {
      this.exitCode = code ?? undefined;
    });
    // The end of stdout is passed on only at close, once the exit status is known.
    channel.on('close', () => {
      if (!this.received && this.exitCode !== 0) this.destroy(dialFailure(this.exitCode, this.stderr));
      else this.push(null);
      conn.end();
    });
    conn.on('error', (e: Error) => this.destroy(e));
  }

  override _read(): void {
    this.channel.resume();
  }

  override _write(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.channel.write(chunk, encoding, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.channel.end();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.channel.destroy();
    this.conn.end();
    callback(error);
  }

  // What http's client calls on a net.Socket; the ssh connection has its own keepalive.
  setTimeout(): this {
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
}

/** Logs in and starts `docker system dial-stdio`; resolves the channel as a socket. */
export function dialStdio(config: SshConnectConfig): Promise<Duplex> {
  const { Client } = require('ssh2') as typeof import('ssh2');
  return new Promise((resolve, reject) => {
    const conn = new Client();
    let settled = false;
    let hostKeyProblem: SshHostKeyError | undefined;
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      conn.end();
      // ssh2 reports a refused host key as "Host denied (verification failed)": say why.
      reject(hostKeyProblem ?? e);
    };
    const { knownHosts, ...connect } = config;
    if (knownHosts) {
      connect.hostVerifier = (key: Buffer, verify: (ok: boolean) => void) => {
        hostKeyProblem = checkHostKey(knownHosts, knownHostKeys(knownHosts), key);
        verify(!hostKeyProblem);
      };
    }
    conn.once('error', fail);
    conn.once('close', () => fail(Object.assign(new Error('the ssh connection closed before docker system dial-stdio started'), { code: 'ECONNRESET' })));
    conn.once('ready', () => {
      conn.exec('docker system dial-stdio', (err, channel) => {
        if (err) return fail(err);
        settled = true;
        conn.removeListener('error', fail);
        resolve(new DialStdioSocket(conn, channel));
      });
    });
    try {
      conn.connect(connect);
    } catch (e) {
      fail(e as Error);
    }
  });
}

/** An http.Agent whose every connection is a fresh `docker system dial-stdio` over ssh. */
export function sshHttpAgent(config: SshConnectConfig): http.Agent {
  const agent = new http.Agent({ keepAlive: false });
  (agent as unknown as { createConnection: unknown }).createConnection = (_options: unknown, callback: (err: Error | null, socket?: Duplex) => void) => {
    dialStdio(config).then(
      (socket) => callback(null, socket),
      (e: Error) => callback(e),
    );
    return undefined;
  };
  return agent;
}
