// `docker-labs` command line: `lint` (the Dockerfile linter) and `lab` (the lab engine).
// Each subcommand lives in its own module and returns the process exit code.
import { langFromEnv } from '../util/i18n';

type Subcommand = (args: string[]) => Promise<number>;

// require() rather than import(): it stays synchronous in the bundle and also works
// when the CLI runs from source through test/register.js.
const subcommands: Record<string, () => Subcommand> = {
  lint: () => (require('./lint') as typeof import('./lint')).runLint,
  lab: () => (require('./lab') as typeof import('./lab')).runLab,
  class: () => (require('./class') as typeof import('./class')).runClass,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? subcommands[name] : undefined;
  if (!load) {
    const ko = langFromEnv() === 'ko';
    process.stderr.write(
      (ko ? '사용법' : 'usage') + ': docker-labs lint [--format text|json|sarif] FILE…\n' +
        '       docker-labs lab list | show <session|file.md> [--var k=v]… [--format text|json] | run <session|file.md> [--var k=v]… [--yes] [--format text|json] | reset <session> [--var k=v]…\n' +
        '       docker-labs class status <session> --pairs 1-12 [--format text|json|csv] [--progress file…]\n',
    );
    return name === '--help' || name === '-h' ? 0 : 2;
  }
  return load()(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`docker-labs: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
