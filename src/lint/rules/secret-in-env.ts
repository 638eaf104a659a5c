import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

const SECRET_WORDS = new Set(['password', 'passwd', 'pword', 'secret', 'secrets', 'token', 'tokens', 'apikey', 'credential', 'credentials', 'privatekey', 'accesskey', 'clientsecret', 'passphrase']);
const SECRET_PAIRS = [
  ['api', 'key'], ['private', 'key'], ['access', 'key'], ['secret', 'key'], ['client', 'secret'], ['auth', 'token'],
  ['signing', 'key'], ['encryption', 'key'], ['master', 'key'],
];
/** A name ending with one of these points at or describes a secret without holding it (`PASSWORD_FILE`). */
const NOT_A_VALUE = new Set(['file', 'path', 'dir', 'directory', 'url', 'uri', 'endpoint', 'host', 'id', 'name', 'type', 'length', 'len', 'size', 'header', 'env', 'var', 'mode', 'enabled', 'format', 'version', 'policy', 'ttl', 'expiry', 'expires', 'min', 'max']);

/** Splits `DB_PASSWORD`, `dbPassword`, `db-password` into lowercase words. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[_\-.]+/)
    .map((w) => w.toLowerCase())
    .filter(Boolean);
}

/** AWS's credential variables (hadolint DL3064 names them): the key id travels with its secret. */
const AWS_CREDENTIALS = new Set(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN']);

export function looksSecret(name: string): boolean {
  if (AWS_CREDENTIALS.has(name.toUpperCase())) return true;
  const w = words(name);
  if (w.length === 0 || w.includes('public') || NOT_A_VALUE.has(w[w.length - 1])) return false;
  if (w.some((x) => SECRET_WORDS.has(x))) return true;
  // As BuildKit's SecretsUsedInArgOrEnv: a name ending in `_KEY`, or with an `AUTH` word (`NPM_AUTH`, `AUTH_SECRET`).
  // A GPG/PGP key in an image is the public one it verifies downloads with (`ENV GPG_KEY=…` in official images).
  if (w.length > 1 && w[w.length - 1] === 'key' && !w.some((x) => x === 'gpg' || x === 'pgp' || x === 'gnupg')) return true;
  if (w.includes('auth')) return true;
  for (let i = 0; i + 1 < w.length; i++) if (SECRET_PAIRS.some(([a, b]) => w[i] === a && w[i + 1] === b)) return true;
  return false;
}

export default defineRule({
  meta: {
    id: 'secret-in-env',
    category: 'security',
    severity: 'warning',
    hadolint: 'DL3064',
    buildkit: 'SecretsUsedInArgOrEnv',
    title: { ko: 'ARG/ENV에 비밀 값 넣지 않기', en: 'Keep secrets out of ARG and ENV' },
    messages: {
      secretInEnv: {
        ko: '`{name}`은(는) 비밀 값으로 보입니다. `{keyword}` 값은 이미지 기록(`docker history`)과 설정에 남습니다. 빌드에는 `RUN --mount=type=secret`, 실행에는 `docker run -e`를 쓰세요.',
        en: '`{name}` looks like a secret. `{keyword}` values stay in the image history (`docker history`) and config. Use `RUN --mount=type=secret` to build and `docker run -e` to run.',
      },
    },
    docs: {
      description: {
        ko: '`ENV`는 이미지에 그대로 저장되어 이미지를 받은 누구나 `docker inspect`로 볼 수 있고, `ARG`도 빌드 기록에 남습니다. 비밀번호나 토큰은 과정의 예처럼 컨테이너를 실행할 때 `-e POSTGRES_PASSWORD=…`로 넘기거나, 빌드 중에만 필요하면 시크릿 마운트를 쓰세요.',
        en: '`ENV` is stored in the image, visible to anyone with `docker inspect`; `ARG` stays in the build history. Pass passwords and tokens when running, `-e POSTGRES_PASSWORD=…` as in the course, or use a secret mount when only the build needs them.',
      },
      example: [
        'RUN --mount=type=secret,id=npm_token \\',
        '    NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '함께 생각해보기: 보안 고려 (Dockerfile에서 보안을 위해 주의할 점)', en: 'Discussion: security (what to watch for in a Dockerfile)' }),
    fixable: false,
  },
  check(ctx) {
    for (const ins of ctx.facts.withTriggers) {
      if (ins.keyword !== 'ARG' && ins.keyword !== 'ENV') continue;
      for (const p of ins.properties) {
        if (looksSecret(p.name)) ctx.report({ messageId: 'secretInEnv', start: p.nameStart, end: p.nameEnd, data: { name: p.name, keyword: ins.keyword } });
      }
    }
  },
});
