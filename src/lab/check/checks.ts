// Evaluating one check against the real state. Each failure is one sentence, in Korean
// and English, saying what is missing and what to try.
import { PILLAR_CATEGORIES } from '../../lint';
import type { Localized } from '../../util/i18n';
import type { Check, VariableSpec, VariableValues } from '../labModel';
import { normalizeImageRef, type DockerState, type Environment } from './state';
import { substitute } from '../load/template';
import { isComposeFileName, projectNameFor } from '../../compose';

export interface CheckOutcome {
  /** true: passed; false: failed; undefined: a manual checkpoint the learner ticks. */
  ok: boolean | undefined;
  message?: Localized;
}

/** The default categories of the `lint:` check: the course's four pillars. */
export const PILLARS: readonly string[] = PILLAR_CATEGORIES;

const DEFAULT_TIMEOUT_S: Partial<Record<Check['kind'], number>> = { logs: 15, http: 10 };

const msg = (ko: string, en: string): Localized => ({ ko, en });

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0].slice(0, 200);
}

/** Substitutes templates in every string of a check. */
export function resolveCheck(check: Check, vars: VariableValues, specs: VariableSpec[]): Check {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return substitute(v, vars, specs);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'pos' ? x : walk(x)]));
    return v;
  };
  return walk(check) as Check;
}

function sameImage(given: string, expected: string): boolean {
  return normalizeImageRef(given) === normalizeImageRef(expected);
}

async function once(check: Check, docker: DockerState, env: Environment, remainingMs: number): Promise<CheckOutcome> {
  switch (check.kind) {
    case 'manual':
      return { ok: undefined };

    case 'image': {
      const image = await docker.image(check.ref);
      if (check.absent) {
        return image
          ? { ok: false, message: msg(`이미지 \`${check.ref}\`가 아직 있습니다. \`docker rmi ${check.ref}\`로 지워 보세요.`, `Image \`${check.ref}\` is still there; remove it with \`docker rmi ${check.ref}\`.`) }
          : { ok: true };
      }
      if (!image) {
        return { ok: false, message: msg(`이미지 \`${check.ref}\`가 없습니다. 이 단계의 \`docker pull\`/\`docker build\`/\`docker tag\` 명령을 실행했는지 \`docker images\`로 확인하세요.`, `Image \`${check.ref}\` is missing; run this step's pull/build/tag command and check with \`docker images\`.`) };
      }
      if (check.smallerThan) {
        const other = await docker.image(check.smallerThan);
        if (!other) {
          return { ok: false, message: msg(`비교할 이미지 \`${check.smallerThan}\`가 없습니다. 앞 단계에서 먼저 빌드하세요.`, `Image \`${check.smallerThan}\` to compare with is missing; build it in the earlier step first.`) };
        }
        if (image.size >= other.size) {
          const mb = (n: number): string => (n / 1e6).toFixed(1);
          return { ok: false, message: msg(`\`${check.ref}\`(${mb(image.size)} MB)가 \`${check.smallerThan}\`(${mb(other.size)} MB)보다 작지 않습니다. 멀티 스테이지와 작은 베이스 이미지를 써 보세요.`, `\`${check.ref}\` (${mb(image.size)} MB) is not smaller than \`${check.smallerThan}\` (${mb(other.size)} MB); try a multi-stage build and a smaller base image.`) };
        }
      }
      return { ok: true };
    }

    case 'container': {
      const c = await docker.container(check.name);
      if (check.state === 'absent') {
        return c
          ? { ok: false, message: msg(`컨테이너 \`${check.name}\`가 아직 있습니다(${c.state}). \`docker rm -f ${check.name}\`로 지워 보세요.`, `Container \`${check.name}\` still exists (${c.state}); remove it with \`docker rm -f ${check.name}\`.`) }
          : { ok: true };
      }
      if (!c) {
        return { ok: false, message: msg(`컨테이너 \`${check.name}\`가 없습니다. 이 단계의 \`docker run\` 명령을 실행하고 \`docker ps -a\`로 확인하세요.`, `Container \`${check.name}\` does not exist; run this step's \`docker run\` command and check with \`docker ps -a\`.`) };
      }
      if (check.state && check.state !== 'exists' && c.state !== check.state) {
        const tryKo = check.state === 'running' ? `\`docker logs ${check.name}\`로 멈춘 이유를 보고 \`docker start ${check.name}\`로 시작해 보세요` : `\`docker ps -a\`로 상태를 확인하세요`;
        const tryEn = check.state === 'running' ? `see why it stopped with \`docker logs ${check.name}\` and start it with \`docker start ${check.name}\`` : 'check its state with `docker ps -a`';
        return { ok: false, message: msg(`컨테이너 \`${check.name}\`의 상태가 ${c.state}입니다(기대한 상태: ${check.state}). ${tryKo}.`, `Container \`${check.name}\` is ${c.state}, not ${check.state}; ${tryEn}.`) };
      }
      if (check.image && !sameImage(c.image, check.image)) {
        const expected = await docker.image(check.image);
        if (!expected || expected.id !== c.imageId) {
          return { ok: false, message: msg(`컨테이너 \`${check.name}\`의 이미지가 \`${c.image}\`입니다(기대한 이미지: \`${check.image}\`). 지우고 \`${check.image}\`로 다시 실행하세요.`, `Container \`${check.name}\` runs \`${c.image}\`, not \`${check.image}\`; remove it and run it again from \`${check.image}\`.`) };
        }
      }
      for (const spec of check.ports ?? []) {
        const [left, right] = spec.split('/')[0].split(':');
        const proto = spec.split('/')[1] ?? 'tcp';
        const containerPort = `${right ?? left}/${proto}`;
        const hostPort = right === undefined ? undefined : left;
        const match = c.ports.find((p) => p.containerPort === containerPort && p.hostPort && (hostPort === undefined || p.hostPort === hostPort));
        if (!match) {
          return { ok: false, message: msg(`컨테이너 \`${check.name}\`에 포트 매핑 \`${spec}\`가 없습니다. \`-p ${hostPort ?? '호스트포트'}:${right ?? left}\`로 다시 실행하세요.`, `Container \`${check.name}\` does not publish \`${spec}\`; run it again with \`-p ${hostPort ?? 'HOSTPORT'}:${right ?? left}\`.`) };
        }
      }
      if (check.network && !c.networks.includes(check.network)) {
        return { ok: false, message: msg(`컨테이너 \`${check.name}\`가 네트워크 \`${check.network}\`에 연결되어 있지 않습니다. \`docker network connect ${check.network} ${check.name}\`로 연결하세요.`, `Container \`${check.name}\` is not on network \`${check.network}\`; connect it with \`docker network connect ${check.network} ${check.name}\`.`) };
      }
      for (const [k, v] of Object.entries(check.env ?? {})) {
        if (c.env[k] !== v) {
          return { ok: false, message: msg(`컨테이너 \`${check.name}\`의 환경 변수 \`${k}\` 값이 기대한 값(\`${v}\`)과 다릅니다. \`-e ${k}=${v}\`로 다시 실행하세요.`, `Container \`${check.name}\` does not have \`${k}=${v}\`; run it again with \`-e ${k}=${v}\`.`) };
        }
      }
      return { ok: true };
    }

    case 'network': {
      const n = await docker.network(check.name);
      if (check.absent) {
        return n
          ? { ok: false, message: msg(`네트워크 \`${check.name}\`가 아직 있습니다. \`docker network rm ${check.name}\`로 지워 보세요.`, `Network \`${check.name}\` still exists; remove it with \`docker network rm ${check.name}\`.`) }
          : { ok: true };
      }
      if (!n) {
        return { ok: false, message: msg(`네트워크 \`${check.name}\`가 없습니다. \`docker network create ${check.name}\`를 실행하고 \`docker network ls\`로 확인하세요.`, `Network \`${check.name}\` does not exist; run \`docker network create ${check.name}\` and check with \`docker network ls\`.`) };
      }
      if (check.driver && n.driver !== check.driver) {
        return { ok: false, message: msg(`네트워크 \`${check.name}\`의 드라이버가 ${n.driver}입니다(기대한 드라이버: ${check.driver}). 지우고 \`--driver ${check.driver}\`로 다시 만드세요.`, `Network \`${check.name}\` uses driver ${n.driver}, not ${check.driver}; recreate it with \`--driver ${check.driver}\`.`) };
      }
      if (check.subnet && !n.subnets.includes(check.subnet)) {
        return { ok: false, message: msg(`네트워크 \`${check.name}\`에 서브넷 ${check.subnet} 범위가 없습니다(지금: ${n.subnets.join(', ') || '없음'}). \`--subnet ${check.subnet}\`로 다시 만드세요.`, `Network \`${check.name}\` does not have subnet ${check.subnet} (${n.subnets.join(', ') || 'none'}); recreate it with \`--subnet ${check.subnet}\`.`) };
      }
      for (const name of check.containers ?? []) {
        if (!n.containers.includes(name)) {
          const c = await docker.container(name);
          if (!c?.networks.includes(check.name)) {
            return { ok: false, message: msg(`컨테이너 \`${name}\`가 네트워크 \`${check.name}\`에 없습니다. \`--network ${check.name}\`로 실행하거나 \`docker network connect\`로 연결하세요.`, `Container \`${name}\` is not on network \`${check.name}\`; run it with \`--network ${check.name}\` or use \`docker network connect\`.`) };
          }
        }
      }
      return { ok: true };
    }

    case 'volume': {
      const v = await docker.volume(check.name);
      if (check.absent) {
        return v
          ? { ok: false, message: msg(`볼륨 \`${check.name}\`가 아직 있습니다. \`docker volume rm ${check.name}\`로 지워 보세요.`, `Volume \`${check.name}\` still exists; remove it with \`docker volume rm ${check.name}\`.`) }
          : { ok: true };
      }
      if (!v) {
        return { ok: false, message: msg(`볼륨 \`${check.name}\`가 없습니다. \`docker volume create ${check.name}\`를 실행하고 \`docker volume ls\`로 확인하세요.`, `Volume \`${check.name}\` does not exist; run \`docker volume create ${check.name}\` and check with \`docker volume ls\`.`) };
      }
      if (check.mountedIn) {
        const c = await docker.container(check.mountedIn);
        if (!c) {
          return { ok: false, message: msg(`컨테이너 \`${check.mountedIn}\`가 없습니다. 볼륨을 붙여 실행하는 명령을 먼저 실행하세요.`, `Container \`${check.mountedIn}\` does not exist; run the command that starts it with the volume first.`) };
        }
        const mount = c.mounts.find((m) => m.type === 'volume' && m.name === check.name);
        if (!mount || (check.path && mount.destination !== check.path)) {
          const at = check.path ?? '/경로';
          return { ok: false, message: msg(`볼륨 \`${check.name}\`가 컨테이너 \`${check.mountedIn}\`의 ${check.path ?? ''} 경로에 마운트되어 있지 않습니다. \`-v ${check.name}:${at}\`로 다시 실행하세요.`, `Volume \`${check.name}\` is not mounted in \`${check.mountedIn}\`${check.path ? ` at ${check.path}` : ''}; run it again with \`-v ${check.name}:${check.path ?? '/path'}\`.`) };
        }
      }
      return { ok: true };
    }

    case 'logs': {
      const c = await docker.container(check.container);
      if (!c) {
        return { ok: false, message: msg(`컨테이너 \`${check.container}\`가 없어 로그를 볼 수 없습니다. 먼저 이 단계의 \`docker run\`을 실행하세요.`, `Container \`${check.container}\` does not exist, so it has no logs; run this step's \`docker run\` first.`) };
      }
      const logs = await docker.logs(check.container);
      if (!logs.includes(check.contains)) {
        return { ok: false, message: msg(`컨테이너 \`${check.container}\`의 로그에 아직 "${check.contains}"가 없습니다. 잠시 기다린 뒤 \`docker logs ${check.container}\`로 확인하고 다시 확인하세요.`, `The logs of \`${check.container}\` do not show "${check.contains}" yet; wait a moment, look with \`docker logs ${check.container}\` and check again.`) };
      }
      return { ok: true };
    }

    case 'exec': {
      const c = await docker.container(check.container);
      if (!c || c.state !== 'running') {
        return { ok: false, message: msg(`컨테이너 \`${check.container}\`가 실행 중이 아니라 명령을 실행할 수 없습니다. \`docker ps -a\`로 확인하세요.`, `Container \`${check.container}\` is not running, so nothing can run in it; check with \`docker ps -a\`.`) };
      }
      const shown = check.command.join(' ');
      let result;
      try {
        result = await docker.exec(check.container, check.command, Math.max(5000, remainingMs));
      } catch (err) {
        return { ok: false, message: msg(`\`docker exec ${check.container} ${shown}\`가 실패했습니다: ${errorText(err)}.`, `\`docker exec ${check.container} ${shown}\` failed: ${errorText(err)}.`) };
      }
      const wanted = check.exitCode ?? 0;
      if (result.exitCode !== wanted) {
        const last = result.output.trim().split('\n').pop() ?? '';
        return { ok: false, message: msg(`\`docker exec ${check.container} ${shown}\`의 종료 코드가 ${result.exitCode}입니다(기대한 종료 코드: ${wanted})${last ? ` ("${last.slice(0, 120)}")` : ''}. 같은 네트워크에 있는지 확인하세요.`, `\`docker exec ${check.container} ${shown}\` exited with ${result.exitCode}, not ${wanted}${last ? ` ("${last.slice(0, 120)}")` : ''}; check that the containers share a network.`) };
      }
      if (check.contains && !result.output.includes(check.contains)) {
        return { ok: false, message: msg(`\`docker exec ${check.container} ${shown}\`의 출력에 "${check.contains}"가 없습니다. 직접 실행해 출력을 확인하세요.`, `The output of \`docker exec ${check.container} ${shown}\` does not contain "${check.contains}"; run it yourself and look at the output.`) };
      }
      return { ok: true };
    }

    case 'http': {
      const wanted = check.status ?? 200;
      let res;
      try {
        res = await env.httpGet(check.url, Math.max(2000, Math.min(remainingMs, 10000)));
      } catch (err) {
        return { ok: false, message: msg(`${check.url}에 연결할 수 없습니다(${errorText(err)}). 컨테이너가 실행 중이고 포트가 게시되었는지 \`docker ps\`로 확인하세요.`, `Cannot reach ${check.url} (${errorText(err)}); check with \`docker ps\` that the container runs and publishes the port.`) };
      }
      if (res.status !== wanted) {
        return { ok: false, message: msg(`${check.url}의 응답 코드가 ${res.status}입니다(기대한 코드: ${wanted}). 컨테이너 로그를 확인하세요.`, `${check.url} answered ${res.status}, not ${wanted}; look at the container's logs.`) };
      }
      if (check.contains && !res.body.includes(check.contains)) {
        return { ok: false, message: msg(`${check.url}의 응답에 "${check.contains}"가 없습니다. 올바른 컨테이너가 그 포트에 게시되었는지 확인하세요.`, `The page at ${check.url} does not contain "${check.contains}"; check that the right container publishes that port.`) };
      }
      return { ok: true };
    }

    case 'lint': {
      const categories = check.categories ?? [...PILLARS];
      const findings = await env.lint(check.path, categories);
      if (findings === undefined) {
        return { ok: false, message: msg(`\`${check.path}\` 파일이 없습니다. 작업 폴더에 만들어 저장하세요.`, `\`${check.path}\` does not exist; create and save it in the workspace folder.`) };
      }
      if (findings.length) {
        const f = findings[0];
        const more = findings.length > 1 ? ` (+${findings.length - 1})` : '';
        return { ok: false, message: msg(`\`${check.path}\` ${f.line}번째 줄: ${f.message} [${f.rule}]${more}. 편집기의 빠른 수정을 써 보세요.`, `\`${check.path}\` line ${f.line}: ${f.message} [${f.rule}]${more}; try the editor's quick fix.`) };
      }
      return { ok: true };
    }

    case 'compose':
      return composeOnce(check, docker, env);

    case 'file': {
      const text = await env.readFile(check.path);
      if (text === undefined) {
        return { ok: false, message: msg(`\`${check.path}\` 파일이 없습니다. 작업 폴더에 만들어 저장하세요.`, `\`${check.path}\` does not exist; create and save it in the workspace folder.`) };
      }
      if (check.contains && !text.includes(check.contains)) {
        return { ok: false, message: msg(`\`${check.path}\`에 "${check.contains}"가 없습니다. 파일을 고치고 저장하세요.`, `\`${check.path}\` does not contain "${check.contains}"; edit and save the file.`) };
      }
      return { ok: true };
    }
  }
}

type ComposeCheck = Extract<Check, { kind: 'compose' }>;

/** `compose: pair1-web` names the project; `compose: app/compose.yaml` names a file whose project Compose derives. */
async function composeProject(check: ComposeCheck, env: Environment): Promise<{ name?: string; file?: string }> {
  const base = check.project.split(/[\\/]/).pop() ?? check.project;
  if (!isComposeFileName(base)) return { name: check.project };
  const dirParts = check.project.split(/[\\/]/).slice(0, -1).filter((p) => p && p !== '.');
  const folder = dirParts.length ? dirParts[dirParts.length - 1] : env.folderName;
  const text = await env.readFile(check.project);
  return { name: folder === undefined && text === undefined ? undefined : projectNameFor(text, folder ?? ''), file: check.project };
}

function portPublished(ports: { containerPort: string; hostPort?: string }[], spec: string): boolean {
  const [left, right] = spec.split('/')[0].split(':');
  const proto = spec.split('/')[1] ?? 'tcp';
  const containerPort = `${right ?? left}/${proto}`;
  const hostPort = right === undefined ? undefined : left;
  return ports.some((p) => p.containerPort === containerPort && p.hostPort && (hostPort === undefined || p.hostPort === hostPort));
}

async function composeOnce(check: ComposeCheck, docker: DockerState, env: Environment): Promise<CheckOutcome> {
  const { name: project, file } = await composeProject(check, env);
  if (!project) {
    return { ok: false, message: msg(`\`${check.project}\`의 Compose 프로젝트 이름을 알 수 없습니다. 파일에 \`name:\`을 쓰거나 \`-p\`로 이름을 정하세요.`, `Cannot tell the Compose project of \`${check.project}\`; give it a \`name:\` or run it with \`-p\`.`) };
  }
  const up = file ? `docker compose -f ${file} up -d` : `docker compose -p ${project} up -d`;
  const cli = file ? `docker compose -f ${file}` : `docker compose -p ${project}`;
  const all = await docker.composeContainers(project);
  if (check.absent) {
    if (all.length) {
      const names = all.map((c) => c.name).slice(0, 3).join(', ');
      return { ok: false, message: msg(`Compose 프로젝트 \`${project}\`의 컨테이너가 아직 있습니다(${names}). \`${cli} down\`으로 정리하세요.`, `Compose project \`${project}\` still has containers (${names}); remove them with \`${cli} down\`.`) };
    }
    const networks = await docker.composeNetworks(project);
    if (networks.length) {
      return { ok: false, message: msg(`Compose 프로젝트 \`${project}\`의 네트워크 \`${networks[0]}\`가 아직 있습니다. \`${cli} down\`으로 정리하세요.`, `Compose project \`${project}\` still has network \`${networks[0]}\`; remove it with \`${cli} down\`.`) };
    }
    return { ok: true };
  }
  const replicas = all.filter((c) => !c.oneoff);
  const wantsAny = !check.services || Object.values(check.services).some((s) => s.state !== 'absent');
  if (!replicas.length && wantsAny) {
    return { ok: false, message: msg(`Compose 프로젝트 \`${project}\`의 컨테이너가 없습니다. \`${up}\`을 실행하고 \`${cli} ps\`로 확인하세요.`, `Compose project \`${project}\` has no container; run \`${up}\` and check with \`${cli} ps\`.`) };
  }
  for (const [service, want] of Object.entries(check.services ?? {})) {
    const mine = replicas.filter((c) => c.service === service);
    if (want.state === 'absent') {
      if (mine.length) {
        return { ok: false, message: msg(`Compose 프로젝트 \`${project}\`에 서비스 \`${service}\`의 컨테이너가 아직 있습니다. \`${cli} rm -s -f ${service}\`로 지우거나 파일에서 서비스를 빼고 \`up -d --remove-orphans\`를 실행하세요.`, `Compose project \`${project}\` still has a container of service \`${service}\`; remove it with \`${cli} rm -s -f ${service}\`, or drop the service from the file and run \`up -d --remove-orphans\`.`) };
      }
      continue;
    }
    if (!mine.length) {
      return { ok: false, message: msg(`Compose 프로젝트 \`${project}\`에 서비스 \`${service}\`가 없습니다. compose 파일의 \`services:\`에 \`${service}\`가 있는지 보고 \`${up}\`을 실행하세요.`, `Compose project \`${project}\` has no service \`${service}\`; check that the compose file's \`services:\` has \`${service}\` and run \`${up}\`.`) };
    }
    if (want.state) {
      const wrong = mine.find((c) => c.state !== want.state);
      if (wrong) {
        const tryKo = want.state === 'running' ? `\`${cli} logs ${service}\`로 이유를 보고 \`${cli} start ${service}\`로 시작하세요` : `\`${cli} stop ${service}\`로 멈추세요`;
        const tryEn = want.state === 'running' ? `see why with \`${cli} logs ${service}\` and start it with \`${cli} start ${service}\`` : `stop it with \`${cli} stop ${service}\``;
        return { ok: false, message: msg(`Compose 프로젝트 \`${project}\`의 서비스 \`${service}\`(\`${wrong.name}\`)의 상태가 ${wrong.state}입니다(기대한 상태: ${want.state}). ${tryKo}.`, `Service \`${service}\` of Compose project \`${project}\` (\`${wrong.name}\`) is ${wrong.state}, not ${want.state}; ${tryEn}.`) };
      }
    }
    if (want.replicas !== undefined && mine.length !== Number(want.replicas)) {
      return { ok: false, message: msg(`Compose 프로젝트 \`${project}\`의 서비스 \`${service}\` 컨테이너가 ${want.replicas}개가 아니라 ${mine.length}개입니다. \`${cli} up -d --scale ${service}=${want.replicas}\`를 실행하세요.`, `Service \`${service}\` of Compose project \`${project}\` has ${mine.length} container(s), not ${want.replicas}; run \`${cli} up -d --scale ${service}=${want.replicas}\`.`) };
    }
    for (const spec of want.ports ?? []) {
      if (!mine.some((c) => portPublished(c.ports, spec))) {
        return { ok: false, message: msg(`Compose 프로젝트 \`${project}\`의 서비스 \`${service}\`가 포트 \`${spec}\`를 게시하지 않습니다. 서비스의 \`ports:\`에 \`"${spec}"\`를 쓰고 \`${up}\`을 다시 실행하세요.`, `Service \`${service}\` of Compose project \`${project}\` does not publish \`${spec}\`; add \`"${spec}"\` to its \`ports:\` and run \`${up}\` again.`) };
      }
    }
  }
  for (const key of check.networks ?? []) {
    const name = `${project}_${key}`;
    const n = await docker.network(name);
    if (!n) {
      return { ok: false, message: msg(`Compose 프로젝트 \`${project}\`의 네트워크 \`${name}\`가 없습니다. \`${up}\`으로 만들고 \`docker network ls\`로 확인하세요.`, `Compose project \`${project}\` has no network \`${name}\`; \`${up}\` creates it, check with \`docker network ls\`.`) };
    }
    if (key === 'default') {
      const outside = replicas.find((c) => c.state === 'running' && !c.networks.includes(name));
      if (outside) {
        return { ok: false, message: msg(`\`${outside.name}\`가 프로젝트 네트워크 \`${name}\`에 없습니다. 서비스의 \`networks:\`/\`network_mode:\`를 지우고 \`${up}\`을 다시 실행하세요.`, `\`${outside.name}\` is not on the project network \`${name}\`; remove the service's \`networks:\`/\`network_mode:\` and run \`${up}\` again.`) };
      }
    }
  }
  for (const key of check.volumes ?? []) {
    const name = `${project}_${key}`;
    if (!(await docker.volume(name))) {
      return { ok: false, message: msg(`Compose 프로젝트 \`${project}\`의 볼륨 \`${name}\`가 없습니다. 파일 맨 아래 \`volumes:\`에 \`${key}:\`를 선언하고 서비스에서 \`${key}:/경로\`로 쓴 뒤 \`${up}\`을 실행하세요.`, `Compose project \`${project}\` has no volume \`${name}\`; declare \`${key}:\` under the top-level \`volumes:\`, use it as \`${key}:/path\` in a service and run \`${up}\`.`) };
    }
  }
  return { ok: true };
}

export interface EvaluateOptions {
  /** Cancels waiting (the CLI on Ctrl+C, the editor when the panel closes). */
  signal?: AbortSignal;
  /** Poll interval, ms (tests shorten it). */
  intervalMs?: number;
}

/** Evaluates a resolved check, retrying until it passes or its timeout runs out. */
export async function evaluateCheck(check: Check, docker: DockerState, env: Environment, options: EvaluateOptions = {}): Promise<CheckOutcome> {
  const timeoutMs = 1000 * (check.timeout ?? DEFAULT_TIMEOUT_S[check.kind] ?? 0);
  const deadline = Date.now() + timeoutMs;
  const interval = options.intervalMs ?? 500;
  for (;;) {
    let outcome: CheckOutcome;
    try {
      outcome = await once(check, docker, env, deadline - Date.now());
    } catch (err) {
      outcome = { ok: false, message: msg(`Docker에 물어볼 수 없습니다(${errorText(err)}). Docker가 실행 중인지 확인하세요.`, `Could not ask Docker (${errorText(err)}); check that Docker is running.`) };
    }
    if (outcome.ok !== false || Date.now() + interval > deadline || options.signal?.aborted) return outcome;
    await new Promise((r) => setTimeout(r, interval));
  }
}
