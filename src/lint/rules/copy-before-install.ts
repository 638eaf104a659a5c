import { dependencyInstall, type DependencyInstall } from '../shellCommands';
import type { EditSpec } from '../rule';
import { courseRef, SESSIONS } from '../course';
import type { Instr } from '../parse/model';
import { defineRule } from '../rule';
import { copiesWholeContext } from '../facts/instructions';

/** Commands that may share the install's RUN and still run before the sources are copied. */
const INSTALL_COMPANIONS = new Set([
  'apt-get', 'apt', 'apk', 'yum', 'dnf', 'rm', 'mkdir', 'chown', 'npm', 'yarn', 'pnpm', 'pip', 'pip3', 'poetry', 'pipenv',
  'bundle', 'go', 'composer', 'mvn', 'cargo', 'dotnet', 'set', 'echo', 'true', 'corepack', 'bun', 'uv', 'gradle', 'gradlew',
]);

export default defineRule({
  meta: {
    id: 'copy-before-install',
    category: 'layer-cache',
    severity: 'warning',
    title: { ko: '의존성 파일을 먼저 복사', en: 'Copy dependency manifests first' },
    messages: {
      copyBeforeInstall: {
        ko: '전체 소스를 복사한 뒤 `{install}` 명령을 실행하면 코드 한 줄만 바뀌어도 의존성을 매번 다시 설치합니다. `{manifests}` 파일을 먼저 복사하고 설치한 뒤 나머지를 복사하세요.',
        en: 'Copying the whole context before `{install}` reinstalls every dependency whenever any file changes. Copy `{manifests}` first, install, then copy the rest.',
      },
      copyManifestsFirst: { ko: '`{manifests}` 먼저 복사하고 설치 후 나머지 복사', en: 'Copy `{manifests}` first, the rest after the install' },
    },
    docs: {
      description: {
        ko: 'Docker는 명령어마다 레이어를 만들고, 입력이 바뀌지 않은 레이어는 캐시에서 재사용합니다. `COPY . .`은 소스가 조금만 바뀌어도 캐시가 깨지므로, 그 뒤의 `npm install`도 매번 처음부터 실행됩니다. 자주 바뀌지 않는 의존성 파일을 먼저 복사하면 설치 레이어가 캐시에 남습니다.',
        en: 'Docker builds a layer per instruction and reuses a layer from cache while its inputs are unchanged. `COPY . .` changes whenever any source file does, so the `npm install` after it runs from scratch every time. Copy the dependency files, which rarely change, first: the install layer then stays cached.',
      },
      example: [
        'COPY package*.json ./',
        'RUN npm install --production',
        'COPY . .',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 3: 베스트 프랙티스 (캐시 활용: 자주 변경되지 않는 파일 먼저 복사)', en: 'Concept 3: best practices (cache: copy rarely-changing files first)' }),
    fixable: true,
  },
  check(ctx) {
    for (const stage of ctx.facts.stages) {
      const list = stage.instructions;
      for (let k = 0; k < list.length; k++) {
        const copy = list[k];
        if (!copiesWholeContext(copy)) continue;
        const dest = copy.json ? copy.json.strings[copy.json.strings.length - 1]?.value : copy.args[copy.args.length - 1]?.value;
        let found: { run: Instr; index: number; installs: DependencyInstall[]; onlyInstall: boolean } | null = null;
        for (let j = k + 1; j < list.length && !found; j++) {
          const run = list[j];
          if (run.keyword !== 'RUN') continue;
          const installs: DependencyInstall[] = [];
          let onlyInstall = true;
          for (const c of ctx.facts.commands(run)) {
            if (c.wrapper) continue;
            const inst = dependencyInstall(c, dest ?? null);
            if (inst) installs.push(inst);
            else if (!INSTALL_COMPANIONS.has(c.name) || isBuildLike(c.name, c.argv.map((w) => w.value))) onlyInstall = false;
          }
          if (installs.length > 0) found = { run, index: j, installs, onlyInstall };
        }
        if (!found) continue;
        const manifests = [...new Set(found.installs.flatMap((i) => i.manifests))];
        const args = { install: found.installs.map((i) => i.label).join(', '), manifests: manifests.join(' ') };
        ctx.report({ messageId: 'copyBeforeInstall', start: copy.start, end: copy.logicalEnd, data: args, fix: buildFix(ctx, copy, found, manifests, dest) });
        break; // one finding per stage: the first whole-context copy
      }
    }

    function buildFix(
      c: typeof ctx,
      copy: Instr,
      found: { run: Instr; index: number; onlyInstall: boolean },
      manifests: string[],
      dest: string | undefined,
    ) {
      if (copy.keyword !== 'COPY' || !found.onlyInstall || copy.json || !dest || dest.includes('$')) return null;
      const list = copy.stage?.instructions ?? [];
      const at = list.indexOf(copy);
      // Only ENV/ARG/LABEL may sit between the copy and the install (they do not read the sources).
      for (let j = at + 1; j < found.index; j++) if (!['ENV', 'ARG', 'LABEL'].includes(list[j].keyword)) return null;
      const args = copy.args;
      const sources = args.slice(0, -1);
      if (sources.length !== 1) return null;
      const dir = dest === '.' || dest === './' ? './' : dest.endsWith('/') ? dest : dest + '/';
      const edits: EditSpec[] = [
        { start: sources[0].start, end: args[args.length - 1].end, text: `${manifests.join(' ')} ${dir}` },
        { start: found.run.end, end: found.run.end, text: c.facts.eol + c.facts.indentAt(copy.start) + c.text.slice(copy.start, copy.logicalEnd) },
      ];
      return {
        messageId: 'copyManifestsFirst',
        data: { manifests: manifests.join(' ') },
        edits,
      };
    }
  },
});

function isBuildLike(name: string, argv: string[]): boolean {
  if (name === 'npm' || name === 'yarn' || name === 'pnpm') return argv.some((a) => a === 'run' || a === 'build' || a === 'test' || a === 'exec');
  if (name === 'go') return argv[1] !== 'mod';
  if (name === 'mvn' || name === 'dotnet' || name === 'cargo') return !argv.some((a) => /^dependency:|^restore$|^fetch$/.test(a));
  return false;
}
