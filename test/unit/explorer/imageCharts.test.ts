import { strict as assert } from 'node:assert';
import type { HistoryEntry } from '../../../src/explorer/daemonLists';
import { barChart, dockerfileSteps, layerChart, LABEL_MAX, stepKey } from '../../../src/explorer/layerChart';
import { layerIndexes, sizeComparison } from '../../../src/explorer/sizeComparison';

/** History as the Engine lists it: newest first. `spec` is given oldest first, as a Dockerfile reads. */
function history(spec: Array<[createdBy: string, size: number]>): HistoryEntry[] {
  return spec.map(([CreatedBy, Size], i) => ({ Id: i === spec.length - 1 ? 'sha256:' + 'a'.repeat(64) : '<missing>', Created: 1_700_000_000 + i, CreatedBy, Size })).reverse();
}

/** The quoted strings of a mermaid statement, entity codes decoded back to text. */
function strings(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"/g)].map((m) => (m[1] ?? '').replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))));
}

function numbers(line: string): number[] {
  return (/\[([^\]]*)\]/.exec(line)?.[1] ?? '').split(',').map((n) => Number(n.trim()));
}

const BUSYBOX = 'ADD file:' + 'f'.repeat(64) + ' in / ';
/** Session 4's single-stage build (BuildKit's history text). */
const single = history([
  [BUSYBOX, 4_261_000],
  ['/bin/sh -c #(nop)  CMD ["sh"]', 0],
  ['WORKDIR /app', 0],
  ['COPY app.sh build.sh /app/ # buildkit', 1_200],
  ['RUN /bin/sh -c ./build.sh > /app/out.txt # buildkit', 2_000_000],
  ['CMD ["sh", "/app/app.sh"]', 0],
]);

describe('layer chart (mermaid xychart)', () => {
  it('draws one bar per layer with bytes, in build order, and lists every step in the table', () => {
    const chart = layerChart('myapp:single', single, 'en');
    const lines = chart.source.trim().split('\n').map((l) => l.trim());
    assert.equal(lines[0], 'xychart-beta horizontal');
    const labels = strings(lines.find((l) => l.startsWith('x-axis')) ?? '');
    assert.deepEqual(
      labels.map((l) => l.replace(/^\d+\. /, '').split(' ')[0]),
      ['ADD', 'COPY', 'RUN'],
      'metadata-only steps (CMD, WORKDIR) have no bar',
    );
    assert.ok(labels[2]?.startsWith('5. RUN ./build.sh'), `builder noise stripped: ${labels[2]}`);
    const bars = numbers(lines.find((l) => l.startsWith('bar')) ?? '');
    assert.equal(bars.length, labels.length);
    assert.ok((bars[0] ?? 0) > (bars[2] ?? 0) && (bars[2] ?? 0) > (bars[1] ?? 0), 'bars follow the sizes');
    const axisMax = Number(/--> ([\d.]+)/.exec(lines.find((l) => l.startsWith('y-axis')) ?? '')?.[1]);
    assert.ok(axisMax >= Math.max(...bars), 'the axis holds the longest bar');

    assert.equal(chart.rows.length, 6, 'the table has the metadata-only steps too');
    assert.deepEqual(chart.rows.map((r) => r.metadataOnly), [false, true, true, false, false, true]);
    assert.equal(chart.total, single.reduce((s, e) => s + e.Size, 0));
    assert.ok(Math.abs(chart.rows.reduce((s, r) => s + r.share, 0) - 1) < 1e-9, 'shares add up to the whole');
    assert.equal(chart.rows[5]?.instruction, 'CMD ["sh", "/app/app.sh"]');
  });

  it('draws nothing for an empty history or an image of metadata only, and keeps the rows', () => {
    assert.deepEqual(layerChart('x', [], 'ko'), { rows: [], total: 0, source: '' });
    const meta = layerChart('x', history([['/bin/sh -c #(nop)  CMD ["sh"]', 0]]), 'ko');
    assert.equal(meta.source, '');
    assert.equal(meta.rows.length, 1);
    assert.equal(meta.rows[0]?.share, 0, 'no division by a zero total');
  });

  const hostile: Array<[string, string]> = [
    ['a quote and a new statement', 'RUN echo "x"]\n  bar [999'],
    ['HTML', 'RUN echo <img src=x onerror=alert(1)>'],
    ['a mermaid comment and directive', 'RUN %%{init: {"theme":"dark"}}%% x'],
    ['entity-looking text', 'RUN echo #60; &lt; ;'],
    ['Hangul and emoji', 'RUN echo 안녕 🐳'],
  ];
  for (const [what, createdBy] of hostile) {
    it(`keeps ${what} inside its label`, () => {
      const ref = `evil"]\n bar [1]:${what}`;
      const { source } = layerChart(ref, history([[createdBy, 1234]]), 'en');
      const lines = source.trim().split('\n');
      assert.equal(lines.length, 5, 'title, axes and one bar statement, nothing added');
      for (const line of lines) {
        // Outside the labels only the chart's own syntax; inside, safe characters and entity codes.
        assert.match(line.replace(/"[^"]*"/g, '""'), /^ *(xychart-beta horizontal|title ""|x-axis \[""\]|y-axis "" 0 --> [\d.]+|bar \[[\d.]+\])$/, line);
        for (const m of line.matchAll(/"([^"]*)"/g)) assert.match(m[1] ?? '', /^(?:[\p{L}\p{N} _.,:/()→·-]|#\d+;)*$/u, line);
      }
      const label = strings(lines.find((l) => l.trim().startsWith('x-axis')) ?? '')[0] ?? '';
      const expected = `1. ${createdBy.replace(/\s+/g, ' ')}`;
      assert.equal(label, expected.length > LABEL_MAX ? `${expected.slice(0, LABEL_MAX - 1)}…` : expected, 'decodes back to the instruction');
      assert.ok(strings(lines.find((l) => l.trim().startsWith('title')) ?? '')[0]?.startsWith(ref.replace(/\s+/g, ' ').slice(0, 5)));
    });
  }

  it('shortens long instructions with … and keeps identical ones apart by step', () => {
    const long = `RUN ${'apk add --no-cache curl '.repeat(10)}`;
    const { source } = layerChart('x', history([[long, 10], [long, 20]]), 'en');
    const labels = strings(source.split('\n').find((l) => l.trim().startsWith('x-axis')) ?? '');
    assert.equal(new Set(labels).size, 2, 'two bars, not one merged category');
    for (const l of labels) {
      assert.ok([...l].length <= LABEL_MAX);
      assert.ok(l.endsWith('…'));
    }
  });

  it('writes numbers the mermaid lexer reads, whatever the unit', () => {
    for (const bytes of [1, 999, 1_000, 4_261_000, 1_500_000_000]) {
      const line = barChart('t', 'size', [{ label: 'a', bytes }, { label: 'b', bytes: bytes / 3 }]).split('\n').find((l) => l.trim().startsWith('bar')) ?? '';
      assert.match(line, /^ {2}bar \[\d+(\.\d+)?, \d+(\.\d+)?\]$/);
      assert.ok(Number(numbers(line)[0]) >= 1 && Number(numbers(line)[0]) < 1000, `${bytes} in a unit that reads 1…999: ${line}`);
    }
  });
});

describe('layer chart: workspace Dockerfile lines', () => {
  const dockerfile = ['FROM busybox:1.36', 'WORKDIR /app', '# the app', 'COPY app.sh build.sh /app/', 'RUN ./build.sh \\', '      > /app/out.txt', 'CMD ["sh", "/app/app.sh"]', ''].join('\n');
  const steps = dockerfileSteps([{ file: '/w/Dockerfile', text: dockerfile }]);

  it('links the rows whose instruction the Dockerfile has to its line (0-based), continuations joined', () => {
    const rows = layerChart('myapp:single', single, 'en', steps).rows;
    const at = (keyword: string) => rows.find((r) => r.instruction.startsWith(keyword))?.source;
    assert.deepEqual(at('WORKDIR'), { file: '/w/Dockerfile', line: 1 });
    assert.deepEqual(at('COPY'), { file: '/w/Dockerfile', line: 3 });
    assert.deepEqual(at('RUN'), { file: '/w/Dockerfile', line: 4 });
    assert.deepEqual(at('CMD ["sh", "/app'), { file: '/w/Dockerfile', line: 6 });
    assert.equal(at('ADD'), undefined, "the base image's layer is not in the learner's file");
    assert.equal(at('CMD ["sh"]'), undefined);
  });

  it('matches BuildKit history that dropped the flags, and no other instruction', () => {
    assert.equal(stepKey('copy --from=build  --chown=1:1 /out /app'), stepKey('COPY /out /app'));
    assert.notEqual(stepKey('RUN echo --from=x'), stepKey('RUN echo'), 'only leading flags are options');
    assert.notEqual(stepKey('RUN a'), stepKey('RUN b'));
  });

  // The classic builder's words (Engine 20.10's `docker build`, as the fixture daemon records them).
  const classic = history([
    ['/bin/sh -c #(nop) COPY file:' + '7'.repeat(64) + ' in /bin/busybox ', 1_980_000],
    ['/bin/sh -c #(nop)  CMD ["sh"]', 0],
    ['/bin/sh -c #(nop) WORKDIR /app', 0],
    ['/bin/sh -c #(nop) COPY file:' + '0'.repeat(64) + ' in ./ ', 3],
    ['/bin/sh -c #(nop) COPY dir:' + '4'.repeat(64) + ' in /app/ ', 800],
    ['/bin/sh -c #(nop)  CMD ["sh" "/app/app.sh"]', 0],
  ]);

  it("links the classic builder's history: COPY by its destination, an exec form without commas", () => {
    const file = ['FROM busybox:latest AS build', 'WORKDIR /src', 'RUN echo hi > out.txt', 'FROM busybox:latest', 'WORKDIR /app', 'COPY --from=build /src/out.txt ./', 'COPY app/ /app/', 'CMD ["sh", "/app/app.sh"]'].join('\n');
    const rows = layerChart('multi', classic, 'en', dockerfileSteps([{ file: 'Dockerfile', text: file }])).rows;
    assert.deepEqual(
      rows.map((r) => r.source?.line ?? null),
      [null, null, 4, 5, 6, 7],
      'the final stage only: its WORKDIR, not the build stage one; the base image matches nothing',
    );
  });

  it('takes the file that made the image, of two that share instructions', () => {
    const basic = ['FROM busybox:latest', 'WORKDIR /app', 'COPY . .', 'RUN ./build.sh', 'CMD ["sh", "/app/app.sh"]'].join('\n');
    const multi = ['FROM busybox:latest AS build', 'WORKDIR /src', 'RUN ./build.sh', 'FROM busybox:latest', 'WORKDIR /app', 'COPY --from=build /src/out.txt ./', 'COPY app/ /app/', 'CMD ["sh", "/app/app.sh"]'].join('\n');
    const steps = dockerfileSteps([{ file: 'Dockerfile.basic', text: basic }, { file: 'Dockerfile', text: multi }]);
    const rows = layerChart('multi', classic, 'en', steps).rows;
    assert.deepEqual([...new Set(rows.flatMap((r) => (r.source ? [r.source.file] : [])))], ['Dockerfile']);
  });

  it('follows a final stage built FROM an earlier one into that stage', () => {
    const file = ['FROM busybox:latest AS base', 'WORKDIR /app', 'FROM base', 'COPY app/ /app/', 'CMD ["sh", "/app/app.sh"]'].join('\n');
    const entries = history([
      ['/bin/sh -c #(nop) COPY file:' + '7'.repeat(64) + ' in /bin/busybox ', 1_980_000],
      ['/bin/sh -c #(nop) WORKDIR /app', 0],
      ['/bin/sh -c #(nop) COPY dir:' + '4'.repeat(64) + ' in /app/ ', 800],
      ['/bin/sh -c #(nop)  CMD ["sh" "/app/app.sh"]', 0],
    ]);
    const rows = layerChart('x', entries, 'en', dockerfileSteps([{ file: 'Dockerfile', text: file }])).rows;
    assert.deepEqual(rows.map((r) => r.source?.line ?? null), [null, 1, 3, 4]);
  });

  it('skips a file it cannot read as a Dockerfile and reads the others', () => {
    const more = dockerfileSteps([{ file: 'a', text: '' }, { file: 'b', text: 'FROM x\nRUN y\n' }]);
    assert.deepEqual(more.map((s) => [s.file, s.line]), [['b', 0], ['b', 1]]);
  });
});

describe('size comparison', () => {
  const base = ['sha256:base'];
  const singleLayers = [...base, 'sha256:copy', 'sha256:build'];
  // Multi-stage: the build ran in a discarded stage; the final image copies only its output.
  const multi = history([
    [BUSYBOX, 4_261_000],
    ['/bin/sh -c #(nop)  CMD ["sh"]', 0],
    ['WORKDIR /app', 0],
    ['COPY /app/out.txt /app/ # buildkit', 300],
    ['CMD ["sh", "/app/app.sh"]', 0],
  ]);
  const images = [
    { ref: 'myapp:single', history: single, layers: singleLayers },
    { ref: 'myapp:multi', history: multi, layers: [...base, 'sha256:out'] },
  ];

  it('marks the base layers both images have as shared, and no other', () => {
    const c = sizeComparison(images, 'en');
    for (const image of c.images) {
      const shared = image.layers.filter((l) => l.shared);
      assert.deepEqual(shared.map((l) => l.diffId), ['sha256:base'], image.ref);
      assert.equal(image.sharedBytes, shared.reduce((s, l) => s + l.size, 0));
      assert.ok(image.layers.every((l) => !l.shared || l.diffId), 'metadata-only steps are never shared layers');
    }
    assert.ok(c.images[0]!.total > c.images[1]!.total, 'the multi-stage image is smaller');
  });

  it('draws the totals, and every image on one scale with its shared layers labelled', () => {
    const c = sizeComparison(images, 'ko');
    const totals = c.source.split('\n').map((l) => l.trim());
    assert.deepEqual(strings(totals.find((l) => l.startsWith('x-axis')) ?? '').map((l) => l.replace(/^\d+\. /, '')), ['myapp:single', 'myapp:multi']);
    assert.deepEqual(numbers(totals.find((l) => l.startsWith('bar')) ?? '').length, 2);
    const axes = c.images.map((i) => /y-axis .* 0 --> (\S+)/.exec(i.source)?.[1]);
    assert.equal(new Set(axes).size, 1, `one common scale: ${axes.join(' vs ')}`);
    for (const image of c.images) {
      const labels = strings(image.source.split('\n').find((l) => l.trim().startsWith('x-axis')) ?? '');
      assert.equal(labels.filter((l) => l.endsWith('(공유)')).length, 1, labels.join(' | '));
    }
  });

  it('shares nothing between unrelated images, and only the common start of a chain', () => {
    const c = sizeComparison([images[0]!, { ...images[1]!, layers: ['sha256:other', 'sha256:out'] }], 'en');
    assert.ok(c.images.every((i) => i.layers.every((l) => !l.shared)));
    // The same diff ID on a different parent is a different layer to Docker.
    const d = sizeComparison([images[0]!, { ...images[1]!, layers: ['sha256:other', 'sha256:copy'] }], 'en');
    assert.ok(d.images.every((i) => i.sharedBytes === 0));
  });

  it('compares empty images without drawing', () => {
    const c = sizeComparison([{ ref: 'a', history: [], layers: [] }, { ref: 'b', history: [], layers: [] }], 'en');
    assert.equal(c.source, '');
    assert.ok(c.images.every((i) => i.source === '' && i.total === 0));
  });

  it('gives 0 B RUN/COPY/ADD steps the layers the sizes leave unexplained', () => {
    const entries = history([
      [BUSYBOX, 10],
      ['ENV A=1', 0],
      ['COPY empty/ /e/ # buildkit', 0],
      ['RUN true # buildkit', 0],
    ]).reverse();
    assert.deepEqual(layerIndexes(entries, 1), [0, -1, -1, -1]);
    assert.deepEqual(layerIndexes(entries, 2), [0, -1, 1, -1]);
    assert.deepEqual(layerIndexes(entries, 3), [0, -1, 1, 2]);
    assert.deepEqual(layerIndexes(entries, 0), [-1, -1, -1, -1]);
  });
});
