import { strict as assert } from 'node:assert';
import { age, commandLine, containerStatus, displayWidth, historyTable, humanSize, instructionOf, oneLine } from '../../../src/explorer/format';

describe('explorer format', () => {
  it('prints sizes as the docker CLI does (decimal units, 4 significant digits)', () => {
    assert.equal(humanSize(0), '0B');
    assert.equal(humanSize(999), '999B');
    assert.equal(humanSize(1234), '1.234kB');
    assert.equal(humanSize(4_270_000), '4.27MB');
    assert.equal(humanSize(85_880_000), '85.88MB');
    assert.equal(humanSize(1_500_000_000), '1.5GB');
  });

  it('prints ages relative to now in Korean and English', () => {
    const now = Date.UTC(2024, 0, 10) ;
    const threeDaysAgo = now / 1000 - 3 * 86400;
    assert.equal(age(threeDaysAgo, 'en', now), '3 days ago');
    assert.equal(age(threeDaysAgo, 'ko', now), '3일 전');
    assert.equal(age(now / 1000 - 5 * 60, 'en', now), '5 minutes ago');
    assert.equal(age(now / 1000 - 2 * 3600, 'ko', now), '2시간 전');
  });

  it('turns image history entries back into the Dockerfile instruction', () => {
    assert.equal(instructionOf('/bin/sh -c #(nop)  CMD ["sh"]'), 'CMD ["sh"]');
    assert.equal(instructionOf('/bin/sh -c #(nop) COPY file:73e2b2d48642b21b357384b0cb81c1869cc5e0c48a00f61553756196058304b9 in / '), 'COPY file:73e2b2d48642 in /');
    assert.equal(instructionOf('/bin/sh -c apk add --no-cache curl'), 'RUN apk add --no-cache curl');
    assert.equal(instructionOf('|3 OS=alpine PAD_MB=0 RUN_AS=root /bin/sh -c set -e; cp a b'), 'RUN set -e; cp a b');
    assert.equal(instructionOf('RUN /bin/sh -c npm ci # buildkit'), 'RUN npm ci');
    assert.equal(instructionOf('COPY . /app # buildkit'), 'COPY . /app');
    assert.equal(instructionOf('/bin/busybox sh -c set -e; mkdir /x'), 'RUN set -e; mkdir /x');
    assert.equal(instructionOf('WORKDIR /app'), 'WORKDIR /app');
  });

  it('cuts long labels to one line', () => {
    assert.equal(oneLine('RUN a &&\n\tb'), 'RUN a && b');
    assert.equal(oneLine('x'.repeat(100), 10), `${'x'.repeat(9)}…`);
  });

  it('translates the daemon status text into Korean and leaves English alone', () => {
    assert.equal(containerStatus('Up 5 minutes', 'ko'), '실행 중 (5분)');
    assert.equal(containerStatus('Up About an hour (healthy)', 'ko'), '실행 중 (약 1시간) · 정상');
    assert.equal(containerStatus('Up 2 hours (Paused)', 'ko'), '일시 정지됨 (2시간)');
    assert.equal(containerStatus('Exited (137) 3 days ago', 'ko'), '종료됨 (코드 137) · 3일 전');
    assert.equal(containerStatus('Created', 'ko'), '생성됨');
    assert.equal(containerStatus('Something new', 'ko'), 'Something new');
    assert.equal(containerStatus('Exited (0) 2 hours ago', 'en'), 'Exited (0) 2 hours ago');
  });

  it('quotes CLI words only where a shell needs it', () => {
    assert.equal(commandLine(['docker', 'run', '-d', '-p', '8080:80', '--name', 'web', 'nginx:alpine']), 'docker run -d -p 8080:80 --name web nginx:alpine');
    assert.equal(commandLine(['docker', 'run', '-e', 'GREETING=hello world', 'x']), "docker run -e 'GREETING=hello world' x");
    assert.equal(commandLine(['echo', "it's"]), "echo 'it'\\''s'");
    assert.equal(commandLine(['echo', '']), "echo ''");
  });

  it('lays out docker history as a table, newest first, Hangul counted double width', () => {
    const now = Date.UTC(2024, 0, 10);
    const table = historyTable(
      [
        { Id: 'sha256:aaaaaaaaaaaabbbb', Created: now / 1000 - 60, CreatedBy: '/bin/sh -c #(nop)  CMD ["sh"]', Size: 0 },
        { Id: '<missing>', Created: now / 1000 - 120, CreatedBy: '/bin/sh -c apk add curl', Size: 2_000_000 },
      ],
      'ko',
      now,
    );
    const lines = table.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[1] ?? '', /^aaaaaaaaaaaa\s+1분 전\s+CMD \["sh"\]\s+0B$/);
    assert.match(lines[2] ?? '', /^<missing>\s+2분 전\s+RUN apk add curl\s+2MB$/);
    // Columns line up on screen: "SIZE" starts at the same display column in every line.
    const col = (line: string, text: string) => displayWidth(line.slice(0, line.indexOf(text)));
    assert.equal(col(lines[1] ?? '', '0B'), col(lines[0] ?? '', 'SIZE'));
    assert.equal(col(lines[2] ?? '', '2MB'), col(lines[0] ?? '', 'SIZE'));
  });
});
