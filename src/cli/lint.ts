// `docker-labs lint [--format text|json|sarif] FILE…`: lints Dockerfiles with
// the same engine as the editor. Exit code 0 when no error-level finding, 1
// when there is one (or one at the config's `failure-threshold`), 2 for a usage
// error or a file that cannot be read.
// `.hadolint.yaml` / `.hadolint.yml` next to each file or in a folder above it
// is honoured (`--no-config` skips it). `-` reads standard input.
// RUN bodies also go through ShellCheck when it can be run (`--shellcheck PATH`
// names the executable, `--no-shellcheck` skips it; absent, one stderr line says
// so and the rest of the lint is unchanged). A rule that throws is a bug: it
// becomes a `rule-error` finding (error level, so exit code 1) instead of
// silently missing findings.
// The build context (for the `.dockerignore` rules) is each file's folder, or
// `--context DIR` (standard input has one only with `--context`).
import * as fs from 'fs';
import * as path from 'path';
import { version } from '../../package.json';
import { langFromEnv, type Lang } from '../util/i18n';
import { formatJson, formatSarif, formatText, fsBuildContext, lintText, loadHadolintConfig, ruleErrorFinding, ShellCheckRunner, shellcheckDockerfiles, unavailableMessage, type BuildContext, type EngineOptions, type FileReport, type LintConfig, type Severity, type SeveritySetting } from '../lint';
import { pick } from '../util/i18n';

type Format = 'text' | 'json' | 'sarif';
const FORMATS: readonly Format[] = ['text', 'json', 'sarif'];

const USAGE = {
  ko: '사용법: docker-labs lint [--format text|json|sarif] [--no-config] [--context DIR] [--shellcheck PATH | --no-shellcheck] FILE…\n  Dockerfile을 검사합니다(RUN의 셸 스크립트는 ShellCheck로). error 수준 결과나 규칙 오류(rule-error)가 있으면 종료 코드 1, 사용법 오류나 읽을 수 없는 파일은 2.\n  빌드 컨텍스트(.dockerignore 검사용)는 각 파일의 폴더, 또는 --context로 지정한 폴더입니다.\n',
  en: 'usage: docker-labs lint [--format text|json|sarif] [--no-config] [--context DIR] [--shellcheck PATH | --no-shellcheck] FILE…\n  Lints Dockerfiles (RUN shell scripts through ShellCheck). Exit code 1 when an error-level finding or a rule error (rule-error) exists, 2 on a usage error or an unreadable file.\n  The build context (for the .dockerignore checks) is each file\'s folder, or the folder --context names.\n',
};

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string;
}

const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => fs.readFileSync(0, 'utf8'),
};

/** What tests may inject into the engine (a rule set); the command line itself never sets it. */
export type CliEngine = Pick<EngineOptions, 'rules'>;

export async function runLint(args: string[], io: Io = processIo, lang: Lang = langFromEnv(), engine: CliEngine = {}): Promise<number> {
  const ko = lang === 'ko';
  let format: Format = 'text';
  let useConfig = true;
  let shellcheck: string | null = 'shellcheck';
  let contextDir: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') {
      io.stdout(USAGE[lang]);
      return 0;
    }
    if (a === '--format' || a === '-f' || a.startsWith('--format=')) {
      const value = a.startsWith('--format=') ? a.slice(9) : args[++i];
      if (!value || !FORMATS.includes(value as Format)) {
        io.stderr((ko ? `docker-labs lint: 알 수 없는 형식 '${value ?? ''}' (text, json, sarif 중 하나)\n` : `docker-labs lint: unknown format '${value ?? ''}' (expected text, json or sarif)\n`) + USAGE[lang]);
        return 2;
      }
      format = value as Format;
      continue;
    }
    if (a === '--no-config') {
      useConfig = false;
      continue;
    }
    if (a === '--no-shellcheck') {
      shellcheck = null;
      continue;
    }
    if (a === '--shellcheck' || a.startsWith('--shellcheck=')) {
      const value = a.startsWith('--shellcheck=') ? a.slice(13) : args[++i];
      if (!value) {
        io.stderr((ko ? 'docker-labs lint: --shellcheck 에는 실행 파일 경로가 필요합니다\n' : 'docker-labs lint: --shellcheck needs the path of the executable\n') + USAGE[lang]);
        return 2;
      }
      shellcheck = value;
      continue;
    }
    if (a === '--context' || a.startsWith('--context=')) {
      const value = a.startsWith('--context=') ? a.slice(10) : args[++i];
      if (!value || !isDirectory(value)) {
        io.stderr((ko ? `docker-labs lint: --context에는 있는 폴더를 지정하세요 ('${value ?? ''}')\n` : `docker-labs lint: --context needs an existing folder ('${value ?? ''}')\n`) + USAGE[lang]);
        return 2;
      }
      contextDir = path.resolve(value);
      continue;
    }
    if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      io.stderr((ko ? `docker-labs lint: 알 수 없는 옵션 '${a}'\n` : `docker-labs lint: unknown option '${a}'\n`) + USAGE[lang]);
      return 2;
    }
    files.push(a);
  }
  if (files.length === 0) {
    io.stderr((ko ? 'docker-labs lint: 검사할 파일을 지정하세요\n' : 'docker-labs lint: no file given\n') + USAGE[lang]);
    return 2;
  }

  const reports: (FileReport & { threshold?: SeveritySetting })[] = [];
  const checked: { report: FileReport; input: { model: NonNullable<ReturnType<typeof lintText>['model']>; config?: LintConfig } }[] = [];
  let unreadable = false;
  for (const file of files) {
    let text: string;
    try {
      text = file === '-' ? io.readStdin() : fs.readFileSync(file, 'utf8');
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? (ko ? '파일이 없습니다' : 'no such file') : (err as NodeJS.ErrnoException).code === 'EISDIR' ? (ko ? '디렉토리입니다' : 'is a directory') : err instanceof Error ? err.message : String(err);
      io.stderr(`docker-labs lint: ${file}: ${ko ? '읽을 수 없습니다' : 'cannot read'} (${reason})\n`);
      unreadable = true;
      continue;
    }
    let config: LintConfig | undefined;
    if (useConfig) {
      const loaded = loadHadolintConfig(file === '-' ? path.join(process.cwd(), 'Dockerfile') : file);
      if (loaded) {
        for (const p of loaded.problems) io.stderr(`docker-labs lint: ${loaded.path}:${p.line + 1}:${p.character + 1}: ${p.message[lang]}\n`);
        config = loaded.config;
      }
    }
    let context: BuildContext | undefined;
    if (file !== '-') context = fsBuildContext(path.resolve(file), contextDir ?? path.dirname(path.resolve(file)));
    else if (contextDir) context = fsBuildContext(path.join(contextDir, 'Dockerfile'), contextDir);
    const result = lintText(text, { lang, config, context, ...engine });
    const report: FileReport & { threshold?: SeveritySetting } = { file, findings: [...result.ruleErrors.map((e) => ruleErrorFinding(e, lang)), ...result.findings], threshold: config?.failureThreshold };
    reports.push(report);
    if (result.model) checked.push({ report, input: { model: result.model, config } });
  }

  if (shellcheck && checked.length > 0) {
    const outcome = await shellcheckDockerfiles(
      checked.map((c) => c.input),
      new ShellCheckRunner({ executable: shellcheck }),
    );
    if (outcome.status === 'ok') {
      checked.forEach((c, k) => {
        c.report.findings = mergeFindings(c.report.findings, outcome.findings[k]);
      });
    } else if (outcome.status === 'unavailable') {
      io.stderr(`docker-labs lint: ${pick(unavailableMessage(outcome), lang)}\n`);
    }
  }

  if (format === 'json') io.stdout(formatJson(reports));
  else if (format === 'sarif') io.stdout(formatSarif(reports, lang, version));
  else io.stdout(formatText(reports));

  if (unreadable) return 2;
  return reports.some((r) => r.findings.some((f) => fails(f.severity, r.threshold))) ? 1 : 0;
}

const RANK: Record<SeveritySetting, number> = { off: 0, hint: 1, info: 2, warning: 3, error: 4 };

/** Whether a finding fails the run: error-level by default, or at/above the config's `failure-threshold` (`ignore`/`none`: any finding). */
function fails(severity: Severity, threshold: SeveritySetting = 'error'): boolean {
  return RANK[severity] >= RANK[threshold];
}

/** Both lists are sorted by position; the result is too (ours first on a tie). */
function mergeFindings(ours: FileReport['findings'], theirs: FileReport['findings']): FileReport['findings'] {
  if (theirs.length === 0) return ours;
  return [...ours, ...theirs].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
