import { hasOption, pipSub } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { insertAfter } from '../fixes';
import { judgesLayerOf, SHIPPED_STAGES_ONLY } from '../facts/instructions';
import { defineRule } from '../rule';

/** Values hadolint reads as false. */
const FALSE = /^(0|false|no|off|)$/i;

export default defineRule({
  meta: {
    id: 'pip-no-cache-dir',
    category: 'layer-cache',
    severity: 'warning',
    hadolint: 'DL3042',
    differsFromHadolint: {
      ko: '`PIP_NO_CACHE_DIR`는 값이 무엇이든(`0`, `false`여도) pip 캐시를 끕니다. pip가 예전 동작을 지키려고 그렇게 읽기 때문에 여기서도 어떤 값이든 인정합니다. hadolint는 `0` 같은 거짓 값을 캐시를 켠 것으로 봅니다. `.hadolint.yaml`에 `hadolint-compat: true`를 두면 거짓 값(`0`, `false`, `no`, `off`, 빈 값)은 인정하지 않습니다. ' + SHIPPED_STAGES_ONLY.ko,
      en: '`PIP_NO_CACHE_DIR` turns pip’s cache off whatever its value, even `0` or `false`: pip reads it that way for backward compatibility, so any value counts here. hadolint takes a false value such as `0` as the cache left on. `hadolint-compat: true` in `.hadolint.yaml` stops counting false values (`0`, `false`, `no`, `off`, empty). ' + SHIPPED_STAGES_ONLY.en,
    },
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
      if (!judgesLayerOf(ctx.options, run) || !ctx.facts.posix(run)) continue;
      if (ctx.facts.cacheMounts(run).some((t) => t.includes('pip'))) continue;
      const turnsOff = (value: string | null | undefined): boolean => value !== undefined && value !== null && (!ctx.options.hadolintCompat || !FALSE.test(value));
      if (turnsOff(ctx.facts.variableAt(run, 'PIP_NO_CACHE_DIR'))) continue;
      for (const c of ctx.facts.commands(run)) {
        const inv = pipSub(c);
        if (!inv || inv.sub.value !== 'install') continue;
        if (hasOption(c.argv, '', ['--no-cache-dir'], inv.pip + 1)) continue;
        // `PIP_NO_CACHE_DIR=1 pip …`, or `export PIP_NO_CACHE_DIR=1 && pip …` in the same RUN.
        const own = c.assignments.find((a) => a.value.startsWith('PIP_NO_CACHE_DIR='));
        if (turnsOff(own ? own.value.slice('PIP_NO_CACHE_DIR='.length) : ctx.facts.exportedBefore(run, c, 'PIP_NO_CACHE_DIR'))) continue;
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
