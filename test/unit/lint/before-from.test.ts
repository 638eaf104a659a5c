// Instructions before the first FROM (ARG aside, already an `instruction-order`
// error) are judged by every rule as hadolint judges them: like the
// instructions of any other stage (hadolint lints every instruction wherever
// it stands and pretends a base image at the top of the file). The choice is
// made in one place (DockerfileModel.preamble, walked through
// LintFacts.stages); this table runs every rule of the registry over the same
// body once before the first FROM and once as a stage of its own on an
// unknown base image, and asserts the same findings on the body's lines.
import * as assert from 'assert';
import { RULES, type Finding, type LintConfig } from '../../../src/lint';
import { covered, run } from './helpers';

const BODY = [
  'LABEL maintainer="a@b.c" org.opencontainers.image.created=yesterday',
  'MAINTAINER someone',
  'RUN apt-get update',
  'RUN apt-get install curl python3 && pip install flask && npm install -g left-pad && gem install rails && go install example.com/x@latest',
  'RUN wget http://x/y.tgz && curl -o z http://x/z | tar xz && sudo yum install httpd && apk add bash && dnf install vim && zypper install vim && zypper dist-upgrade',
  'RUN yarn install && cd /tmp && useradd -u 123456789 bob && ln -sf /bin/bash /bin/sh && apt install make && gcc -o a a.c',
  'COPY . .',
  'RUN npm install && pip install -r requirements.txt',
  'WORKDIR app',
  'EXPOSE 80000 80/TCP',
  'ADD http://x/a.tar.gz /a',
  'ADD a.txt /a.txt',
  'COPY a.tar.gz /tmp/',
  'RUN tar xzf /tmp/a.tar.gz',
  'COPY --from=nowhere /x /x',
  'COPY --from=-1 /x /x',
  'COPY x y z',
  'copy b c',
  'ENV A=$A SECRET_KEY=abc',
  'ENV B 1',
  'USER root',
  'CMD node app.js',
  'CMD node app.js',
  'ENTRYPOINT a',
  'ENTRYPOINT b',
  'HEALTHCHECK CMD true',
  'HEALTHCHECK CMD true',
  'ONBUILD RUN sudo apt-get install x',
  'ONBUILD ONBUILD RUN x',
  'RUN echo $UNDECLARED_THING',
];
const TAIL = ['FROM alpine:3.20 AS final', 'COPY --from=build /x /x', 'USER app', 'CMD ["app"]'];

/** Every rule on, with the settings the configurable ones need. */
const CONFIG: LintConfig = {
  severity: Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.severity])),
  trustedRegistries: ['docker.io'],
  labelSchema: { maintainer: 'email', 'org.opencontainers.image.created': 'rfc3339', author: 'text' },
  strictLabels: true,
};

interface Seen {
  rule: string;
  messageId: string;
  line: number;
  text: string;
  fix: boolean;
}

/** The findings on the body's lines (the body starting at 0-based line `first`), as body-relative lines. */
function onBody(src: string, first: number): Seen[] {
  return run(src, { config: CONFIG })
    .filter((f: Finding) => f.range.start.line >= first && f.range.start.line < first + BODY.length)
    .map((f) => ({ rule: f.rule, messageId: f.messageId ?? '', line: f.range.start.line - first, text: covered(src, f), fix: !!f.fix }));
}

describe('lint: instructions before the first FROM are judged as any stage’s (hadolint)', () => {
  const before = onBody([...BODY, ...TAIL].join('\n') + '\n', 0);
  const inStage = onBody(['FROM ${UNSET_BASE} AS build', ...BODY, ...TAIL].join('\n') + '\n', 1);

  it('the body exercises most rules (so that the table below can fail)', () => {
    const rules = new Set(inStage.map((s) => s.rule));
    assert.ok(rules.size >= 40, `only ${rules.size} rules report on the body: ${[...rules].join(', ')}`);
  });

  for (const rule of RULES) {
    const id = rule.meta.id;
    if (id === 'instruction-order') {
      it(`${id}: reports every misplaced instruction, and nothing inside a stage`, () => {
        assert.deepStrictEqual(before.filter((s) => s.rule === id).map((s) => s.line), BODY.map((_, k) => k));
        assert.deepStrictEqual(inStage.filter((s) => s.rule === id), []);
      });
      continue;
    }
    it(`${id}: the same findings before the first FROM as in a stage`, () => {
      assert.deepStrictEqual(
        before.filter((s) => s.rule === id),
        inStage.filter((s) => s.rule === id),
      );
    });
  }
});
