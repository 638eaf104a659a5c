// Facts about one parsed Dockerfile that several rules need, memoized: each
// RUN's commands, the shell in effect, a stage's OS family and base image, the
// variables in scope, how the file indents and cases keywords. One per lint,
// shared by the rules (each through its own RuleContext), so nothing is
// derived twice. Read-only for rules: nothing here reports.
import { imageOs, type OsFamily } from '../images';
import type { DockerfileModel, ImageRef, Instr, Stage } from '../parse/model';
import { basename, execCommand, tokenizeShell, wrappedCommands, type ShellCommand, type ShellScript } from '../parse/shell';

export interface ShellInfo {
  argv: string[];
  /** A POSIX shell (sh, bash, ash, dash, zsh, ksh). */
  posix: boolean;
  /** The SHELL sets `-o pipefail`. */
  pipefail: boolean;
  /** Set by a SHELL instruction (as opposed to the default). */
  explicit: boolean;
}

/** A RUN's script, and its commands each followed by those its wrappers run (the same objects). */
interface ReadScript {
  script: ShellScript;
  commands: ShellCommand[];
}

const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);

export class LintFacts {
  private readonly scripts = new Map<number, ReadScript>();
  private readonly osCache = new Map<number, OsFamily>();
  private readonly shells = new Map<number, ShellInfo>();
  private runList?: Instr[];

  constructor(readonly doc: DockerfileModel) {}

  get text(): string {
    return this.doc.text;
  }

  /**
   * The stages whose instructions rules judge: the implicit stage of the
   * instructions before the first FROM (DockerfileModel.preamble), then every
   * FROM stage. The one place that decides how rules treat a misplaced
   * instruction: as hadolint does, like any other. Rules that judge a FROM line
   * walk `doc.stages` (the implicit stage has none).
   */
  get stages(): readonly Stage[] {
    if (!this.stageList) this.stageList = this.doc.preamble ? [this.doc.preamble, ...this.doc.stages] : this.doc.stages;
    return this.stageList;
  }
  private stageList?: readonly Stage[];

  /** All RUN instructions, in order, `ONBUILD RUN` triggers included (hadolint applies its RUN rules to them). */
  get runs(): Instr[] {
    if (!this.runList) this.runList = this.withTriggers.filter((i) => i.keyword === 'RUN');
    return this.runList;
  }

  /** Every instruction in order, each ONBUILD followed by the instruction it triggers (see DockerfileModel.triggers). */
  get withTriggers(): Instr[] {
    if (!this.allList) {
      const triggers = this.doc.triggers;
      if (triggers.length === 0) this.allList = this.doc.instructions;
      else {
        const out: Instr[] = [];
        let k = 0;
        for (const ins of this.doc.instructions) {
          out.push(ins);
          if (k < triggers.length && triggers[k].onbuild === ins) out.push(triggers[k++]);
        }
        this.allList = out;
      }
    }
    return this.allList;
  }
  private allList?: Instr[];

  /** Where a RUN's (or CMD's…) shell-form command text starts: after the keyword and flags. */
  commandStart(ins: Instr): number {
    const flags = ins.flags;
    return flags.length > 0 ? flags[flags.length - 1].end : ins.keywordEnd;
  }

  /** The commands a RUN executes (shell form, exec form, and heredoc scripts fed to a shell). */
  script(ins: Instr): ShellScript {
    return this.readScript(ins).script;
  }

  /**
   * The script and its commands with wrappers: read from the instruction's text
   * alone, so kept with its parse (Instr.derived) and reused by a re-lint while
   * the instruction is unchanged and in place.
   */
  private readScript(ins: Instr): ReadScript {
    let r = this.scripts.get(ins.index);
    if (!r) {
      r = ins.derived('shell', () => this.buildReadScript(ins));
      this.scripts.set(ins.index, r);
    }
    return r;
  }

  private buildReadScript(ins: Instr): ReadScript {
    const script = this.buildScript(ins);
    const commands: ShellCommand[] = [];
    for (const c of script.commands) commands.push(c, ...wrappedCommands(c));
    return { script, commands };
  }

  private buildScript(ins: Instr): ShellScript {
    const json = ins.json;
    if (json) {
      return execCommand(json.strings.map((w) => ({ value: w.value, start: w.start, end: w.end, quoted: true, dynamic: false })));
    }
    const text = this.doc.text;
    const first = tokenizeShell(text, this.commandStart(ins), ins.logicalEnd, { dockerfileEscape: this.doc.escape });
    if (ins.heredocs.length === 0) return first;
    const commands = [...first.commands];
    let hasPipe = first.hasPipe;
    for (const h of ins.heredocs) {
      const owner = first.commands.find((c) => c.redirects.some((r) => r.op.startsWith('<<') && r.op !== '<<<' && r.target?.value === h.name));
      const runsScript = owner ? POSIX_SHELLS.has(owner.name) && !owner.argv.some((w) => w.value === '-c') : true;
      if (!runsScript) continue;
      const body = tokenizeShell(text, h.bodyStart, h.bodyEnd);
      commands.push(...body.commands);
      hasPipe = hasPipe || body.hasPipe;
    }
    return { commands, hasPipe };
  }

  /** The script's commands, each wrapper (`sudo`, `env`…) followed by the command it runs. */
  commands(ins: Instr): ShellCommand[] {
    return this.readScript(ins).commands;
  }

  /** The shell a RUN in this stage uses at `ins` (SHELL instructions, inherited through `FROM <stage>`). */
  shellAt(ins: Instr): ShellInfo {
    let info = this.shells.get(ins.index);
    if (!info) {
      info = this.findShell(ins);
      this.shells.set(ins.index, info);
    }
    return info;
  }

  private findShell(ins: Instr): ShellInfo {
    let stage: Stage | null = ins.stage;
    let limit = ins.start;
    while (stage) {
      for (let k = stage.instructions.length - 1; k >= 0; k--) {
        const s = stage.instructions[k];
        if (s.start >= limit || s.keyword !== 'SHELL') continue;
        const argv = s.json?.strings.map((w) => w.value) ?? [];
        if (argv.length === 0) continue;
        return describeShell(argv, true);
      }
      stage = stage.parent;
      limit = Infinity;
    }
    return describeShell(this.os(ins.stage) === 'windows' ? ['cmd', '/S', '/C'] : ['/bin/sh', '-c'], false);
  }

  /** The external image a stage is ultimately built on (following `FROM <stage>`), or null. */
  rootImage(stage: Stage | null): ImageRef | null {
    let s = stage;
    for (let guard = 0; s && guard < 100; guard++) {
      if (!s.parent) return s.image;
      s = s.parent;
    }
    return null;
  }

  /** OS family of a stage: from the package manager its RUNs use, else from the base image's name. */
  os(stage: Stage | null): OsFamily {
    if (!stage) return 'unknown';
    const cached = this.osCache.get(stage.index);
    if (cached) return cached;
    let result: OsFamily = 'unknown';
    const root = this.rootImage(stage);
    const fromImage = root ? imageOs(root) : stage.parent ? this.os(stage.parent) : 'unknown';
    if (fromImage === 'windows' || fromImage === 'scratch' || fromImage === 'distroless') {
      result = fromImage;
    } else {
      for (let s: Stage | null = stage; s && result === 'unknown'; s = s.parent) {
        for (const ins of s.instructions) {
          if (ins.keyword !== 'RUN') continue;
          for (const c of this.commands(ins)) {
            if (c.name === 'apk') result = 'alpine';
            else if (c.name === 'apt-get' || c.name === 'apt' || c.name === 'dpkg') result = 'debian';
            else if (c.name === 'yum' || c.name === 'dnf' || c.name === 'microdnf') result = 'rhel';
            if (result !== 'unknown') break;
          }
          if (result !== 'unknown') break;
        }
      }
      if (result === 'unknown') result = fromImage;
    }
    this.osCache.set(stage.index, result);
    return result;
  }

  /** True when RUN commands in this stage are read as POSIX shell (not Windows cmd/PowerShell). */
  posix(ins: Instr): boolean {
    return this.shellAt(ins).posix;
  }

  /**
   * Targets of `RUN --mount=type=cache,target=…` and `type=tmpfs`: either keeps
   * what is written there out of the layer.
   */
  cacheMounts(ins: Instr): string[] {
    const out: string[] = [];
    for (const f of ins.flags) {
      if (f.name !== 'mount' || !f.value) continue;
      const opts = new Map(f.value.split(',').map((kv) => [kv.split('=')[0].trim(), kv.slice(kv.indexOf('=') + 1).trim()] as [string, string]));
      const type = opts.get('type');
      if (type === 'cache' || type === 'tmpfs') {
        const target = opts.get('target') ?? opts.get('dst') ?? opts.get('destination');
        if (target) out.push(target);
      }
    }
    return out;
  }

  /** A cache (or tmpfs) mount of this RUN targets `dir` or a path inside it (`/var/lib/apt/` counts for `/var/lib/apt`). */
  mountsCacheIn(ins: Instr, dir: string): boolean {
    return this.cacheMounts(ins).some((t) => {
      const target = t.replace(/^["']|["']$/g, '').replace(/\/+$/, '');
      return target === dir || target.startsWith(dir + '/');
    });
  }

  /**
   * The RUN keeps apt's package lists out of the layer with cache mounts, as
   * hadolint's DL3009 judges it: one on the lists themselves
   * (`/var/lib/apt/lists`), or one on each of `/var/lib/apt` and
   * `/var/cache/apt` (a mount of only one of the two leaves apt's state in
   * the other, inconsistent with it).
   */
  aptCachesMounted(ins: Instr): boolean {
    return this.mountsCacheIn(ins, '/var/lib/apt/lists') || (this.mountsCacheIn(ins, '/var/lib/apt') && this.mountsCacheIn(ins, '/var/cache/apt'));
  }

  /**
   * The value `export NAME=value` (or `export NAME` of an earlier `NAME=value`)
   * gave NAME earlier in the same RUN script than `cmd`; undefined when none did.
   */
  exportedBefore(ins: Instr, cmd: ShellCommand, name: string): string | undefined {
    let value: string | undefined;
    let shellValue: string | undefined;
    for (const c of this.commands(ins)) {
      if (c === cmd || c.start >= cmd.start) break;
      for (const a of c.assignments) if (a.value.startsWith(name + '=')) shellValue = a.value.slice(name.length + 1);
      if (c.name !== 'export') continue;
      for (const w of c.argv.slice(1)) {
        if (w.value.startsWith(name + '=')) value = w.value.slice(name.length + 1);
        else if (w.value === name && shellValue !== undefined) value = shellValue;
      }
    }
    return value;
  }

  /** ENV names set before `ins` in its stage and the stages it builds on. */
  envBefore(ins: Instr): Set<string> {
    const names = new Set<string>();
    let stage: Stage | null = ins.stage;
    let limit = ins.start;
    while (stage) {
      for (const s of stage.instructions) {
        if (s.start >= limit) break;
        if (s.keyword === 'ENV') for (const p of s.properties) names.add(p.name);
      }
      stage = stage.parent;
      limit = Infinity;
    }
    return names;
  }

  /**
   * Value of a variable at `ins` from ARG/ENV declarations in its stage (and
   * ENV of the stages it builds on): the value, null when declared without
   * one, undefined when not declared here.
   */
  variableAt(ins: Instr, name: string): string | null | undefined {
    let stage: Stage | null = ins.stage;
    let limit = ins.start;
    let own = true;
    while (stage) {
      let value: string | null | undefined;
      for (const s of stage.instructions) {
        if (s.start >= limit) break;
        if (s.keyword === 'ENV' || (own && s.keyword === 'ARG')) {
          for (const p of s.properties) {
            if (p.name !== name) continue;
            if (s.keyword === 'ARG' && p.value === null) {
              const global = this.doc.globalArg(name);
              value = global === undefined ? null : global;
            } else value = p.value;
          }
        }
      }
      if (value !== undefined) return value;
      stage = stage.parent;
      limit = Infinity;
      own = false;
    }
    return undefined;
  }

  /** Indentation of the line `offset` is on. */
  indentAt(offset: number): string {
    const text = this.doc.text;
    const line = this.doc.lines.lineOf(offset);
    const start = this.doc.lines.starts[line];
    let i = start;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    return text.slice(start, i);
  }

  /** Offset of the start of the line `offset` is on. */
  lineStartAt(offset: number): number {
    return this.doc.lines.starts[this.doc.lines.lineOf(offset)];
  }

  get eol(): string {
    return this.doc.lines.eol;
  }

  /** `keyword` in the casing most of the file's instructions use (for lines a fix adds). */
  keyword(keyword: string): string {
    if (this.lowercaseFile === undefined) {
      let lower = 0;
      let upper = 0;
      for (const i of this.doc.instructions) {
        if (i.rawKeyword === i.rawKeyword.toLowerCase()) lower++;
        else if (i.rawKeyword === i.rawKeyword.toUpperCase()) upper++;
      }
      this.lowercaseFile = lower > upper;
    }
    return this.lowercaseFile ? keyword.toLowerCase() : keyword.toUpperCase();
  }
  private lowercaseFile?: boolean;
}

export function describeShell(argv: string[], explicit: boolean): ShellInfo {
  const exe = basename((argv[0] ?? '').replace(/\\/g, '/')).toLowerCase().replace(/\.exe$/, '');
  let pipefail = false;
  for (let i = 1; i < argv.length - 1; i++) {
    if (/^-[a-z]*o$/.test(argv[i]) && argv[i + 1] === 'pipefail') pipefail = true;
  }
  return { argv, posix: POSIX_SHELLS.has(exe), pipefail, explicit };
}
