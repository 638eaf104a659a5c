// Our documentation of every Dockerfile instruction, flag and parser directive
// that the editor's completion and hover show, in Korean and English, each
// tied to the course pillar it touches. It replaces the language service's own
// English text. Keys are the language service's documentation keys
// (`COPY`, `COPY_FlagFrom`, `ARG_NameOnly`, `escape`…) so a completion item's
// `data` finds its entry directly; BuildKit flags the service does not know
// (`RUN --mount`, `COPY --chmod`…) use the same `<INSTRUCTION>_Flag<Name>` shape.
import { INSTRUCTION_DOCS } from '../lint';
import type { Lang, Localized } from '../util/i18n';
import { pick } from '../util/i18n';

/** The course's four pillars of a good Dockerfile. */
export type Pillar = 'small-base-image' | 'non-root-user' | 'cache-friendly-order' | 'multi-stage';

export const PILLARS: Record<Pillar, Localized> = {
  'small-base-image': { ko: '작은 베이스 이미지', en: 'Small base image' },
  'non-root-user': { ko: 'root가 아닌 사용자', en: 'Non-root user' },
  'cache-friendly-order': { ko: '캐시를 살리는 순서', en: 'Cache-friendly order' },
  'multi-stage': { ko: '멀티스테이지 빌드', en: 'Multi-stage build' },
};

export interface LanguageDoc {
  /** What it is, for the heading: `COPY --from=<stage>`. */
  label: string;
  summary: Localized;
  detail: Localized;
  /** One line of Dockerfile. */
  example: string;
  pillar?: Pillar;
}

const PILLAR_OF: Record<string, Pillar | undefined> = {
  FROM: 'small-base-image',
  RUN: 'cache-friendly-order',
  COPY: 'cache-friendly-order',
  ADD: 'cache-friendly-order',
  WORKDIR: 'cache-friendly-order',
  ARG: 'multi-stage',
  USER: 'non-root-user',
  ONBUILD: 'cache-friendly-order',
};

/** Instructions: the linter's instruction table (one table of what each does), plus its pillar. */
function instruction(keyword: string): LanguageDoc {
  const d = INSTRUCTION_DOCS[keyword];
  return { label: keyword, summary: d.summary, detail: d.detail, example: d.example, pillar: PILLAR_OF[keyword] };
}

const FLAGS: Record<string, LanguageDoc> = {
  FROM_FlagPlatform: {
    label: 'FROM --platform',
    summary: { ko: '베이스 이미지의 플랫폼(OS/CPU) 지정', en: 'Platform (OS/CPU) of the base image' },
    detail: {
      ko: '여러 CPU용으로 나온 이미지에서 어느 것을 쓸지 고릅니다(예: `linux/amd64`, `linux/arm64`). 빌드하는 기기의 플랫폼을 쓰려면 `$BUILDPLATFORM`을 씁니다. 빌드 스테이지에서 자주 씁니다.',
      en: 'Chooses which variant of a multi-platform image to use (e.g. `linux/amd64`, `linux/arm64`). `$BUILDPLATFORM` is the platform of the machine that builds; common in build stages.',
    },
    example: 'FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build',
    pillar: 'multi-stage',
  },
  COPY_FlagFrom: {
    label: 'COPY --from',
    summary: { ko: '다른 스테이지(또는 이미지)에서 파일 복사', en: 'Copy files from another stage (or image)' },
    detail: {
      ko: '빌드 컨텍스트 대신 앞의 빌드 스테이지에서 결과물만 가져옵니다. 컴파일러와 소스는 빌드 스테이지에 두고 실행 파일만 최종 이미지로 옮기는 멀티스테이지 빌드의 핵심입니다.',
      en: 'Takes files from an earlier build stage instead of the build context: the heart of a multi-stage build, where compilers and sources stay behind and only the result reaches the final image.',
    },
    example: 'COPY --from=build /app/dist ./dist',
    pillar: 'multi-stage',
  },
  COPY_FlagChown: {
    label: 'COPY --chown',
    summary: { ko: '복사한 파일의 소유자 지정', en: 'Owner of the copied files' },
    detail: {
      ko: '복사한 파일의 소유자를 바로 정합니다. root가 아닌 사용자로 실행할 때, 따로 `RUN chown`을 하면 레이어가 하나 더 생기고 크기가 두 배가 되므로 이 플래그를 쓰세요.',
      en: 'Sets the owner of the copied files at once. When the app runs as a non-root user, this avoids a separate `RUN chown`, which adds a layer and doubles the size.',
    },
    example: 'COPY --chown=node:node . .',
    pillar: 'non-root-user',
  },
  COPY_FlagChmod: {
    label: 'COPY --chmod',
    summary: { ko: '복사한 파일의 권한 지정', en: 'Permissions of the copied files' },
    detail: {
      ko: '복사하면서 파일 권한을 정합니다(BuildKit). 실행 스크립트에 `RUN chmod`를 따로 하지 않아도 됩니다.',
      en: 'Sets the file mode while copying (BuildKit); no separate `RUN chmod` for a script.',
    },
    example: 'COPY --chmod=755 entrypoint.sh /usr/local/bin/',
    pillar: 'cache-friendly-order',
  },
  COPY_FlagLink: {
    label: 'COPY --link',
    summary: { ko: '앞 레이어와 독립된 레이어로 복사', en: 'Copy into an independent layer' },
    detail: {
      ko: '복사한 파일을 앞 레이어에 의존하지 않는 레이어로 만듭니다(BuildKit). 베이스 이미지가 바뀌어도 이 레이어는 다시 만들지 않아 캐시가 오래 갑니다.',
      en: 'Makes the copied files a layer that does not depend on the layers before it (BuildKit): a new base image does not invalidate it, so the cache lasts.',
    },
    example: 'COPY --link --from=build /app/dist /usr/share/nginx/html',
    pillar: 'cache-friendly-order',
  },
  COPY_FlagParents: {
    label: 'COPY --parents',
    summary: { ko: '원본의 상위 디렉토리 구조를 유지', en: 'Keep the source’s parent directories' },
    detail: {
      ko: '`packages/*/package.json`처럼 여러 디렉토리의 파일을 복사할 때 디렉토리 구조를 그대로 둡니다(BuildKit). 모노레포에서 의존성 파일만 먼저 복사할 때 유용합니다.',
      en: 'Keeps the directory structure when copying files such as `packages/*/package.json` (BuildKit); handy for copying a monorepo’s manifests first.',
    },
    example: 'COPY --parents packages/*/package.json ./',
    pillar: 'cache-friendly-order',
  },
  COPY_FlagExclude: {
    label: 'COPY --exclude',
    summary: { ko: '복사에서 뺄 파일 패턴', en: 'Files to leave out of the copy' },
    detail: {
      ko: '패턴에 맞는 파일은 복사하지 않습니다(BuildKit). 모든 복사에서 빼려면 `.dockerignore`가 더 알맞습니다.',
      en: 'Leaves files matching the pattern out of this copy (BuildKit); to leave them out of every copy, use `.dockerignore`.',
    },
    example: 'COPY --exclude=*.md . .',
    pillar: 'cache-friendly-order',
  },
  ADD_FlagChown: {
    label: 'ADD --chown',
    summary: { ko: '추가한 파일의 소유자 지정', en: 'Owner of the added files' },
    detail: {
      ko: '`COPY --chown`과 같습니다. 추가한 파일을 root가 아닌 사용자의 것으로 만듭니다.',
      en: 'Same as `COPY --chown`: the added files belong to the non-root user.',
    },
    example: 'ADD --chown=app:app app.tar.gz /app',
    pillar: 'non-root-user',
  },
  ADD_FlagChmod: {
    label: 'ADD --chmod',
    summary: { ko: '추가한 파일의 권한 지정', en: 'Permissions of the added files' },
    detail: { ko: '`COPY --chmod`와 같습니다(BuildKit).', en: 'Same as `COPY --chmod` (BuildKit).' },
    example: 'ADD --chmod=644 https://example.com/ca.pem /etc/ssl/certs/',
  },
  ADD_FlagChecksum: {
    label: 'ADD --checksum',
    summary: { ko: '내려받은 파일의 체크섬 확인', en: 'Verify the downloaded file’s checksum' },
    detail: {
      ko: 'URL에서 받은 파일이 이 SHA256 값과 다르면 빌드를 멈춥니다. 다이제스트처럼 내용을 정확히 고정합니다.',
      en: 'Stops the build when the file downloaded from the URL does not match this SHA256, pinning the content exactly like a digest.',
    },
    example: 'ADD --checksum=sha256:24454f83… https://example.com/tool.tar.gz /opt/',
  },
  ADD_FlagKeepGitDir: {
    label: 'ADD --keep-git-dir',
    summary: { ko: 'Git 저장소를 추가할 때 .git 유지', en: 'Keep .git when adding a Git repository' },
    detail: {
      ko: 'Git URL을 `ADD`할 때 `.git` 디렉토리를 남깁니다. 필요할 때만 쓰세요. 이미지가 커집니다.',
      en: 'Keeps the `.git` directory when adding a Git URL. Only when needed: it makes the image bigger.',
    },
    example: 'ADD --keep-git-dir https://github.com/moby/buildkit.git /src',
    pillar: 'small-base-image',
  },
  ADD_FlagLink: {
    label: 'ADD --link',
    summary: { ko: '앞 레이어와 독립된 레이어로 추가', en: 'Add into an independent layer' },
    detail: { ko: '`COPY --link`와 같습니다(BuildKit).', en: 'Same as `COPY --link` (BuildKit).' },
    example: 'ADD --link app.tar.gz /app',
    pillar: 'cache-friendly-order',
  },
  RUN_FlagMount: {
    label: 'RUN --mount',
    summary: { ko: '빌드 중에만 붙는 마운트 (캐시, 비밀 값)', en: 'A mount that exists only during the build (cache, secrets)' },
    detail: {
      ko: '`type=cache`는 패키지 관리자의 캐시를 빌드 사이에 보존해 다시 내려받지 않게 하고, 이미지에는 남기지 않습니다. `type=secret`은 비밀 값을 레이어에 남기지 않고 명령에만 보여 줍니다(BuildKit).',
      en: '`type=cache` keeps a package manager’s cache between builds without storing it in the image; `type=secret` shows a secret to the command without leaving it in a layer (BuildKit).',
    },
    example: 'RUN --mount=type=cache,target=/root/.npm npm ci',
    pillar: 'cache-friendly-order',
  },
  RUN_FlagNetwork: {
    label: 'RUN --network',
    summary: { ko: '명령이 쓸 네트워크', en: 'Network the command uses' },
    detail: {
      ko: '`none`이면 네트워크 없이 실행해 이 단계가 아무것도 내려받지 않음을 보장합니다(BuildKit).',
      en: '`none` runs the command without a network, guaranteeing this step downloads nothing (BuildKit).',
    },
    example: 'RUN --network=none make test',
  },
  RUN_FlagSecurity: {
    label: 'RUN --security',
    summary: { ko: '명령의 보안 모드', en: 'Security mode of the command' },
    detail: {
      ko: '`insecure`는 특권 모드로 실행합니다. 빌더가 허용해야 하며, 꼭 필요할 때만 쓰세요.',
      en: '`insecure` runs the command privileged; the builder must allow it. Only when truly needed.',
    },
    example: 'RUN --security=insecure mount -t tmpfs none /mnt',
    pillar: 'non-root-user',
  },
  HEALTHCHECK_FlagInterval: {
    label: 'HEALTHCHECK --interval',
    summary: { ko: '상태 확인 간격 (기본 30s)', en: 'Time between checks (default 30s)' },
    detail: { ko: '컨테이너가 시작된 뒤 이 간격마다 확인 명령을 실행합니다.', en: 'After the container starts, the check runs at this interval.' },
    example: 'HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1',
  },
  HEALTHCHECK_FlagTimeout: {
    label: 'HEALTHCHECK --timeout',
    summary: { ko: '한 번의 확인을 기다리는 시간 (기본 30s)', en: 'How long one check may take (default 30s)' },
    detail: { ko: '이 시간보다 오래 걸리면 그 확인은 실패로 셉니다.', en: 'A check that takes longer counts as failed.' },
    example: 'HEALTHCHECK --timeout=5s CMD curl -f http://localhost/ || exit 1',
  },
  HEALTHCHECK_FlagStartPeriod: {
    label: 'HEALTHCHECK --start-period',
    summary: { ko: '시작 직후 실패를 세지 않는 시간 (기본 0s)', en: 'Grace time after start (default 0s)' },
    detail: {
      ko: '데이터베이스처럼 준비에 시간이 걸리는 컨테이너는 이 시간 동안의 실패를 세지 않습니다.',
      en: 'Failures during this time after start are not counted, for containers that take time to get ready, such as a database.',
    },
    example: 'HEALTHCHECK --start-period=20s CMD pg_isready || exit 1',
  },
  HEALTHCHECK_FlagStartInterval: {
    label: 'HEALTHCHECK --start-interval',
    summary: { ko: '시작 기간 동안의 확인 간격 (기본 5s)', en: 'Time between checks during the start period (default 5s)' },
    detail: { ko: '`--start-period` 동안에는 이 간격으로 더 자주 확인합니다.', en: 'During `--start-period` the check runs at this (shorter) interval.' },
    example: 'HEALTHCHECK --start-period=20s --start-interval=2s CMD pg_isready || exit 1',
  },
  HEALTHCHECK_FlagRetries: {
    label: 'HEALTHCHECK --retries',
    summary: { ko: 'unhealthy로 표시하기 전 연속 실패 횟수 (기본 3)', en: 'Consecutive failures before unhealthy (default 3)' },
    detail: { ko: '이만큼 연속으로 실패하면 컨테이너가 `unhealthy`가 됩니다.', en: 'After this many failures in a row the container is `unhealthy`.' },
    example: 'HEALTHCHECK --retries=3 CMD curl -f http://localhost/ || exit 1',
  },
};

const VARIANTS: Record<string, LanguageDoc> = {
  ARG_NameOnly: {
    ...instruction('ARG'),
    label: 'ARG',
    summary: { ko: '기본값 없는 빌드 변수 선언', en: 'Declare a build variable without a default' },
    example: 'ARG VERSION',
  },
  ARG_DefaultValue: {
    ...instruction('ARG'),
    label: 'ARG',
    summary: { ko: '기본값 있는 빌드 변수 선언', en: 'Declare a build variable with a default' },
    example: 'ARG NODE_VERSION=18',
  },
  HEALTHCHECK_CMD: {
    ...instruction('HEALTHCHECK'),
    label: 'HEALTHCHECK CMD',
    example: 'HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1',
  },
  HEALTHCHECK_NONE: {
    ...instruction('HEALTHCHECK'),
    label: 'HEALTHCHECK NONE',
    summary: { ko: '베이스 이미지의 상태 확인 끄기', en: 'Turn off the base image’s health check' },
    detail: { ko: '베이스 이미지가 정한 `HEALTHCHECK`를 물려받지 않습니다.', en: 'Disables any `HEALTHCHECK` inherited from the base image.' },
    example: 'HEALTHCHECK NONE',
  },
};

const DIRECTIVES: Record<string, LanguageDoc> = {
  syntax: {
    label: '# syntax',
    summary: { ko: '이 파일을 해석할 Dockerfile 문법 버전', en: 'Dockerfile syntax version that parses this file' },
    detail: {
      ko: '파일 맨 첫 줄에 씁니다. BuildKit이 이 이미지의 파서로 파일을 읽으므로 `RUN --mount` 같은 새 기능을 쓸 수 있습니다.',
      en: 'Goes on the very first line. BuildKit reads the file with this image’s parser, which enables newer features such as `RUN --mount`.',
    },
    example: '# syntax=docker/dockerfile:1',
    pillar: 'cache-friendly-order',
  },
  escape: {
    label: '# escape',
    summary: { ko: '줄 잇기·이스케이프 문자 지정 (기본 \\)', en: 'Escape / line-continuation character (default \\)' },
    detail: {
      ko: 'Windows 경로처럼 `\\`가 많은 파일에서는 `` ` ``로 바꿉니다. 파일 맨 위에만 쓸 수 있습니다.',
      en: 'Switch to `` ` `` in files full of `\\`, such as Windows paths. Only at the very top of the file.',
    },
    example: '# escape=`',
  },
};

const INSTRUCTIONS: Record<string, LanguageDoc> = Object.fromEntries(Object.keys(INSTRUCTION_DOCS).map((k) => [k, instruction(k)]));

/** Every documented key: instructions, their completion variants, flags and parser directives. */
export const LANGUAGE_DOCS: Readonly<Record<string, LanguageDoc>> = { ...INSTRUCTIONS, ...VARIANTS, ...FLAGS, ...DIRECTIVES };

/** The documentation key of a flag: `COPY` + `from` → `COPY_FlagFrom`, `keep-git-dir` → `ADD_FlagKeepGitDir`. */
export function flagKey(instruction: string, flag: string): string {
  const name = flag.replace(/^-+/, '').split(/[-_]/).filter(Boolean).map((p) => p[0].toUpperCase() + p.slice(1).toLowerCase()).join('');
  return `${instruction.toUpperCase()}_Flag${name}`;
}

/** The flags we document for an instruction, as typed (`--mount`), in table order. */
export function flagsOf(instruction: string): string[] {
  const prefix = `${instruction.toUpperCase()}_Flag`;
  return Object.keys(FLAGS)
    .filter((k) => k.startsWith(prefix))
    .map((k) => '--' + k.slice(prefix.length).replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase());
}

export function docFor(key: string | undefined): LanguageDoc | undefined {
  if (!key) return undefined;
  return Object.prototype.hasOwnProperty.call(LANGUAGE_DOCS, key) ? LANGUAGE_DOCS[key] : undefined;
}

const COURSE: Localized = { ko: '과정 원칙', en: 'Course pillar' };
const EXAMPLE: Localized = { ko: '예', en: 'Example' };

/** The Markdown shown in completion details and hovers: heading, what it does, an example, the pillar. */
export function docMarkdown(doc: LanguageDoc, lang: Lang, heading = doc.label): string {
  const parts = [`**${heading}** — ${pick(doc.summary, lang)}`, pick(doc.detail, lang), `${pick(EXAMPLE, lang)}:\n\`\`\`dockerfile\n${doc.example}\n\`\`\``];
  if (doc.pillar) parts.push(`*${pick(COURSE, lang)}: ${pick(PILLARS[doc.pillar], lang)}*`);
  return parts.join('\n\n');
}
