import * as assert from 'assert';
import { commandTraits, createdObjects, publishedHostPorts, referencedImages } from '../../../src/lab';

describe('lab: what a command does', () => {
  it('needs a TTY', () => {
    for (const c of ['docker run --rm -it ubuntu bash', 'docker exec -it web sh', 'docker run -i -t alpine', 'docker attach web', 'docker container run --tty alpine']) {
      assert.ok(commandTraits(c).interactive, c);
    }
    for (const c of ['docker run -d nginx', 'docker exec web ls', 'docker run -i alpine cat']) assert.ok(!commandTraits(c).interactive, c);
  });

  it('runs until stopped', () => {
    for (const c of ['docker logs -f web', 'docker stats', 'docker exec web ping db', 'docker run --rm busybox ping 1.1.1.1', 'docker events']) {
      assert.ok(commandTraits(c).longRunning, c);
    }
    for (const c of ['docker logs --tail 5 web', 'docker stats --no-stream', 'docker exec web ping -c 1 db', 'docker exec web ping -c1 db']) {
      assert.ok(!commandTraits(c).longRunning, c);
    }
  });

  it('reaches beyond the lab', () => {
    const kind = (c: string) => commandTraits(c).destructive?.kind;
    assert.strictEqual(kind('docker system prune -f'), 'system-prune');
    assert.strictEqual(kind('docker system prune -a --volumes'), 'system-prune');
    assert.ok(commandTraits('docker system prune -a --volumes').destructive!.allImages);
    assert.ok(commandTraits('docker system prune -a --volumes').destructive!.volumes);
    assert.strictEqual(kind('docker rm -f $(docker ps -aq)'), 'remove-all-containers');
    assert.ok(commandTraits('docker rm -f $(docker ps -aq)').destructive!.force);
    assert.strictEqual(kind('docker stop $(docker ps -q)'), 'stop-all');
    assert.strictEqual(kind('docker rm $(docker ps -aq)'), 'remove-all-containers');
    assert.strictEqual(kind('docker volume prune'), 'volume-prune');
    assert.strictEqual(kind('docker network prune -f'), 'network-prune');
    assert.strictEqual(kind('docker image prune -a'), 'image-prune');
    assert.strictEqual(kind('docker rmi $(docker images -q)'), 'remove-all-images');
    assert.strictEqual(kind('docker ps -aq | xargs docker rm -f'), 'remove-all-containers');
    for (const safe of ['docker rm -f web', 'docker stop web db', 'docker network rm pair1-network', 'docker ps -aq']) assert.strictEqual(kind(safe), undefined, safe);
  });

  it('names the objects it creates', () => {
    assert.deepStrictEqual(createdObjects('docker run -d --name pair1-db --network pair1-net -v pgdata:/var/lib/postgresql/data -v "$(pwd)/html:/usr/share/nginx/html" -e A=b postgres:13-alpine'), {
      containers: ['pair1-db'],
      networks: [],
      volumes: ['pgdata'],
      images: [],
    });
    assert.deepStrictEqual(createdObjects('docker network create --driver bridge --subnet 172.30.0.0/24 my-net').networks, ['my-net']);
    assert.deepStrictEqual(createdObjects('docker volume create data1').volumes, ['data1']);
    assert.deepStrictEqual(createdObjects('docker build -t myapp:basic -t myapp:latest -f Dockerfile.basic .').images, ['myapp:basic', 'myapp:latest']);
    assert.deepStrictEqual(createdObjects('docker tag nginx:alpine myapp:1.0.0').images, ['myapp:1.0.0']);
    assert.deepStrictEqual(createdObjects('docker run --name=web -d --mount type=volume,source=logs,target=/logs nginx').volumes, ['logs']);
    assert.deepStrictEqual(createdObjects('docker run -d nginx'), { containers: [], networks: [], volumes: [], images: [] });
  });

  it('lists the images it runs or pulls', () => {
    assert.deepStrictEqual(referencedImages('docker run -d -p 8080:80 --name web nginx:alpine'), ['nginx:alpine']);
    assert.deepStrictEqual(referencedImages('docker pull mysql:8.0'), ['mysql:8.0']);
    assert.deepStrictEqual(referencedImages('docker pull [이미지 이름]:[태그]'), []);
  });
});

describe('lab: commands behind wrappers', () => {
  it('reads docker through sudo, env and their options', () => {
    assert.deepStrictEqual(createdObjects('sudo -u me docker run -d --name a busybox').containers, ['a']);
    assert.deepStrictEqual(createdObjects('env DOCKER_HOST=unix:///x.sock docker volume create v1').volumes, ['v1']);
    assert.deepStrictEqual(referencedImages('sudo -E docker pull alpine:3.20'), ['alpine:3.20']);
    assert.ok(commandTraits('sudo docker exec -it web sh').interactive);
    assert.deepStrictEqual(createdObjects('sudo echo docker run --name a b').containers, []);
  });

  it('finds the IDs a listing hands on, inside $( ), backticks or through xargs', () => {
    const kind = (c: string) => commandTraits(c).destructive?.kind;
    assert.strictEqual(kind('sudo docker stop $(sudo docker ps -q)'), 'stop-all');
    assert.strictEqual(kind('docker container rm -f $(docker container ls -a -q)'), 'remove-all-containers');
    assert.strictEqual(kind('docker kill `docker ps -q`'), 'kill-all');
    assert.strictEqual(kind('docker images -q | xargs sudo docker rmi'), 'remove-all-images');
    assert.ok(!commandTraits('docker images -q | xargs docker rmi -f').destructive!.force, 'only rm -f is counted as forced');
    assert.strictEqual(kind('docker rm $(docker ps -a)'), undefined, 'a listing without -q hands on no IDs');
    assert.strictEqual(kind('echo $(docker ps -q)'), undefined);
  });

  it('keeps words the way a shell reads them', () => {
    assert.deepStrictEqual(referencedImages('docker run --rm a#b'), ['a#b']);
    assert.deepStrictEqual(createdObjects('docker run -d --name "web1" nginx > run.log').containers, ['web1']);
  });
});

describe('lab: host ports a command publishes', () => {
  const table: [string, number[]][] = [
    ['docker run -d -p 8081:80 --name web nginx', [8081]],
    ['docker run -d --publish=8082:80 -p 127.0.0.1:8083:443/tcp nginx', [8082, 8083]],
    ['docker container create -p 9000-9002:9000-9002 nginx', [9000, 9001, 9002]],
    ['docker run -d -p 80 -P nginx', []],
    ['sudo docker run -dp 8084:80 nginx', [8084]],
    ['docker run --rm nginx echo -p 8085:80', []],
    ['docker exec web curl -p 8086:80', []],
    ['docker ps', []],
  ];
  for (const [command, ports] of table) {
    it(command, () => assert.deepStrictEqual(publishedHostPorts(command).sort((a, b) => a - b), ports));
  }
});
