import { courseRef, SESSIONS } from '../course';
import { copyOperands, isAbsolutePath, writtenAsWindowsAbsolute } from '../facts/instructions';
import type { Stage } from '../parse/model';
import { defineRule } from '../rule';

/** Whether a WORKDIR is set before `offset` in the stage or the earlier stages it is built `FROM`. */
function workdirSet(stage: Stage, offset: number): boolean {
  if (stage.instructions.some((i) => i.keyword === 'WORKDIR' && i.start < offset)) return true;
  for (let s = stage.parent; s; s = s.parent) if (s.instructions.some((i) => i.keyword === 'WORKDIR')) return true;
  return false;
}

export default defineRule({
  meta: {
    id: 'copy-relative-without-workdir',
    category: 'maintainability',
    severity: 'warning',
    hadolint: 'DL3045',
    differsFromHadolint: {
      ko: '스테이지마다 첫 번째 상대 경로 COPY만 보고합니다. 그 앞에 WORKDIR 하나를 두면 뒤의 COPY가 모두 해결되기 때문입니다. hadolint는 COPY마다 보고합니다. `.hadolint.yaml`에 `hadolint-compat: true`를 두면 COPY마다 보고합니다.',
      en: 'Only the first relative COPY of each stage is reported: one WORKDIR before it settles every COPY after it. hadolint reports each such COPY. `hadolint-compat: true` in `.hadolint.yaml` reports each, as hadolint does.',
    },
    title: { ko: 'WORKDIR 없이 상대 경로로 COPY하지 않기', en: 'No relative COPY destination without WORKDIR' },
    messages: {
      copyRelativeWithoutWorkdir: {
        ko: '`{dest}`은(는) 상대 경로인데 이 스테이지에 `WORKDIR`이 없습니다. 파일이 어디로 갈지는 베이스 이미지의 작업 디렉토리에 달려 있습니다. 먼저 `WORKDIR /app`처럼 정하거나 절대 경로를 쓰세요.',
        en: '`{dest}` is relative and this stage sets no `WORKDIR`: where the files land depends on the base image’s working directory. Set one first (`WORKDIR /app`) or use an absolute path.',
      },
    },
    docs: {
      description: {
        ko: '상대 경로 대상은 현재 작업 디렉토리를 기준으로 합니다. `WORKDIR`을 정하지 않으면 그 위치는 베이스 이미지가 정한 곳(대개 `/`)이라, 베이스 이미지를 바꾸면 파일이 다른 곳으로 갑니다. 앞선 스테이지에서 `FROM`한 스테이지는 그 스테이지의 `WORKDIR`을 물려받습니다. 스테이지마다 한 번만 알립니다(hadolint는 그런 `COPY`마다 알립니다).',
        en: 'A relative destination is resolved against the working directory. Without a `WORKDIR`, that is whatever the base image set (often `/`), so changing the base image moves your files. A stage built `FROM` an earlier stage inherits that stage’s `WORKDIR`. Reported once per stage (hadolint reports every such `COPY`).',
      },
      example: ['# ❌', 'FROM node:20-alpine', 'COPY package.json .', '# ✅', 'FROM node:20-alpine', 'WORKDIR /app', 'COPY package.json .'].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (WORKDIR: 작업 디렉토리 지정)', en: 'Main instructions (WORKDIR: working directory)' }),
    fixable: false,
  },
  check(ctx) {
    for (const stage of ctx.facts.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'COPY') continue;
        const ops = copyOperands(ins);
        if (ops.length < 2) continue;
        const dest = ops[ops.length - 1];
        const value = dest.value.replace(/^["']|["']$/g, '');
        if (isAbsolutePath(value) || writtenAsWindowsAbsolute(ctx.text.slice(dest.start, dest.end)) || workdirSet(stage, ins.start)) continue;
        // Once per stage: one WORKDIR before it settles every COPY after it (hadolint reports each).
        ctx.report({ messageId: 'copyRelativeWithoutWorkdir', start: dest.start, end: dest.end, data: { dest: value } });
        if (!ctx.options.hadolintCompat) break;
      }
    }
  },
});
