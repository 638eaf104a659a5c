import { strict as assert } from 'node:assert';
import { createContainerBody, parseEnv, parsePorts, runArgv, validateContainerName } from '../../../src/explorer/run';
import { commandLine } from '../../../src/explorer/format';

describe('explorer docker run options', () => {
  it('parses -p mappings as the CLI accepts them', () => {
    assert.deepEqual(parsePorts('8080:80, 127.0.0.1:9090:90 5353:53/udp 3000'), {
      ports: [
        { hostIp: undefined, hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { hostIp: '127.0.0.1', hostPort: 9090, containerPort: 90, protocol: 'tcp' },
        { hostIp: undefined, hostPort: 5353, containerPort: 53, protocol: 'udp' },
        { hostIp: undefined, hostPort: undefined, containerPort: 3000, protocol: 'tcp' },
      ],
    });
    assert.deepEqual(parsePorts(''), { ports: [] });
    for (const bad of ['80:99999', 'web:80', '8080:80/xyz', '0:80']) {
      const r = parsePorts(bad);
      assert.ok('error' in r, bad);
      if ('error' in r) assert.match(r.error.en, /not a port mapping/);
    }
  });

  it('parses -e variables with shell quoting and keeps $ literal', () => {
    assert.deepEqual(parseEnv('MYSQL_ROOT_PASSWORD=rootpass GREETING="hello world" PRICE=$5'), {
      env: ['MYSQL_ROOT_PASSWORD=rootpass', 'GREETING=hello world', 'PRICE=$5'],
    });
    const noEquals = parseEnv('JUSTNAME');
    assert.ok('error' in noEquals && noEquals.value === 'JUSTNAME');
    assert.ok('error' in parseEnv('A=1 | rm -rf /'));
  });

  it('validates container names with the daemon\'s rule', () => {
    assert.equal(validateContainerName(''), undefined);
    assert.equal(validateContainerName('pair1-web'), undefined);
    assert.ok(validateContainerName('-bad'));
    assert.ok(validateContainerName('x'));
    assert.ok(validateContainerName('has space'));
  });

  it('builds the CLI line and the API body for the same run', () => {
    const options = { image: 'mysql:8.0', name: 'pair1-mysql', ports: [{ hostPort: 3306, containerPort: 3306, protocol: 'tcp' as const }], network: 'pair1-network', env: ['MYSQL_ROOT_PASSWORD=root pass'] };
    assert.equal(commandLine(runArgv(options)), "docker run -d --name pair1-mysql -p 3306:3306 --network pair1-network -e 'MYSQL_ROOT_PASSWORD=root pass' mysql:8.0");
    assert.deepEqual(createContainerBody(options), {
      name: 'pair1-mysql',
      Image: 'mysql:8.0',
      Env: ['MYSQL_ROOT_PASSWORD=root pass'],
      ExposedPorts: { '3306/tcp': {} },
      HostConfig: { PortBindings: { '3306/tcp': [{ HostIp: '', HostPort: '3306' }] }, NetworkMode: 'pair1-network' },
    });
    assert.equal(commandLine(runArgv({ image: 'nginx:alpine', ports: [{ containerPort: 80, protocol: 'tcp' }, { hostIp: '::1', hostPort: 53, containerPort: 53, protocol: 'udp' }], env: [] })), "docker run -d -p 80 -p '[::1]:53:53/udp' nginx:alpine");
  });
});
