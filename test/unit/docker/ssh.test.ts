// How the ssh transport finds who logs in where with which key (as the
// learner's ssh would: `ssh -G`, the agent, identity files, DOCKER_LABS_SSH_IDENTITY),
// and how it reads the end of `docker system dial-stdio` on the server.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkHostKey, dialFailure, knownHostKeys, parseSshConfig, sshConnectConfig, sshTarget } from '../../../src/docker/ssh';

describe('ssh transport: configuration', function () {
  let home: string;
  beforeEach(function () {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-ssh-home-'));
    fs.mkdirSync(path.join(home, '.ssh'));
  });
  afterEach(function () {
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('parses ssh -G output', function () {
    const config = parseSshConfig(
      ['user learner', 'hostname 10.1.2.3', 'port 2200', 'identityfile ~/.ssh/id_rsa', 'identityfile ~/.ssh/class_key', 'identityagent /run/agent.sock', 'identitiesonly yes', 'stricthostkeychecking ask', ''].join('\n'),
    );
    assert.deepEqual(config, { user: 'learner', hostname: '10.1.2.3', port: 2200, identityFiles: ['~/.ssh/id_rsa', '~/.ssh/class_key'], identityAgent: '/run/agent.sock', identitiesOnly: true, strictHostKeyChecking: 'ask' });
  });

  it('the URL wins over the config for user and port; HostName and the existing identity files come from the config', function () {
    fs.writeFileSync(path.join(home, '.ssh', 'class_key'), 'KEY');
    const target = sshTarget(
      { host: 'classroom', port: 2222, username: 'me' },
      { HOME: home, SSH_AUTH_SOCK: '/tmp/agent.sock' },
      { hostname: '10.1.2.3', user: 'teacher', port: 22, identityFiles: ['~/.ssh/id_rsa', '~/.ssh/class_key'] },
    );
    assert.deepEqual(target, {
      host: '10.1.2.3',
      port: 2222,
      username: 'me',
      agent: '/tmp/agent.sock',
      keyFiles: [path.join(home, '.ssh', 'class_key')],
      // Nothing set: ~/.ssh/known_hosts, and ssh would ask about an unknown key.
      knownHosts: { name: '[10.1.2.3]:2222', files: [path.join(home, '.ssh', 'known_hosts')], strict: 'ask' },
    });
    const fromConfig = sshTarget({ host: 'classroom' }, { HOME: home, USER: 'someone' }, { hostname: '10.1.2.3', user: 'teacher', port: 2200, identityFiles: [] });
    assert.deepEqual([fromConfig.username, fromConfig.port], ['teacher', 2200]);
  });

  it('without ssh installed: the default key files, $USER, port 22', function () {
    fs.writeFileSync(path.join(home, '.ssh', 'id_ed25519'), 'KEY');
    const target = sshTarget({ host: 'docker-host' }, { HOME: home, USER: 'me' }, undefined);
    // No ssh, no ssh-keygen: the host key cannot be checked (knownHosts absent).
    assert.deepEqual(target, { host: 'docker-host', port: 22, username: 'me', agent: undefined, keyFiles: [path.join(home, '.ssh', 'id_ed25519')] });
  });

  it('DOCKER_LABS_SSH_IDENTITY: that key alone, no agent; IdentityAgent none: no agent', function () {
    const key = path.join(home, 'only_key');
    fs.writeFileSync(key, 'KEY');
    fs.writeFileSync(path.join(home, '.ssh', 'id_rsa'), 'KEY');
    const target = sshTarget({ host: 'h' }, { HOME: home, SSH_AUTH_SOCK: '/tmp/agent.sock', DOCKER_LABS_SSH_IDENTITY: key }, { identityFiles: ['~/.ssh/id_rsa'] });
    assert.deepEqual([target.agent, target.keyFiles], [undefined, [key]]);
    const noAgent = sshTarget({ host: 'h' }, { HOME: home, SSH_AUTH_SOCK: '/tmp/agent.sock' }, { identityFiles: [], identityAgent: 'none' });
    assert.equal(noAgent.agent, undefined);
  });

  it('ssh2 options: the agent first, then each key file, all as the same user', function () {
    const key = path.join(home, 'k');
    fs.writeFileSync(key, 'PRIVATE');
    const config = sshConnectConfig({ host: 'h', port: 22, username: 'me', agent: '/tmp/agent.sock', keyFiles: [key] });
    assert.deepEqual(
      (config.authHandler as { type: string; username: string }[]).map((a) => [a.type, a.username]),
      [
        ['agent', 'me'],
        ['publickey', 'me'],
      ],
    );
    assert.deepEqual([config.host, config.port, config.username], ['h', 22, 'me']);
  });
});

describe('ssh transport: how docker system dial-stdio ended', function () {
  it('exit 127 or "command not found": no docker on the server', function () {
    assert.equal(dialFailure(127, 'bash: line 1: docker: command not found\n').code, 'EDOCKERLABS_SSH_NO_DOCKER');
    assert.equal(dialFailure(1, 'sh: 1: docker: not found').code, 'EDOCKERLABS_SSH_NO_DOCKER');
    assert.equal(dialFailure(127, '').code, 'EDOCKERLABS_SSH_NO_DOCKER');
  });

  it('any other failure keeps the server\'s words', function () {
    const e = dialFailure(1, 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n');
    assert.equal(e.code, 'EDOCKERLABS_SSH_DIAL');
    assert.equal(e.message, 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?');
    assert.equal(dialFailure(255, '').message, 'docker system dial-stdio exited with 255');
  });
});

describe('ssh transport: the host key', function () {
  const key = Buffer.from('the host key blob');
  const other = Buffer.from('another key');
  const kh = (strict: string) => ({ name: '[127.0.0.1]:2222', files: [], strict });

  it('a recorded key must match; a revoked one never passes', function () {
    assert.equal(checkHostKey(kh('ask'), { keys: [key.toString('base64')], revoked: [] }, key), undefined);
    assert.equal(checkHostKey(kh('no'), { keys: [other.toString('base64')], revoked: [] }, key)?.code, 'EDOCKERLABS_SSH_HOST_KEY_CHANGED');
    assert.equal(checkHostKey(kh('no'), { keys: [], revoked: [key.toString('base64')] }, key)?.code, 'EDOCKERLABS_SSH_HOST_KEY_CHANGED');
  });

  it('an unrecorded key passes only where ssh would not ask (StrictHostKeyChecking no/off/accept-new)', function () {
    for (const strict of ['ask', 'yes']) assert.equal(checkHostKey(kh(strict), { keys: [], revoked: [] }, key)?.code, 'EDOCKERLABS_SSH_HOST_KEY_UNKNOWN', strict);
    for (const strict of ['no', 'off', 'accept-new']) assert.equal(checkHostKey(kh(strict), { keys: [], revoked: [] }, key), undefined, strict);
  });

  it('known_hosts lookup by ssh-keygen -F, hashed entries included; the name carries a non-22 port', function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-kh-'));
    try {
      const file = path.join(dir, 'known_hosts');
      const blob = key.toString('base64');
      fs.writeFileSync(file, `[127.0.0.1]:2222 ssh-ed25519 ${blob}\nclass-server ssh-ed25519 ${other.toString('base64')}\n`);
      const hashed = spawnSync('ssh-keygen', ['-H', '-f', file], { encoding: 'utf8' });
      assert.equal(hashed.status, 0, hashed.stderr);
      assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /127\.0\.0\.1/);
      const target = sshTarget({ host: '127.0.0.1', port: 2222 }, { HOME: dir }, { identityFiles: [], userKnownHostsFiles: [file], strictHostKeyChecking: 'yes' });
      assert.deepEqual(target.knownHosts, { name: '[127.0.0.1]:2222', files: [file], strict: 'yes' });
      assert.deepEqual(knownHostKeys(target.knownHosts!), { keys: [blob], revoked: [] });
      const plain = sshTarget({ host: 'class-server' }, { HOME: dir }, { identityFiles: [], userKnownHostsFiles: [file] });
      assert.deepEqual(knownHostKeys(plain.knownHosts!).keys, [other.toString('base64')]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
