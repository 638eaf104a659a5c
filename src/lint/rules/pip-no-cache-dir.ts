import { hasOption, pipSub } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { insertAfter } from '../fixes';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'pip-no-cache-dir',
    category: 'layer-cache',
    severity: 'warning',
    hadolint: 'DL3042',
    title: { ko: '`pip install --no-cache-dir` 사용', en: 'Use `pip install --no-cache-dir`' },
    messages: {
      pipNoCacheDir: {
        ko: '`pip install`에 `--no-cache-dir`가 없어 내려받은 패키지 캐시가 이미지에 남습니다.',
        en: '`pip install` without `--no-cache-dir` keeps the download cache in the image.',
      },
      addNoCacheDir: { ko: '`--no-cache-dir` 추가', en: 'Add `--no-cache-dir`' },
    },
    docs: {
      description: {
        ko: 'pip는 내려받은 패키지를 `~/.cache/pip`에 보관합니다. 컨테이너 이미지에서는 다시 쓸 일이 없으니 과정의 좋은 예처럼 `--no-cache-dir`를 붙이세요(또는 `ENV PIP_NO_CACHE_DIR=1`).',
        en: 'pip keeps downloads in `~/.cache/pip`. An image never reuses them, so add `--no-cache-dir` as in the course’s good example (or set `ENV PIP_NO_CACHE_DIR=1`).',
      },
      example: [
        'COPY requirements.txt .',
        'RUN pip install --no-cache-dir -r requirements.txt',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 3: 베스트 프랙티스 (✅ `pip install --no-cache-dir`)', en: 'Concept 3: best practices (✅ `pip install --no-cache-dir`)' }),
    fixable: true,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!run.stage?.ships || !ctx.facts.posix(run)) continue;
      if (ctx.facts.cacheMounts(run).some((t) => t.includes('pip'))) continue;
      const env = ctx.facts.envBefore(run);
      if (env.has('PIP_NO_CACHE_DIR')) continue;
      for (const c of ctx.facts.commands(run)) {
        const inv = pipSub(c);
        if (!inv || inv.sub.value !== 'install') continue;
        if (hasOption(c.argv, '', ['--no-cache-dir'], inv.pip + 1) || c.assignments.some((a) => a.value.startsWith('PIP_NO_CACHE_DIR='))) continue;
        const sub = c.argv[inv.sub.index];
        ctx.report({
          messageId: 'pipNoCacheDir',
          start: c.start,
          end: sub.end,
          fix: { messageId: 'addNoCacheDir', edits: [insertAfter(sub, '--no-cache-dir')] },
        });
      }
    }
  },
});
