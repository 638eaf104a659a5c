// `docker-labs` command line: `lint` (the Dockerfile linter) and `lab` (the lab engine).
// Each subcommand lives in its own module and returns the process exit code.
import { langFromEnv } from '../util/i18n';

type Subcommand = (args: string[]) => Promise<number>;

const subcommands: Record<string, () => Promise<Subcommand>> = {
  lint: async () => (await import('./lint')).runLint,
  lab: async () => (await import('./lab')).runLab,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? subcommands[name] : undefined;
  if (!load) {
    const ko = langFromEnv() === 'ko';
    process.stderr.write(
      (ko ? '사용법' : 'usage') + ': docker-labs lint [--format text|json|sarif] FILE…\n' +
        '       docker-labs lab list | show <session|file.md> | run <session|file.md> [--var k=v]… [--yes] [--format text|json] | reset <session> [--var k=v]…\n',
    );
    return name === '--help' || name === '-h' ? 0 : 2;
  }
  return (await load())(rest);
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
