// `npm start`: build, package the .vsix, and open Docker Labs in a VS Code.
//
//   npm start [-- [FOLDER] [--locale ko|en] [--port N] [--code-server]]
//
// With the desktop `code` on PATH: an Extension Development Host window on the
// repo (`code --extensionDevelopmentPath`), until that window closes. Otherwise
// (or with --code-server): code-server on 127.0.0.1 with the freshly packaged
// .vsix installed, the URL printed, running until Ctrl-C. FOLDER defaults to a
// workspace folder kept in the harness cache, so lab work survives restarts.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot, codeServerCli, createProfile, ensureCodeServer, startCodeServer, workbenchUrl } from './vscode/code-server.mjs';
import { cleanupAll } from './vscode/cleanup.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (m) => console.log(m);

function parseArgs(argv) {
  const lang = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  const opts = { folder: undefined, locale: lang.startsWith('ko') ? 'ko' : 'en', port: 0, codeServer: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--locale') opts.locale = value();
    else if (flag === '--port') opts.port = Number(value());
    else if (flag === '--code-server') opts.codeServer = true;
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: npm start -- [FOLDER] [--locale ko|en] [--port N] [--code-server]');
      process.exit(0);
    } else if (!flag.startsWith('-') && !opts.folder) opts.folder = resolve(process.env.INIT_CWD ?? process.cwd(), flag);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return opts;
}

function packageExtension() {
  log('building and packaging the .vsix (npm run package)…');
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run package failed');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return join(root, `docker-labs-${version}.vsix`);
}

/** The desktop VS Code CLI, if there is one (not code-server's, not a remote terminal's). */
function desktopCode() {
  if (process.env.VSCODE_IPC_HOOK_CLI) return undefined; // inside a remote/code-server terminal: `code` is its client
  const r = spawnSync('code', ['--version'], { encoding: 'utf8' });
  if (r.status !== 0 || !/^\d+\.\d+\.\d+/.test(r.stdout)) return undefined;
  return 'code';
}

async function runDesktop(code, folder) {
  log(`opening an Extension Development Host in desktop VS Code on ${folder} (close the window or press Ctrl-C to stop)`);
  const child = spawn(code, ['--new-window', '--wait', `--extensionDevelopmentPath=${root}`, folder], { stdio: 'inherit' });
  return new Promise((resolveExit) => child.on('exit', (c) => resolveExit(c ?? 0)));
}

async function runCodeServer(vsix, folder, { locale, port }) {
  const home = await ensureCodeServer({ log });
  const profile = createProfile({ locale, prefix: 'docker-labs-start-' });
  log(`installing ${vsix.slice(root.length + 1)} into code-server…`);
  await codeServerCli(home, profile, ['--install-extension', vsix, '--force']);
  const server = await startCodeServer({ home, profile, log: () => {}, port });
  const url = workbenchUrl(server, { folder });
  log('');
  log(`Docker Labs is running in VS Code ${locale === 'ko' ? '(Korean UI) ' : ''}served by code-server:`);
  log(`  ${url}`);
  log(`workspace: ${folder}`);
  log('Ctrl-C stops it.');
  return new Promise(() => {
    // Runs until a signal; cleanup (cleanup.mjs) stops code-server and removes the profile.
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const folder = opts.folder ?? join(cacheRoot(), 'workspace');
  mkdirSync(folder, { recursive: true });
  const vsix = packageExtension();
  const code = opts.codeServer ? undefined : desktopCode();
  if (code) return runDesktop(code, folder);
  return runCodeServer(vsix, folder, opts);
}

main()
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(`npm start: ${error.message}`);
    await cleanupAll();
    process.exit(1);
  });
