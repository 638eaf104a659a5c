// `docker-labs lab`: the lab engine headless, for instructors before class and for CI.
//   list                               built-in sessions
//   show  <session|file.md> [--var k=v]… [--format text|json]   outline, steps, commands, checks (or the problems);
//         with --var: templates filled in, plus the containers, networks, volumes, images and host ports it creates
//   run   <session|file.md> [--var k=v]… [--yes] [--format text|json] [--workdir DIR] [--step ID]… [--audit-checks]
//         --audit-checks: before each step runs, also asks whether its checks already pass
//         (then they observe earlier steps, not this one): for authors and CI
//   reset <session|file.md> [--var k=v]… [--dry-run]
//   pull  <session|file.md> [--var k=v]…
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'node:util';
import { createClient, resolveEndpoint } from '../docker';
import {
  checksPassBeforeRun,
  copyStarter,
  describePlan,
  discoverSessions,
  DockerodeState,
  emptyResources,
  executeReset,
  imagesToPull,
  labHandout,
  labObjects,
  lintForLab,
  loadTarget,
  nodeEnvironment,
  parseVarArgs,
  planIsEmpty,
  planReset,
  publishedHostFor,
  pullAll,
  resolveVariables,
  runStep,
  ShellExecutor,
  starterFiles,
  type Lab,
  type LabProblem,
  type RunContext,
  type StepResult,
  type VariableValues,
} from '../lab';
import { langFromEnv, type Lang, type Localized } from '../util/i18n';

interface Args {
  command?: string;
  target?: string;
  vars: string[];
  steps: string[];
  yes: boolean;
  dryRun: boolean;
  auditChecks: boolean;
  verbose: boolean;
  format: 'text' | 'json';
  workdir?: string;
  lang: Lang;
  help: boolean;
  errors: string[];
}

const OPTIONS = {
  var: { type: 'string', multiple: true },
  step: { type: 'string', multiple: true },
  yes: { type: 'boolean', short: 'y' },
  'dry-run': { type: 'boolean' },
  'audit-checks': { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  format: { type: 'string' },
  workdir: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function readArgs(argv: string[]): Args {
  const a: Args = { vars: [], steps: [], yes: false, dryRun: false, auditChecks: false, verbose: false, format: 'text', lang: langFromEnv(), help: false, errors: [] };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    // Node's own sentence: "Unknown option '--x'", "Option '--var <value>' argument missing".
    a.errors.push((err as Error).message);
    return a;
  }
  const v = parsed.values;
  a.vars = v.var ?? [];
  a.steps = v.step ?? [];
  a.yes = v.yes ?? false;
  a.dryRun = v['dry-run'] ?? false;
  a.auditChecks = v['audit-checks'] ?? false;
  a.verbose = v.verbose ?? false;
  a.workdir = v.workdir;
  a.help = v.help ?? false;
  if (v.format !== undefined) {
    if (v.format === 'text' || v.format === 'json') a.format = v.format;
    else a.errors.push(`--format must be text or json, not ${v.format}`);
  }
  if (v.lang !== undefined) {
    if (v.lang === 'ko' || v.lang === 'en') a.lang = v.lang;
    else a.errors.push('--lang must be ko or en');
  }
  [a.command, a.target] = parsed.positionals;
  for (const extra of parsed.positionals.slice(2)) a.errors.push(`unexpected argument ${extra}`);
  return a;
}

/** Where built-in sessions live: the exercises/ folder next to dist/ (or the repo root from src/). */
export function builtinRoots(): string[] {
  const fromEnv = process.env.DOCKER_LABS_EXERCISES;
  if (fromEnv) return [path.resolve(fromEnv)];
  for (const up of ['..', path.join('..', '..')]) {
    const candidate = path.resolve(__dirname, up, 'exercises');
    if (fs.existsSync(candidate)) return [candidate];
  }
  return [];
}

const USAGE =
  'usage: docker-labs lab list | show <session|file.md> [--var k=v]… [--format text|json] | run <session|file.md> [--var k=v]… [--yes] [--format text|json] [--workdir DIR] [--step ID]… [--audit-checks] | reset <session|file.md> [--var k=v]… [--dry-run] | pull <session|file.md> [--var k=v]…\n' +
  '  show --var pair=N [--format json]: the session as pair N meets it (templates filled) and the containers, networks, volumes, images and host ports it creates\n';

function out(text: string): void {
  process.stdout.write(text);
}

function problemLine(p: LabProblem, lang: Lang): string {
  return `${path.relative(process.cwd(), p.file) || p.file}:${p.line}:${p.column}: error: ${p.message[lang]}\n`;
}

function say(text: Localized, lang: Lang): string {
  return text[lang];
}

function loadOrReport(args: Args): Lab | undefined {
  const result = loadTarget(args.target!, args.lang, builtinRoots());
  if (!result.lab) {
    for (const p of result.problems) process.stderr.write(problemLine(p, args.lang));
    return undefined;
  }
  return result.lab;
}

function variablesOrReport(lab: Lab, args: Args): VariableValues | undefined {
  const given = parseVarArgs(args.vars);
  const resolved = resolveVariables(lab.variables, given.values);
  const problems = [...given.problems, ...resolved.problems];
  for (const name of resolved.unknown) {
    process.stderr.write(`docker-labs lab: ${args.lang === 'ko' ? `이 실습에는 변수 \`${name}\`이(가) 없어 무시합니다` : `this lab has no variable \`${name}\`; ignored`}\n`);
  }
  for (const spec of resolved.missing) {
    problems.push({ ko: `변수 \`${spec.name}\`의 값이 필요합니다: --var ${spec.name}=…`, en: `variable \`${spec.name}\` needs a value: --var ${spec.name}=…` });
  }
  if (problems.length) {
    for (const p of problems) process.stderr.write(`docker-labs lab: ${p[args.lang]}\n`);
    return undefined;
  }
  return resolved.values;
}

function docker(): { state: DockerodeState; client: ReturnType<typeof createClient>; host: string } {
  const endpoint = resolveEndpoint(process.env);
  const client = createClient(endpoint);
  return { state: new DockerodeState(client), client, host: endpoint.host };
}

async function list(args: Args): Promise<number> {
  const sessions = discoverSessions(builtinRoots());
  if (args.format === 'json') {
    out(JSON.stringify(sessions.map((s) => ({ id: s.id, title: s.title, dir: s.dir, problems: s.problems })), null, 2) + '\n');
    return 0;
  }
  if (!sessions.length) out(args.lang === 'ko' ? '내장 세션이 없습니다.\n' : 'No built-in sessions.\n');
  for (const s of sessions) out(`${s.id.padEnd(28)} ${s.title[args.lang]}${s.problems.length ? ` (${s.problems.length} problem(s))` : ''}\n`);
  return 0;
}

async function show(args: Args): Promise<number> {
  const lab = loadOrReport(args);
  if (!lab) return 1;
  // With --var the session is shown as that pair meets it (templates filled, what it creates).
  if (args.vars.length) return showHandout(lab, args);
  if (args.format === 'json') {
    out(JSON.stringify({ ...lab, markdown: undefined }, null, 2) + '\n');
    return 0;
  }
  const ko = args.lang === 'ko';
  out(`${lab.title[args.lang]} (${lab.id})\n${lab.markdownFile}\n`);
  if (lab.variables.length) out(`${ko ? '변수' : 'variables'}: ${lab.variables.map((v) => `${v.name} (${v.type}${v.default !== undefined ? `, ${v.default}` : ''})`).join(', ')}\n`);
  out('\n');
  for (const step of lab.steps) {
    out(`${'#'.repeat(Math.max(1, step.level))} ${step.title || step.id}  [${step.id}]${step.expect ? (ko ? '  (오류 기대)' : '  (expected failure)') : ''}\n`);
    for (const c of step.commands) {
      const marks = [c.interactive ? 'tty' : '', c.longRunning ? 'long-running' : '', c.destructive ? `destructive: ${c.destructive.kind}` : '', c.runnable ? '' : `not runnable: ${c.reason}`].filter(Boolean);
      out(`  ${c.runnable ? '$' : '·'} ${c.text.split('\n')[0]}${marks.length ? `   (${marks.join(', ')})` : ''}\n`);
    }
    for (const m of step.manual) out(`  [ ] ${m.text}\n`);
    for (const c of step.checks) out(`  ✓ ${c.kind}\n`);
  }
  return 0;
}

/** `show --var k=v…`: the session with those values filled in, and the objects and host ports it creates. */
function showHandout(lab: Lab, args: Args): number {
  const vars = variablesOrReport(lab, args);
  if (!vars) return 2;
  const handout = labHandout(lab, vars);
  if (args.format === 'json') {
    out(JSON.stringify(handout, null, 2) + '\n');
    return 0;
  }
  const ko = args.lang === 'ko';
  const given = Object.entries(vars).map(([k, v]) => `${k}=${v}`).join(', ');
  out(`${lab.title[args.lang]} (${lab.id})${given ? `  ${given}` : ''}\n\n`);
  for (const step of handout.steps) {
    out(`${step.title || step.id}  [${step.id}]${step.expect ? (ko ? '  (오류 기대)' : '  (expected failure)') : ''}\n`);
    for (const c of step.commands) out(`  ${c.runnable ? '$' : '·'} ${c.text.split('\n')[0]}\n`);
  }
  const r = handout.resources;
  const rows: [string, string[]][] = [
    [ko ? '컨테이너' : 'containers', r.containers],
    [ko ? '네트워크' : 'networks', r.networks],
    [ko ? '볼륨' : 'volumes', r.volumes],
    [ko ? '이미지' : 'images', r.images],
    [ko ? '호스트 포트' : 'host ports', handout.hostPorts.map(String)],
  ];
  out(`\n${ko ? '이 실습이 만드는 것' : 'What this lab creates'}:\n`);
  for (const [label, list] of rows) out(`  ${label}: ${list.length ? list.join(', ') : '-'}\n`);
  return 0;
}

function workdirFor(lab: Lab, args: Args): string {
  const dir = args.workdir ? path.resolve(args.workdir) : fs.mkdtempSync(path.join(os.tmpdir(), `docker-labs-${lab.id}-`));
  fs.mkdirSync(dir, { recursive: true });
  if (lab.starter) copyStarter(starterFiles(lab.starter, dir), false);
  return dir;
}

function statusMark(status: StepResult['status']): string {
  return status === 'passed' ? '[pass]' : status === 'failed' ? '[FAIL]' : '[skip]';
}

async function run(args: Args): Promise<number> {
  const lab = loadOrReport(args);
  if (!lab) return 1;
  const vars = variablesOrReport(lab, args);
  if (!vars) return 2;
  const lang = args.lang;
  const ko = lang === 'ko';
  const workdir = workdirFor(lab, args);
  const { state, host } = docker();
  const text = args.format === 'text';
  const tracked = emptyResources();
  const ctx: RunContext = {
    lab,
    vars,
    docker: state,
    env: nodeEnvironment(workdir, { lang, lint: lintForLab, publishedHost: publishedHostFor(host) }),
    executor: new ShellExecutor({ cwd: workdir, onOutput: args.verbose && text ? (chunk) => process.stderr.write(chunk) : undefined }),
    headless: true,
    tracked,
    async onDestructive(command, destructive) {
      if (!args.yes) {
        if (text) out(`  ! ${command}\n    ${ko ? '실습 밖의 객체까지 지우는 명령이라 실행하지 않습니다. --yes를 주면 실습 범위의 정리로 대신합니다.' : 'reaches beyond the lab: not run. With --yes the lab-scoped cleanup runs instead.'}\n`);
        return 'skip';
      }
      if (text) out(`  ! ${command}\n    ${ko ? `실습 밖의 객체까지 지우는 명령(${destructive.kind})이라 실습이 만든 객체만 정리합니다:` : `reaches beyond the lab (${destructive.kind}); cleaning up only what the lab created:`}\n`);
      return 'scoped';
    },
    onCommandStart(_step, _index, command) {
      if (text && args.verbose) out(`  $ ${command}\n`);
    },
    onCommandEnd(_step, _index, e) {
      if (text && e.replacedBy) out(e.replacedBy.length ? e.replacedBy.map((a) => `      ${a}\n`).join('') : `      ${ko ? '(정리할 것 없음)' : '(nothing to clean up)'}\n`);
    },
  };
  const abort = new AbortController();
  ctx.signal = abort.signal;
  const onSigint = (): void => abort.abort();
  process.once('SIGINT', onSigint);

  if (text) {
    const varText = Object.entries(vars).map(([k, v]) => `${k}=${v}`).join(' ');
    out(`${lab.title[lang]} (${lab.id})${varText ? ` ${varText}` : ''}\n${ko ? '작업 폴더' : 'workdir'}: ${workdir}\n\n`);
  }
  const steps = args.steps.length ? lab.steps.filter((s) => args.steps.includes(s.id)) : lab.steps;
  for (const id of args.steps) {
    if (!lab.steps.some((s) => s.id === id)) {
      process.stderr.write(`docker-labs lab: ${ko ? `단계 \`${id}\`가 없습니다` : `no step \`${id}\``}\n`);
      return 2;
    }
  }
  const results: (StepResult & { checksPassedBeforeRun?: true })[] = [];
  for (const step of steps) {
    if (abort.signal.aborted) break;
    const passedBefore = args.auditChecks && (await checksPassBeforeRun(ctx, step));
    const result = await runStep(ctx, step);
    results.push(passedBefore ? { ...result, checksPassedBeforeRun: true } : result);
    if (text) {
      out(`${statusMark(result.status)} ${step.id}${step.title ? ` — ${step.title}` : ''}\n`);
      if (passedBefore) out(`       ${ko ? '주의: 이 단계의 확인 항목은 단계를 실행하기 전에 이미 통과했습니다(앞 단계의 상태만 봅니다)' : "warning: this step's checks already passed before it ran (they only observe earlier steps)"}\n`);
      if (result.expectedFailure) out(`       ${ko ? '기대한 오류를 확인했습니다' : 'expected failure recognised'}\n`);
      if (result.reason) out(`       ${say(result.reason, lang)}\n`);
      for (const c of result.commands) {
        if (c.skipped && !c.replacedBy) out(`       - ${c.text.split('\n')[0]}: ${say(c.skipped, lang)}\n`);
        else if (result.status === 'failed' && c.outcome?.observed && c.outcome.exitCode !== 0 && !result.expectedFailure) {
          const tail = (c.outcome.output ?? '').trim().split('\n').slice(-3).join('\n         ');
          out(`       $ ${c.text.split('\n')[0]}  (exit ${c.outcome.exitCode})\n${tail ? `         ${tail}\n` : ''}`);
        }
      }
      for (const n of result.notes) out(`       ${say(n, lang)}\n`);
    }
  }
  process.removeListener('SIGINT', onSigint);

  const passed = results.filter((r) => r.status === 'passed').length;
  const failed = results.filter((r) => r.status === 'failed').length;
  const skipped = results.filter((r) => r.status === 'skipped').length;
  if (text) {
    out(`\n${ko ? '결과' : 'Result'}: ${passed}/${results.length} ${ko ? `단계 통과, 실패 ${failed}, 건너뜀 ${skipped}` : `steps passed, ${failed} failed, ${skipped} skipped`}\n`);
  } else {
    out(
      JSON.stringify(
        {
          session: lab.id,
          title: lab.title,
          variables: vars,
          workdir,
          steps: results.map((r) => ({ ...r, title: lab.steps.find((s) => s.id === r.stepId)?.title })),
          created: tracked,
          summary: { total: results.length, passed, failed, skipped },
        },
        null,
        2,
      ) + '\n',
    );
  }
  return failed > 0 || abort.signal.aborted ? 1 : 0;
}

async function reset(args: Args): Promise<number> {
  const lab = loadOrReport(args);
  if (!lab) return 1;
  const vars = variablesOrReport(lab, args);
  if (!vars) return 2;
  const ko = args.lang === 'ko';
  const { state } = docker();
  const plan = await planReset(state, labObjects(lab, vars));
  const lines = describePlan(plan);
  if (planIsEmpty(plan)) {
    out(ko ? '정리할 실습 객체가 없습니다.\n' : 'No lab objects to remove.\n');
    return 0;
  }
  out((ko ? '실습이 만든 객체만 정리합니다:\n' : 'Removing only what the lab created:\n') + lines.map((l) => `  ${l}\n`).join(''));
  if (args.dryRun) return 0;
  const done = await executeReset(state, plan);
  for (const e of done.errors) process.stderr.write(`  error: ${e}\n`);
  out(ko ? `완료: ${done.done.length}개\n` : `done: ${done.done.length}\n`);
  return done.errors.length ? 1 : 0;
}

async function pull(args: Args): Promise<number> {
  const lab = loadOrReport(args);
  if (!lab) return 1;
  const vars = variablesOrReport(lab, args);
  if (!vars) return 2;
  const images = imagesToPull(lab, vars);
  const { client } = docker();
  let last = '';
  const result = await pullAll(client, images, (p) => {
    const line = `${Math.round(p.fraction * 100)}% ${p.image}`;
    if (line !== last && process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(60)}`);
    last = line;
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  for (const i of result.pulled) out(`pulled ${i}\n`);
  for (const f of result.failed) process.stderr.write(`failed ${f.image}: ${f.error}\n`);
  return result.failed.length ? 1 : 0;
}

export async function runLab(argv: string[]): Promise<number> {
  const args = readArgs(argv);
  if (args.help) return (process.stdout.write(USAGE), 0);
  if (args.errors.length) {
    for (const e of args.errors) process.stderr.write(`docker-labs lab: ${e}\n`);
    process.stderr.write(USAGE);
    return 2;
  }
  if (args.command === 'list') return list(args);
  if (!args.command || !args.target || !['show', 'run', 'reset', 'pull'].includes(args.command)) {
    process.stderr.write(USAGE);
    return args.command === 'help' ? 0 : 2;
  }
  switch (args.command) {
    case 'show':
      return show(args);
    case 'run':
      return run(args);
    case 'reset':
      return reset(args);
    default:
      return pull(args);
  }
}
