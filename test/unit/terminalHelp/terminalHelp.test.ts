// Terminal help: the CLI's own error output recognised (as a learner's terminal shows it),
// only for docker command lines that failed, each kind mapped to a built-in lab step that
// exists, and offered once per kind.
import * as assert from 'assert';
import * as path from 'path';
import { describeDockerOutput } from '../../../src/docker';
import { loadSessionFolder, discoverSessions } from '../../../src/lab';
import { helpFor, isDockerCommandLine, LESSONS, OncePerKind } from '../../../src/terminalHelp';

// What `docker` (Engine 20.10–28) prints for each error the course meets.
const CLI_OUTPUT: [string, string][] = [
  ['name-in-use', 'docker: Error response from daemon: Conflict. The container name "/pair1-web" is already in use by container "3f1c2b9a8d7e". You have to remove (or rename) that container to be able to reuse that name.\nSee \'docker run --help\'.'],
  ['port-allocated', 'docker: Error response from daemon: driver failed programming external connectivity on endpoint pair1-another-web (ab12): Bind for 0.0.0.0:8081 failed: port is already allocated.'],
  ['network-exists', 'Error response from daemon: network with name pair1-network already exists'],
  ['name-not-resolved', "ping: bad address 'pair1-isolated'"],
  ['pull-access-denied', "Unable to find image 'ngnix:latest' locally\ndocker: Error response from daemon: pull access denied for ngnix, repository does not exist or may require 'docker login': denied: requested access to the resource is denied."],
  ['manifest-unknown', 'Error response from daemon: manifest for nginx:9.9 not found: manifest unknown: manifest unknown'],
  ['no-such-image', 'Error response from daemon: No such image: pair1-myapp:dev'],
  ['not-running', 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?'],
  ['permission-denied', 'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/containers/json": dial unix /var/run/docker.sock: connect: permission denied'],
  ['no-space-left', 'docker: Error response from daemon: failed to create task for container: write /var/lib/docker/overlay2/x/merged/tmp: no space left on device.'],
  ['address-pools-exhausted', 'Error response from daemon: could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network'],
];

describe('terminal help: Docker errors from the CLI output', () => {
  for (const [cause, output] of CLI_OUTPUT) {
    it(`recognises ${cause}, with a cause and a fix in Korean and English`, () => {
      const p = describeDockerOutput(output, { platform: 'linux' });
      assert.ok(p, output);
      assert.strictEqual(p.cause, cause);
      for (const lang of ['ko', 'en'] as const) {
        assert.ok(p.message[lang].length > 20, p.message[lang]);
        assert.ok(p.help[lang].length > 10, p.help[lang]);
      }
      assert.notStrictEqual(p.message.ko, p.message.en);
    });
  }

  it('names what the output names (the container, the port, the host)', () => {
    assert.match(describeDockerOutput(CLI_OUTPUT[0][1])!.message.en, /"pair1-web".*docker rm -f pair1-web/);
    assert.match(describeDockerOutput(CLI_OUTPUT[1][1])!.message.en, /Host port 8081/);
    assert.match(describeDockerOutput(CLI_OUTPUT[3][1])!.message.ko, /pair1-isolated/);
    assert.match(describeDockerOutput(CLI_OUTPUT[7][1], { platform: 'linux' })!.message.en, /unix:\/\/\/var\/run\/docker\.sock.*systemctl start docker/);
    assert.match(describeDockerOutput(CLI_OUTPUT[7][1], { platform: 'darwin' })!.message.en, /Docker Desktop/);
  });

  it('says nothing about output it does not understand', () => {
    assert.strictEqual(describeDockerOutput('docker: invalid reference format.\nSee \'docker run --help\'.'), undefined);
    assert.strictEqual(describeDockerOutput(''), undefined);
  });
});

describe('terminal help: which commands, which steps, how often', () => {
  it('docker command lines, also behind sudo/env, in a list or a pipe', () => {
    for (const line of ['docker run -d nginx', 'sudo docker ps', 'env DOCKER_HOST=x docker ps', 'cd app && docker build .', 'docker ps | grep web', '/usr/bin/docker ps', 'docker-compose up']) {
      assert.ok(isDockerCommandLine(line), line);
    }
    for (const line of ['ls -l', 'echo docker run', 'ping web', '', 'git commit -m "docker"']) assert.ok(!isDockerCommandLine(line), line);
  });

  it('helps only a docker command that failed, with an error we know', () => {
    const [, output] = CLI_OUTPUT[0];
    assert.strictEqual(helpFor('docker run --name pair1-web nginx', 0, output), undefined, 'exit 0');
    assert.strictEqual(helpFor('cat notes.txt', 1, output), undefined, 'not docker');
    assert.strictEqual(helpFor('docker run x', 125, 'docker: invalid reference format.'), undefined, 'not an error we know');
    const help = helpFor('docker run --name pair1-web nginx', 125, output);
    assert.strictEqual(help?.kind, 'name-in-use');
    assert.deepStrictEqual(help?.lesson, { session: 'basics', step: 'rm-force' });
    assert.strictEqual(helpFor('docker exec pair1-web ping -c 1 pair1-isolated', 1, CLI_OUTPUT[3][1])?.lesson?.step, 'isolated-ping');
  });

  it('every error kind the course meets leads to a step of a built-in session that exists', () => {
    const root = path.resolve(__dirname, '../../../exercises');
    const labs = new Map(discoverSessions([root]).map((s) => [s.id, loadSessionFolder(s.dir, 'ko').lab!]));
    for (const [cause] of CLI_OUTPUT) assert.ok(LESSONS[cause as keyof typeof LESSONS], `no lesson for ${cause}`);
    for (const [kind, ref] of Object.entries(LESSONS)) {
      const lab = labs.get(ref!.session);
      assert.ok(lab, `${kind}: no session ${ref!.session}`);
      assert.ok(lab.steps.some((s) => s.id === ref!.step), `${kind}: no step ${ref!.session}#${ref!.step}`);
    }
  });

  it('offers each kind once per session: a second identical failure stays quiet', () => {
    const once = new OncePerKind();
    assert.strictEqual(once.take('name-in-use'), true);
    assert.strictEqual(once.take('name-in-use'), false);
    assert.strictEqual(once.take('port-allocated'), true, 'another kind is still offered');
    assert.strictEqual(once.take('port-allocated'), false);
    assert.deepStrictEqual(once.shown(), ['name-in-use', 'port-allocated']);
    assert.strictEqual(new OncePerKind().take('name-in-use'), true, 'a new session starts afresh');
  });
});
