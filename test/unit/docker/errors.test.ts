// describeDockerError on error objects exactly as dockerode/docker-modem and
// Node's socket layer produced them against Docker Engine 20.10 (captured by
// test/docker/docker-errors.test.ts with DOCKER_LABS_PRINT_ERRORS=1), plus the
// wordings of newer engines and of Docker Hub where they differ.
import * as assert from 'node:assert/strict';
import { daemonMessage, describeDockerError, isConnectionError, type DockerProblem } from '../../../src/docker/errors';

/** An Error shaped like docker-modem's: message "(HTTP code N) reason - body ", statusCode, reason, json. */
function httpError(statusCode: number, reason: string, body: string, json = true): Error {
  return Object.assign(new Error(`(HTTP code ${statusCode}) ${reason} - ${body} `), { statusCode, reason, json: json ? { message: body } : null });
}

function sysError(code: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code, ...extra });
}

const cases: { name: string; err: Error; cause: DockerProblem['cause']; mentions: string[] }[] = [
  {
    name: 'container name in use (409)',
    err: httpError(409, 'unexpected', 'Conflict. The container name "/web-server" is already in use by container "c68d26f055d4a62cb96e8b24cb91e1ae324a0b18c01dcd2292aa243d16509cb9". You have to remove (or rename) that container to be able to reuse that name.'),
    cause: 'name-in-use',
    mentions: ['"web-server"', 'docker rm -f web-server'],
  },
  {
    name: 'removing a running container (20.10)',
    err: httpError(409, 'unexpected', 'You cannot remove a running container fdcced4edc4bc984fc8484c2891f06a96374b7c788a487bda10c626d0e25abd5. Stop the container before attempting removal or force remove'),
    cause: 'container-running',
    mentions: ['fdcced4edc4b', 'docker stop fdcced4edc4b'],
  },
  {
    name: 'removing a running container (Engine 25+ wording)',
    err: httpError(409, 'conflict', 'cannot remove container "/my-nginx": container is running: stop the container before removing or force remove'),
    cause: 'container-running',
    mentions: ['my-nginx', 'docker rm -f my-nginx'],
  },
  {
    name: 'exec in a stopped container',
    err: httpError(409, 'container stopped/paused', 'Container fdcced4edc4bc984fc8484c2891f06a96374b7c788a487bda10c626d0e25abd5 is not running'),
    cause: 'container-not-running',
    mentions: ['fdcced4edc4b', 'docker start'],
  },
  {
    name: 'image used by a container',
    err: httpError(409, 'conflict', 'conflict: unable to remove repository reference "nginx:alpine" (must force) - container 858fc106b3ab is using its referenced image c758b89bad73'),
    cause: 'image-in-use',
    mentions: ['nginx:alpine', 'docker rm -f 858fc106b3ab'],
  },
  {
    name: 'image used by a running container (removing by ID)',
    err: httpError(409, 'conflict', 'conflict: unable to delete c758b89bad73 (cannot be forced) - image is being used by running container 858fc106b3ab'),
    cause: 'image-in-use',
    mentions: ['c758b89bad73', '858fc106b3ab'],
  },
  {
    name: 'image with several tags removed by ID',
    err: httpError(409, 'conflict', 'conflict: unable to delete c758b89bad73 (must be forced) - image is referenced in multiple repositories'),
    cause: 'image-has-tags',
    mentions: ['c758b89bad73', 'docker rmi'],
  },
  {
    name: 'network with active endpoints (20.10)',
    err: httpError(403, 'unexpected', 'error while removing network: network pair1-network id 1d086883de8121838c23f295af419043fe7ba32e7ff52db9d437179156b9ff6b has active endpoints'),
    cause: 'network-in-use',
    mentions: ['pair1-network', 'docker network disconnect pair1-network'],
  },
  {
    name: 'network with active endpoints (Engine 25+ wording)',
    err: httpError(403, 'forbidden', 'error while removing network: network pair1-network has active endpoints (name:"pair1-web" id:"0f5e1a")'),
    cause: 'network-in-use',
    mentions: ['pair1-network'],
  },
  {
    name: 'network name already exists',
    err: httpError(409, 'unexpected', 'network with name pair1-network already exists'),
    cause: 'network-exists',
    mentions: ['pair1-network', 'docker network ls'],
  },
  {
    name: 'volume in use',
    err: httpError(409, 'conflict', 'remove postgres-data: volume is in use - [e7782a19e48968f70e6d8c350549e3b7333ed5b38420cbb987caf02b74a20391]'),
    cause: 'volume-in-use',
    mentions: ['postgres-data', 'e7782a19e489'],
  },
  {
    name: 'port already allocated',
    err: httpError(500, 'server error', 'driver failed programming external connectivity on endpoint another-web (840cb4a2cdd01e6944227392279cdda67e2cdb60d43dab453e36dbf619944a41): Bind for 0.0.0.0:8081 failed: port is already allocated'),
    cause: 'port-allocated',
    mentions: ['8081', '-p 8082:'],
  },
  {
    name: 'host port taken by another program',
    err: httpError(500, 'server error', 'driver failed programming external connectivity on endpoint web (abc): Error starting userland proxy: listen tcp4 0.0.0.0:8080: bind: address already in use'),
    cause: 'port-allocated',
    mentions: ['8080'],
  },
  {
    name: 'no such container',
    err: httpError(404, 'no such container', 'No such container: nope'),
    cause: 'no-such-container',
    mentions: ['nope', 'docker ps -a'],
  },
  {
    name: 'no such image (inspect)',
    err: httpError(404, 'no such image', 'no such image: myapp:1: No such image: myapp:1'),
    cause: 'no-such-image',
    mentions: ['myapp:1', 'docker pull myapp:1'],
  },
  {
    name: 'no such image (create; docker-modem says "no such container")',
    err: httpError(404, 'no such container', 'No such image: myapp:1'),
    cause: 'no-such-image',
    mentions: ['docker pull myapp:1'],
  },
  {
    name: 'no such network',
    err: httpError(404, 'no such network', 'network webapp-network not found'),
    cause: 'no-such-network',
    mentions: ['docker network create webapp-network'],
  },
  {
    name: 'no such volume',
    err: httpError(404, 'no such volume', 'get pgdata: no such volume'),
    cause: 'no-such-volume',
    mentions: ['pgdata', 'docker volume ls'],
  },
  {
    name: 'manifest unknown (no JSON body)',
    err: httpError(404, 'unexpected', 'manifest for nginx:no-such-tag not found: manifest unknown: manifest unknown', false),
    cause: 'manifest-unknown',
    mentions: ['nginx:no-such-tag'],
  },
  {
    name: 'Docker Hub: pull access denied',
    err: httpError(404, 'unexpected', "pull access denied for ngnix, repository does not exist or may require 'docker login': denied: requested access to the resource is denied", false),
    cause: 'pull-access-denied',
    mentions: ['ngnix', 'docker login'],
  },
  {
    name: 'basic-auth registry without credentials',
    err: httpError(500, 'server error', 'Head "http://127.0.0.1:40377/v2/private/app/manifests/1": no basic auth credentials', false),
    cause: 'pull-access-denied',
    mentions: ['127.0.0.1:40377/private/app'],
  },
  {
    name: 'registry unreachable (offline)',
    err: httpError(500, 'server error', 'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host', false),
    cause: 'registry-unreachable',
    mentions: ['https://registry-1.docker.io'],
  },
];

describe('describeDockerError: daemon refusals', function () {
  for (const c of cases) {
    it(c.name, function () {
      const p = describeDockerError(c.err);
      assert.equal(p.cause, c.cause, p.detail);
      assert.equal(p.connection, false);
      assert.equal(p.statusCode, (c.err as { statusCode?: number }).statusCode);
      for (const text of c.mentions) {
        assert.ok(p.message.en.includes(text), `en: ${p.message.en}`);
        assert.ok(p.message.ko.includes(text), `ko: ${p.message.ko}`);
      }
      assert.match(p.message.ko, /[가-힣]/);
      assert.doesNotMatch(p.message.en, /[가-힣]/);
      assert.ok(p.help.en && p.help.ko);
      assert.equal(isConnectionError(c.err), false);
    });
  }

  it('keeps an unknown refusal as the daemon worded it', function () {
    const p = describeDockerError(httpError(500, 'server error', 'something odd happened'));
    assert.equal(p.cause, 'other');
    assert.equal(p.detail, 'something odd happened');
    assert.match(p.message.en, /something odd happened/);
  });

  it('reads the daemon message from the JSON body, else from after "- "', function () {
    assert.equal(daemonMessage(httpError(404, 'no such container', 'No such container: x')), 'No such container: x');
    assert.equal(daemonMessage(httpError(500, 'server error', 'Get "https://x/v2/": dial tcp', false)), 'Get "https://x/v2/": dial tcp');
    assert.equal(daemonMessage(new Error('plain')), 'plain');
  });
});

describe('describeDockerError: connection failures', function () {
  const unix = 'unix:///var/run/docker.sock';

  it('ENOENT and ECONNREFUSED: not running, help by platform', function () {
    for (const err of [
      sysError('ENOENT', 'connect ENOENT /var/run/docker.sock', { syscall: 'connect', address: '/var/run/docker.sock' }),
      sysError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:2375', { syscall: 'connect', address: '127.0.0.1', port: 2375 }),
    ]) {
      const linux = describeDockerError(err, { endpoint: unix, platform: 'linux' });
      assert.equal(linux.cause, 'not-running');
      assert.equal(linux.connection, true);
      assert.equal(linux.endpoint, unix);
      assert.ok(linux.message.en.includes(unix) && linux.message.ko.includes(unix));
      assert.match(linux.message.en, /sudo systemctl start docker/);
      assert.deepEqual(linux.commands, ['sudo systemctl start docker']);
      for (const platform of ['darwin', 'win32'] as const) {
        const desktop = describeDockerError(err, { endpoint: unix, platform });
        assert.match(desktop.message.en, /Docker Desktop/);
        assert.match(desktop.message.ko, /Docker Desktop/);
        assert.deepEqual(desktop.commands, []);
      }
      assert.equal(isConnectionError(err), true);
    }
  });

  it('EACCES: permission denied, with the docker group as the course explains', function () {
    const p = describeDockerError(sysError('EACCES', 'connect EACCES /var/run/docker.sock', { syscall: 'connect', address: '/var/run/docker.sock' }), { platform: 'linux' });
    assert.equal(p.cause, 'permission-denied');
    assert.equal(p.endpoint, '/var/run/docker.sock');
    assert.match(p.help.en, /sudo usermod -aG docker \$USER/);
    assert.match(p.help.ko, /로그아웃/);
  });

  it('ENOTFOUND / EAI_AGAIN: no such host; timeouts: unreachable', function () {
    assert.equal(describeDockerError(sysError('ENOTFOUND', 'getaddrinfo ENOTFOUND no-such-host.invalid', { hostname: 'no-such-host.invalid' })).cause, 'no-such-host');
    assert.equal(describeDockerError(sysError('EAI_AGAIN', 'getaddrinfo EAI_AGAIN docker-host')).cause, 'no-such-host');
    assert.equal(describeDockerError(sysError('ETIMEDOUT', 'connect ETIMEDOUT 10.0.0.1:2376')).cause, 'unreachable');
    assert.equal(describeDockerError(sysError('EHOSTUNREACH', 'connect EHOSTUNREACH 10.0.0.1:2376')).cause, 'unreachable');
  });

  it('TLS: a TLS client on a plain port, a bad certificate, plain HTTP on the TLS port', function () {
    const wrongVersion = sysError('EPROTO', 'write EPROTO 80CCC47F857F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number', { syscall: 'write' });
    assert.equal(describeDockerError(wrongVersion).cause, 'tls');
    assert.equal(describeDockerError(sysError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate')).cause, 'tls');
    assert.equal(describeDockerError(sysError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames")).cause, 'tls');
    const plainOnTls = httpError(400, 'bad parameter', 'Client sent an HTTP request to an HTTPS server.', false);
    const p = describeDockerError(plainOnTls, { endpoint: 'tcp://docker:2376' });
    assert.equal(p.cause, 'tls');
    assert.match(p.message.en, /DOCKER_TLS_VERIFY/);
  });

  it('ssh authentication failures', function () {
    const err = Object.assign(new Error('All configured authentication methods failed'), { level: 'client-authentication' });
    const p = describeDockerError(err, { endpoint: 'ssh://learner@docker-host' });
    assert.equal(p.cause, 'ssh-auth');
    assert.match(p.message.en, /ssh-add/);
  });
});

describe('describeDockerError: remote hosts (ssh, TLS) and the daemon\'s address pools', function () {
  const ssh = 'ssh://root@127.0.0.1:2222';

  it('over ssh, a refused or unknown address is the SSH server\'s, not the daemon\'s', function () {
    const refused = sysError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:2222', { address: '127.0.0.1', port: 2222 });
    const p = describeDockerError(refused, { endpoint: ssh });
    assert.equal(p.cause, 'ssh-unreachable');
    assert.equal(p.connection, true);
    assert.match(p.message.en, /^Cannot connect to the SSH server of ssh:\/\/root@127\.0\.0\.1:2222: .*sshd is running/);
    assert.ok(p.message.ko.includes(ssh) && p.message.ko.includes('sshd'));
    assert.equal(describeDockerError(sysError('ENOTFOUND', 'getaddrinfo ENOTFOUND class-server'), { endpoint: 'ssh://class-server' }).cause, 'ssh-unreachable');
    assert.equal(describeDockerError(Object.assign(new Error('Timed out while waiting for handshake'), { level: 'client-timeout' }), { endpoint: ssh }).cause, 'ssh-unreachable');
    // The same error on a unix socket or tcp stays "not running".
    assert.equal(describeDockerError(refused, { endpoint: 'tcp://127.0.0.1:2375' }).cause, 'not-running');
    assert.equal(describeDockerError(refused).cause, 'not-running');
  });

  it('ssh key refused: says the key was refused and how to authorise it', function () {
    const err = Object.assign(new Error('All configured authentication methods failed'), { level: 'client-authentication' });
    const p = describeDockerError(err, { endpoint: ssh });
    assert.equal(p.cause, 'ssh-auth');
    assert.match(p.message.en, /refused your key.*authorized_keys \(ssh-copy-id\).*ssh-add/);
    assert.ok(p.message.ko.includes('authorized_keys') && p.message.ko.includes('ssh-add'));
  });

  it('docker missing on the server, or failing there', function () {
    const missing = Object.assign(new Error('bash: line 1: docker: command not found'), { code: 'EDOCKERLABS_SSH_NO_DOCKER' });
    const p = describeDockerError(missing, { endpoint: ssh });
    assert.equal(p.cause, 'ssh-no-docker');
    assert.match(p.message.en, /Logged in to ssh:\/\/root@127\.0\.0\.1:2222 over SSH, but the server has no docker command/);
    assert.ok(p.message.ko.includes('docker') && p.message.ko.includes(ssh));
    const dial = (message: string) => describeDockerError(Object.assign(new Error(message), { code: 'EDOCKERLABS_SSH_DIAL' }), { endpoint: ssh }).cause;
    assert.equal(dial('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?'), 'not-running');
    assert.equal(dial('permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock'), 'permission-denied');
    assert.equal(dial('something else'), 'unreachable');
  });

  it('TLS: a certificate our CA did not sign gets the ca.pem sentence; other TLS failures the general one', function () {
    for (const code of ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT']) {
      const p = describeDockerError(sysError(code, 'unable to verify the first certificate'), { endpoint: 'tcp://127.0.0.1:2376' });
      assert.equal(p.cause, 'tls', code);
      assert.match(p.message.en, /^The server certificate of tcp:\/\/127\.0\.0\.1:2376 is not signed by the CA in your ca\.pem/, code);
      assert.ok(p.message.ko.includes('ca.pem'));
    }
    const altname = describeDockerError(sysError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"), { endpoint: 'tcp://10.0.0.5:2376' });
    assert.equal(altname.cause, 'tls');
    assert.match(altname.message.en, /^The TLS connection to tcp:\/\/10\.0\.0\.5:2376 failed/);
  });

  it('no free default address pool: what happened and the instructor\'s fix', function () {
    const err = httpError(404, 'no such container', 'could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network');
    const p = describeDockerError(err);
    assert.equal(p.cause, 'address-pools-exhausted');
    assert.equal(p.connection, false);
    assert.match(p.message.en, /default address pools are used up.*about 30.*docker network prune.*default-address-pools in daemon\.json/);
    assert.ok(p.message.ko.includes('default-address-pools') && p.message.ko.includes('daemon.json'));
    assert.match(p.help.en, /"default-address-pools": \[\{"base": "10\.10\.0\.0\/16", "size": 24\}\]/);
    assert.deepEqual(p.commands, ['docker network prune']);
    // As the docker CLI prints it.
    assert.equal(describeDockerError(new Error('Error response from daemon: could not find an available, non-overlapping IPv6 address pool among the defaults to assign to the network')).cause, 'address-pools-exhausted');
  });
});

describe('describeDockerError: the ssh host key', function () {
  it('unknown host key: accept it once with ssh (the command given); changed: check with the instructor, ssh-keygen -R', function () {
    const unknown = describeDockerError(Object.assign(new Error('[127.0.0.1]:2222 is not in known_hosts'), { code: 'EDOCKERLABS_SSH_HOST_KEY_UNKNOWN' }), { endpoint: 'ssh://learner@127.0.0.1:2222' });
    assert.equal(unknown.cause, 'ssh-host-key');
    assert.match(unknown.message.en, /not in known_hosts yet: ssh to the host once/);
    assert.deepEqual(unknown.commands, ['ssh -p 2222 learner@127.0.0.1']);
    const changed = describeDockerError(Object.assign(new Error('differs'), { code: 'EDOCKERLABS_SSH_HOST_KEY_CHANGED' }), { endpoint: 'ssh://class-server' });
    assert.equal(changed.cause, 'ssh-host-key');
    assert.match(changed.message.en, /differs from the one in known_hosts.*ssh-keygen -R/);
    assert.ok(changed.message.ko.includes('ssh-keygen -R'));
    assert.deepEqual(changed.commands, []);
  });
});
