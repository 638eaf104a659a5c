// What the explorer shows when Docker cannot be reached or refuses something. The
// wording comes from src/docker/errors.ts (shared with the labs); this adds the short
// cause the tree's problem node shows beside the endpoint, and turns the fixes into
// help steps (each a sentence and, where there is one, a command for the terminal).
import { describeDockerError, type ConnectionCause, type DaemonCause } from '../docker';
import type { Localized } from '../util/i18n';

export interface HelpStep {
  text: Localized;
  /** A command the learner can run; the tree puts it at the terminal prompt. */
  command?: string;
}

export interface ExplorerProblem {
  /** True when the daemon itself is unreachable (the whole tree becomes one node). */
  connection: boolean;
  kind: ConnectionCause | DaemonCause;
  /** Short for a connection problem ("not running"), the whole sentence for a refusal. */
  cause: Localized;
  /** One sentence: what happened and what to do. */
  message: Localized;
  help: HelpStep[];
  /** The daemon's or the system's own words, for the output channel. */
  detail: string;
}

const t = (ko: string, en: string): Localized => ({ ko, en });

const SHORT_CAUSE: Record<ConnectionCause, Localized> = {
  'not-running': t('데몬이 실행 중이 아닙니다', 'the daemon is not running'),
  'permission-denied': t('소켓 접근 권한이 없습니다', 'permission denied on the socket'),
  'no-such-host': t('호스트를 찾을 수 없습니다', 'no such host'),
  unreachable: t('데몬이 응답하지 않습니다', 'the daemon does not answer'),
  tls: t('TLS 연결 실패', 'TLS connection failed'),
  'ssh-auth': t('SSH 로그인 실패', 'SSH login failed'),
  'ssh-unreachable': t('SSH 서버에 연결할 수 없습니다', 'SSH server unreachable'),
  'ssh-no-docker': t('서버에 docker가 없습니다', 'no docker on the server'),
  'ssh-host-key': t('SSH 호스트 키를 확인할 수 없습니다', 'SSH host key not verified'),
  endpoint: t('엔드포인트를 쓸 수 없습니다', 'unusable endpoint'),
};

const CHECK_CONTEXT: HelpStep = {
  text: t('docker CLI가 쓰는 엔드포인트를 확인하세요', 'Check which endpoint the docker CLI uses'),
  command: 'docker context ls',
};

/** The explorer's view of any error from the daemon or the connection. */
export function describeProblem(err: unknown, endpoint?: string, platform: NodeJS.Platform = process.platform): ExplorerProblem {
  const p = describeDockerError(err, { endpoint, platform });
  if (!p.connection) {
    return { connection: false, kind: p.cause, cause: p.message, message: p.message, help: [], detail: p.detail };
  }
  const cause = p.cause as ConnectionCause;
  const help: HelpStep[] = [{ text: p.help, command: p.commands[0] }];
  for (const command of p.commands.slice(1)) help.push({ text: p.help, command });
  if (!p.commands.includes(CHECK_CONTEXT.command ?? '')) help.push(CHECK_CONTEXT);
  return { connection: true, kind: cause, cause: SHORT_CAUSE[cause] ?? p.message, message: p.message, help, detail: p.detail };
}
