// Common `.dockerignore` entries offered by completion, each with why it belongs
// there: what is left out of the build context is neither sent to the builder nor
// able to bust the cache of a `COPY . .`.
import type { Localized } from '../util/i18n';

export interface DockerignoreEntry {
  pattern: string;
  doc: Localized;
}

export const DOCKERIGNORE_ENTRIES: readonly DockerignoreEntry[] = [
  { pattern: 'node_modules', doc: { ko: '호스트에 설치된 의존성. 이미지 안에서 `npm ci`로 다시 설치하므로 보내지 않습니다. 컨텍스트가 작아지고 `COPY . .`이 덮어쓰지 않습니다.', en: 'Dependencies installed on the host; the image installs its own with `npm ci`. A smaller context, and `COPY . .` does not overwrite them.' } },
  { pattern: '.git', doc: { ko: 'Git 기록. 크고, 커밋할 때마다 바뀌어 `COPY . .`의 캐시를 깨뜨립니다.', en: 'Git history: large, and it changes with every commit, breaking the cache of `COPY . .`.' } },
  { pattern: '*.log', doc: { ko: '로그 파일. 빌드에 필요 없고 계속 바뀌어 캐시를 깨뜨립니다.', en: 'Log files: not needed by the build, and they keep changing, breaking the cache.' } },
  { pattern: '.env', doc: { ko: '비밀 값이 든 환경 파일. 이미지에 들어가면 누구나 꺼내 볼 수 있습니다.', en: 'Environment file with secrets: anyone with the image could read it.' } },
  { pattern: '.env.*', doc: { ko: '환경별 비밀 파일(`.env.local` 등). `.env`와 같은 이유로 뺍니다.', en: 'Per-environment secret files (`.env.local`…), left out for the same reason as `.env`.' } },
  { pattern: 'Dockerfile*', doc: { ko: 'Dockerfile 자체. 고쳐도 애플리케이션 레이어의 캐시가 깨지지 않습니다(빌더는 따로 읽습니다).', en: 'The Dockerfile itself: editing it then does not bust the application layers’ cache (the builder reads it separately).' } },
  { pattern: '.dockerignore', doc: { ko: '이 파일 자체. 이미지 안에서는 쓸모가 없습니다.', en: 'This file itself: of no use inside the image.' } },
  { pattern: 'dist', doc: { ko: '호스트에서 만든 빌드 결과물. 이미지 안의 빌드 스테이지에서 다시 만듭니다.', en: 'Build output made on the host; the image’s build stage makes its own.' } },
  { pattern: 'build', doc: { ko: '호스트의 빌드 디렉토리. `dist`와 같은 이유로 뺍니다.', en: 'The host’s build directory, left out for the same reason as `dist`.' } },
  { pattern: 'coverage', doc: { ko: '테스트 커버리지 보고서. 실행에 필요 없습니다.', en: 'Test coverage reports: not needed to run the app.' } },
  { pattern: '.vscode', doc: { ko: '에디터 설정. 이미지와 상관없습니다.', en: 'Editor settings: nothing to do with the image.' } },
  { pattern: '.idea', doc: { ko: 'JetBrains IDE 설정. 이미지와 상관없습니다.', en: 'JetBrains IDE settings: nothing to do with the image.' } },
  { pattern: '__pycache__', doc: { ko: 'Python 바이트코드 캐시. 이미지 안에서 다시 만들어집니다.', en: 'Python bytecode cache, recreated inside the image.' } },
  { pattern: '*.pyc', doc: { ko: 'Python 컴파일 파일. `__pycache__`와 같은 이유로 뺍니다.', en: 'Compiled Python files, left out like `__pycache__`.' } },
  { pattern: '.venv', doc: { ko: '호스트의 Python 가상환경. 이미지 안에서 `pip install`로 다시 만듭니다.', en: 'The host’s Python virtualenv; the image runs its own `pip install`.' } },
  { pattern: 'npm-debug.log*', doc: { ko: 'npm 오류 로그. 빌드에 필요 없습니다.', en: 'npm error logs: not needed by the build.' } },
  { pattern: 'docker-compose*.yml', doc: { ko: 'Compose 파일. 이미지 안에서는 쓰지 않습니다.', en: 'Compose files: not used inside the image.' } },
  { pattern: '**/.DS_Store', doc: { ko: 'macOS 폴더 메타데이터. 어느 디렉토리에 있든 뺍니다.', en: 'macOS folder metadata, left out in every directory.' } },
];
