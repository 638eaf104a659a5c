// What each Dockerfile instruction does, with an example, in the words of the
// course's instruction table (Docker 기본 이해 · Dockerfile 명령어 설명). Shown
// when hovering an instruction keyword.
import type { Localized } from '../util/i18n';

export interface InstructionDoc {
  summary: Localized;
  detail: Localized;
  example: string;
}

export const INSTRUCTION_DOCS: Record<string, InstructionDoc> = {
  FROM: {
    summary: { ko: '베이스 이미지 지정', en: 'Set the base image' },
    detail: {
      ko: '이미지를 만들 출발점을 정합니다. 모든 Dockerfile은 `FROM`으로 시작하고(앞에는 `ARG`만 가능), `FROM`이 여러 번 나오면 멀티스테이지 빌드입니다. `AS 이름`으로 스테이지에 이름을 붙여 `COPY --from=이름`으로 참조합니다. 최종 이미지에는 `-alpine`, `-slim` 같은 작은 이미지를 쓰세요.',
      en: 'Chooses the image to start from. Every Dockerfile starts with `FROM` (only `ARG` may precede it); several `FROM`s make a multi-stage build. `AS name` names a stage for `COPY --from=name`. Ship small images such as `-alpine` or `-slim`.',
    },
    example: 'FROM node:18-alpine AS builder',
  },
  RUN: {
    summary: { ko: '명령 실행 (이미지 빌드 시)', en: 'Run a command (at build time)' },
    detail: {
      ko: '빌드 중에 명령을 실행하고 그 결과를 새 레이어로 저장합니다. RUN마다 레이어가 생기므로 관련된 명령은 `&&`로 묶고, 같은 RUN에서 캐시 파일을 지우세요.',
      en: 'Runs a command during the build and saves the result as a new layer. Each RUN adds a layer: join related commands with `&&` and clean caches in the same RUN.',
    },
    example: 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
  },
  CMD: {
    summary: { ko: '컨테이너 실행 시 기본 실행 명령어 지정', en: 'Default command when the container starts' },
    detail: {
      ko: '컨테이너가 시작할 때 실행할 기본 명령어입니다. `docker run 이미지 다른명령`으로 바꿀 수 있습니다. JSON 배열 형식으로 써야 종료 신호가 애플리케이션에 전달됩니다. 스테이지마다 마지막 `CMD`만 적용됩니다.',
      en: 'The default command a container runs; `docker run image other-command` replaces it. Use the JSON array form so stop signals reach the application. Only the last `CMD` of a stage counts.',
    },
    example: 'CMD ["nginx", "-g", "daemon off;"]',
  },
  ENTRYPOINT: {
    summary: { ko: '컨테이너 실행 시 기본 실행 파일 지정', en: 'Default executable of the container' },
    detail: {
      ko: '컨테이너의 실행 파일을 고정합니다. `CMD`는 그 뒤에 붙는 기본 인자가 됩니다. JSON 배열 형식으로 쓰세요.',
      en: 'Fixes the container’s executable; `CMD` then supplies its default arguments. Use the JSON array form.',
    },
    example: 'ENTRYPOINT ["python", "app.py"]',
  },
  WORKDIR: {
    summary: { ko: '작업 디렉토리 설정', en: 'Set the working directory' },
    detail: {
      ko: '이후 `RUN`, `COPY`, `CMD`가 실행될 디렉토리를 정하고, 없으면 만듭니다. 절대 경로를 쓰고, RUN 안에서 `cd`하는 대신 `WORKDIR`을 쓰세요.',
      en: 'Sets (and creates) the directory later `RUN`, `COPY` and `CMD` use. Use an absolute path, and `WORKDIR` rather than `cd` inside RUN.',
    },
    example: 'WORKDIR /app',
  },
  COPY: {
    summary: { ko: '파일 복사 (호스트 → 컨테이너)', en: 'Copy files (host → image)' },
    detail: {
      ko: '빌드 컨텍스트의 파일을 이미지로 복사합니다. 의존성 파일(`package*.json`)을 먼저 복사해 설치하고 나머지를 나중에 복사하면 캐시를 잘 활용합니다. `--from=스테이지`로 다른 스테이지의 결과물을 가져옵니다.',
      en: 'Copies files from the build context into the image. Copy dependency manifests (`package*.json`) first, install, then copy the rest to keep the cache. `--from=stage` takes files from another stage.',
    },
    example: 'COPY package*.json ./',
  },
  ADD: {
    summary: { ko: '파일 복사 및 압축 해제 기능', en: 'Copy files, extracting archives' },
    detail: {
      ko: '`COPY`와 비슷하지만 tar 파일을 자동으로 풀고 URL을 내려받습니다. 단순 복사에는 `COPY`를 쓰세요.',
      en: 'Like `COPY`, but also extracts tar archives and downloads URLs. Use `COPY` for plain copies.',
    },
    example: 'ADD app.tar.gz /app',
  },
  ENV: {
    summary: { ko: '환경 변수 설정', en: 'Set environment variables' },
    detail: {
      ko: '이후 명령어와 실행 중인 컨테이너에서 쓰는 환경 변수를 정합니다. 값은 이미지에 저장되므로 비밀번호를 넣지 마세요. `키=값` 형식을 쓰세요.',
      en: 'Sets environment variables for later instructions and the running container. Values are stored in the image, so no passwords. Use `key=value`.',
    },
    example: 'ENV PORT=8080',
  },
  ARG: {
    summary: { ko: '빌드 시 변수 설정', en: 'Build-time variable' },
    detail: {
      ko: '`docker build --build-arg 이름=값`으로 넘길 수 있는 빌드 변수입니다. 컨테이너 실행 시에는 남지 않습니다. `FROM` 앞의 ARG는 `FROM`에서만 보이므로 스테이지 안에서 쓰려면 다시 선언하세요.',
      en: 'A build variable, set with `docker build --build-arg name=value`; it does not exist at run time. An ARG before `FROM` is only visible to `FROM`: declare it again inside a stage to use it there.',
    },
    example: 'ARG VERSION=1.0',
  },
  EXPOSE: {
    summary: { ko: '컨테이너에서 노출할 포트 지정', en: 'Document the port the container listens on' },
    detail: {
      ko: '컨테이너가 듣는 포트를 문서로 남깁니다. 실제로 호스트에 연결하려면 `docker run -p 호스트포트:컨테이너포트`를 씁니다.',
      en: 'Documents the port the container listens on. To reach it from the host, run with `-p hostPort:containerPort`.',
    },
    example: 'EXPOSE 80',
  },
  VOLUME: {
    summary: { ko: '데이터 볼륨 생성', en: 'Declare a data volume' },
    detail: {
      ko: '컨테이너가 삭제되어도 남아야 하는 데이터의 위치를 볼륨으로 지정합니다.',
      en: 'Marks a path whose data should outlive the container as a volume.',
    },
    example: 'VOLUME /data',
  },
  USER: {
    summary: { ko: '실행 사용자 지정', en: 'Set the user' },
    detail: {
      ko: '이후 명령어와 컨테이너가 실행될 사용자를 정합니다. 보안을 위해 최종 스테이지에서는 root가 아닌 사용자로 전환하세요.',
      en: 'Sets the user for later instructions and the container. For security, switch to a non-root user in the final stage.',
    },
    example: 'USER node',
  },
  LABEL: {
    summary: { ko: '메타데이터 추가', en: 'Add metadata' },
    detail: {
      ko: '이미지에 작성자, 버전 같은 정보를 `키=값`으로 붙입니다. `docker inspect`로 볼 수 있습니다.',
      en: 'Attaches information such as author and version as `key=value`; visible with `docker inspect`.',
    },
    example: 'LABEL maintainer="user@example.com"',
  },
  HEALTHCHECK: {
    summary: { ko: '컨테이너 상태 확인', en: 'Check the container’s health' },
    detail: {
      ko: '주기적으로 명령을 실행해 컨테이너가 정상인지 확인합니다. 명령이 실패하면 컨테이너가 `unhealthy`로 표시됩니다.',
      en: 'Runs a command periodically to check the container works; when it fails the container is marked `unhealthy`.',
    },
    example: 'HEALTHCHECK CMD curl --fail http://localhost || exit 1',
  },
  SHELL: {
    summary: { ko: '셸 형식 명령어의 셸 지정', en: 'Set the shell for shell-form instructions' },
    detail: {
      ko: '셸 형식 `RUN`, `CMD`, `ENTRYPOINT`를 실행할 셸을 바꿉니다. 파이프 실패를 잡으려면 `-o pipefail`을 켭니다.',
      en: 'Changes the shell that runs shell-form `RUN`, `CMD` and `ENTRYPOINT`. Enable `-o pipefail` to catch failures inside pipes.',
    },
    example: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
  },
  STOPSIGNAL: {
    summary: { ko: '컨테이너 종료 신호 지정', en: 'Set the stop signal' },
    detail: {
      ko: '`docker stop`이 컨테이너에 보낼 신호를 정합니다(기본값 SIGTERM).',
      en: 'Sets the signal `docker stop` sends to the container (default SIGTERM).',
    },
    example: 'STOPSIGNAL SIGQUIT',
  },
  ONBUILD: {
    summary: { ko: '이 이미지를 베이스로 쓸 때 실행할 명령어', en: 'Instruction for images built on this one' },
    detail: {
      ko: '이 이미지를 `FROM`으로 쓰는 다른 Dockerfile이 빌드될 때 실행할 명령어를 예약합니다.',
      en: 'Registers an instruction that runs when another Dockerfile uses this image in `FROM`.',
    },
    example: 'ONBUILD COPY . /app',
  },
  MAINTAINER: {
    summary: { ko: '작성자 (더 이상 사용하지 않음)', en: 'Author (deprecated)' },
    detail: {
      ko: '예전 방식입니다. `LABEL maintainer="…"`를 쓰세요.',
      en: 'The old way; use `LABEL maintainer="…"`.',
    },
    example: 'LABEL maintainer="user@example.com"',
  },
};
