// `docker-labs lint [--format text|json|sarif] FILE…`: lints Dockerfiles with
// the same engine as the editor. Exit code 0 when no error-level finding, 1
// when there is one, 2 for a usage error or a file that cannot be read.
// `.hadolint.yaml` / `.hadolint.yml` next to each file or in a folder above it
// is honoured (`--no-config` skips it). `-` reads standard input. The build
// context (for the `.dockerignore` rules) is each file's folder, or
// `--context DIR` (standard input has one only with `--context`).
import * as fs from 'fs';
import * as path from 'path';
import { version } from '../../package.json';
import { langFromEnv, type Lang } from '../util/i18n';
import { formatJson, formatSarif, formatText, fsBuildContext, lint, loadHadolintConfig, type BuildContext, type FileReport, type LintConfig } from '../lint';

type Format = 'text' | 'json' | 'sarif';
const FORMATS: readonly Format[] = ['text', 'json', 'sarif'];

const USAGE = {
  ko: '사용법: docker-labs lint [--format text|json|sarif] [--no-config] [--context DIR] FILE…\n  Dockerfile을 검사합니다. error 수준 결과가 있으면 종료 코드 1, 사용법 오류나 읽을 수 없는 파일은 2.\n  빌드 컨텍스트(.dockerignore 검사용)는 각 파일의 폴더, 또는 --context로 지정한 폴더입니다.\n',
  en: 'usage: docker-labs lint [--format text|json|sarif] [--no-config] [--context DIR] FILE…\n  Lints Dockerfiles. Exit code 1 when an error-level finding exists, 2 on a usage error or an unreadable file.\n  The build context (for the .dockerignore checks) is each file\'s folder, or the folder --context names.\n',
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

export async function runLint(args: string[], io: Io = processIo, lang: Lang = langFromEnv()): Promise<number> {
  const ko = lang === 'ko';
  let format: Format = 'text';
  let useConfig = true;
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

  const reports: FileReport[] = [];
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
        for (const e of loaded.errors) io.stderr(`docker-labs lint: ${loaded.path}: ${e}\n`);
        config = loaded.config;
      }
    }
    let context: BuildContext | undefined;
    if (file !== '-') context = fsBuildContext(path.resolve(file), contextDir ?? path.dirname(path.resolve(file)));
    else if (contextDir) context = fsBuildContext(path.join(contextDir, 'Dockerfile'), contextDir);
    reports.push({ file, findings: lint(text, { lang, config, context }) });
  }

  if (format === 'json') io.stdout(formatJson(reports));
  else if (format === 'sarif') io.stdout(formatSarif(reports, lang, version));
  else io.stdout(formatText(reports));

  if (unreadable) return 2;
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
