import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** Why a label key breaks Docker's key guidelines, or null when it follows them. */
export function labelKeyProblem(key: string): 'reserved' | 'form' | null {
  const k = key.toLowerCase();
  if (RESERVED.some((r) => k.startsWith(r))) return 'reserved';
  // Docker's guidelines: begin with a lower-case letter, end with a letter or digit.
  if (!/^[a-z]([a-z0-9.-]*[a-z0-9])?$/.test(key) || /[.-]{2}/.test(key)) return 'form';
  return null;
}

export default defineRule({
  meta: {
    id: 'label-key-invalid',
    category: 'maintainability',
    severity: 'hint',
    hadolint: 'DL3048',
    title: { ko: '레이블 키 형식', en: 'Label key format' },
    messages: {
      labelKeyForm: {
        ko: '레이블 키 `{key}`: 소문자, 숫자, `.`, `-`만 쓰고, 영문자나 숫자로 시작하고 끝나며, `.`이나 `-`를 연달아 쓰지 마세요 (예: `org.opencontainers.image.version`).',
        en: 'Label key `{key}`: use lowercase letters, digits, `.` and `-` only, begin and end with a letter or digit, and never two `.`/`-` in a row (e.g. `org.opencontainers.image.version`).',
      },
      labelKeyReserved: {
        ko: '레이블 키 `{key}`: `com.docker.*`, `io.docker.*`, `org.dockerproject.*`는 Docker가 쓰려고 예약해 둔 이름입니다.',
        en: 'Label key `{key}`: `com.docker.*`, `io.docker.*` and `org.dockerproject.*` are reserved for Docker’s own use.',
      },
    },
    docs: {
      description: {
        ko: '레이블은 이미지에 붙이는 `키=값` 메타데이터입니다. 다른 도구와 겹치지 않도록 키는 `org.opencontainers.image.source`처럼 도메인을 거꾸로 쓴 소문자 이름으로 짓는 것이 Docker의 권장 사항입니다.',
        en: 'Labels are `key=value` metadata on an image. So that keys from different tools never clash, Docker recommends lowercase reverse-domain names such as `org.opencontainers.image.source`.',
      },
      example: ['# ❌', 'LABEL Version=1.0 my_label=x', '# ✅', 'LABEL org.opencontainers.image.version=1.0'].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (LABEL: 메타데이터)', en: 'Main instructions (LABEL: metadata)' }),
    fixable: false,
  },
  check(ctx) {
    // Names declared by ARG / ENV so far: a key built from one (`${K}=1`) is judged once the
    // build expands it, so it is left alone; a `$` naming nothing declared is just a bad character.
    const declared = new Set<string>();
    for (const ins of ctx.doc.instructions) {
      if (ins.keyword === 'ARG' || ins.keyword === 'ENV') for (const p of ins.properties) declared.add(p.name);
      if (ins.keyword !== 'LABEL') continue;
      for (const p of ins.properties) {
        const key = p.name.replace(/^["']|["']$/g, '');
        const vars = [...key.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
        if (vars.some((v) => declared.has(v))) continue;
        const problem = labelKeyProblem(key);
        if (problem) ctx.report({ messageId: problem === 'reserved' ? 'labelKeyReserved' : 'labelKeyForm', start: p.nameStart, end: p.nameEnd, data: { key } });
      }
    }
  },
});
