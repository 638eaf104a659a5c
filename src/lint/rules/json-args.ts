import { courseRef, SESSIONS } from '../course';
import type { Instr, Stage } from '../parse/model';
import { tokenizeShell } from '../parse/shell';
import { defineRule, type RuleContext } from '../rule';

/** For `["a", "b"]  # note`: the valid array's length and the text after it. */
function trailingAfterArray(raw: string): { length: number; text: string } | null {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) {
      try {
        const value: unknown = JSON.parse(raw.slice(0, i + 1));
        if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return null;
      } catch {
        return null;
      }
      const text = raw.slice(i + 1).trim();
      return text ? { length: i + 1, text } : null;
    }
  }
  return null;
}

function hasShellInstruction(stage: Stage | null): boolean {
  for (let s = stage; s; s = s.parent) if (s.instructions.some((i) => i.keyword === 'SHELL')) return true;
  return false;
}

/** `["node", "server.js"]` for a plain command line; null when it relies on the shell. */
function toExecForm(ctx: RuleContext, ins: Instr): string | null {
  const start = ctx.facts.commandStart(ins);
  const script = tokenizeShell(ctx.text, start, ins.logicalEnd, { dockerfileEscape: ctx.doc.escape });
  if (script.commands.length !== 1) return null;
  const cmd = script.commands[0];
  if (cmd.next !== null || cmd.assignments.length > 0 || cmd.redirects.length > 0 || cmd.depth > 0) return null;
  let argv = cmd.argv;
  if (argv[0]?.value === 'exec' && argv.length > 1) argv = argv.slice(1);
  if (argv.some((w) => w.dynamic || (!w.quoted && /[*?[~]/.test(w.value)))) return null;
  // Anything but blanks after the command (a comment, say) would be lost.
  if (ctx.text.slice(cmd.end, ins.logicalEnd).trim() !== '') return null;
  return '[' + argv.map((w) => JSON.stringify(w.value)).join(', ') + ']';
}

export default defineRule({
  meta: {
    id: 'json-args',
    category: 'correctness',
    severity: 'warning',
    hadolint: 'DL3025',
    buildkit: 'JSONArgsRecommended',
    title: { ko: 'CMD/ENTRYPOINT는 JSON 배열 형식으로', en: 'Use the JSON array form for CMD and ENTRYPOINT' },
    messages: {
      jsonArgs: {
        ko: '`{keyword}`가 셸 형식이라 `/bin/sh -c` 아래에서 실행되어 종료 신호(SIGTERM)를 받지 못합니다. `["실행파일", "인자"]` 형식을 쓰세요.',
        en: '`{keyword}` in shell form runs under `/bin/sh -c` and never receives stop signals (SIGTERM). Use the `["executable", "arg"]` form.',
      },
      textAfterArray: {
        ko: '`{keyword}`의 JSON 배열 뒤에 `{trailing}`이(가) 있어 전체가 셸 명령으로 실행됩니다. 줄 끝 `#`은 주석이 아닙니다. 배열 뒤의 내용을 지우거나 윗줄로 옮기세요.',
        en: 'Text after the JSON array of `{keyword}` (`{trailing}`) makes the whole line a shell command; a trailing `#` is not a comment. Remove it or move it to the line above.',
      },
      invalidJson: {
        ko: '`{keyword}`의 JSON 배열이 올바르지 않아 셸 명령으로 실행됩니다. 모든 항목을 큰따옴표로 감싸고 쉼표로 구분하세요: `["node", "app.js"]`.',
        en: 'The JSON array of `{keyword}` is invalid, so it runs as a shell command. Quote every item with double quotes and separate them with commas: `["node", "app.js"]`.',
      },
      convertToExecForm: { ko: 'JSON 배열 형식으로 바꾸기', en: 'Convert to the JSON array form' },
    },
    docs: {
      description: {
        ko: '셸 형식(`CMD npm start`)은 `/bin/sh -c`가 PID 1이 되고 애플리케이션은 그 자식으로 실행됩니다. `docker stop`의 SIGTERM이 애플리케이션에 전달되지 않아 10초 뒤 강제 종료됩니다. 과정의 예처럼 JSON 배열 형식을 쓰세요.',
        en: 'In shell form (`CMD npm start`) `/bin/sh -c` is PID 1 and the application runs as its child: `docker stop`’s SIGTERM never reaches it, and it is killed after 10 seconds. Use the JSON array form, as the course does.',
      },
      example: [
        '# ❌',
        'CMD npm start',
        '# ✅',
        'CMD ["npm", "start"]',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (CMD / ENTRYPOINT)', en: 'Main instructions (CMD / ENTRYPOINT)' }),
    fixable: true,
  },
  check(ctx) {
    for (const ins of ctx.doc.instructions) {
      if (ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT') continue;
      if (ins.isJsonForm || ins.args.length === 0) continue;
      // An explicit SHELL means the shell form is intended.
      if (hasShellInstruction(ins.stage)) continue;
      const start = ctx.facts.commandStart(ins);
      const args = ins.args;
      // `CMD ["node", app.js]`: meant as JSON, but invalid, so it runs as a shell command.
      const brokenJson = args[0].value.startsWith('[');
      // `CMD ["nginx"]  # comment`: a valid array, but text after it makes the whole line shell form.
      const trailing = brokenJson ? trailingAfterArray(ctx.text.slice(args[0].start, ins.logicalEnd)) : null;
      const exec = brokenJson || ctx.facts.os(ins.stage) === 'windows' ? null : toExecForm(ctx, ins);
      ctx.report({
        start: ins.start,
        end: ins.logicalEnd,
        data: { keyword: ins.keyword, trailing: trailing?.text ?? '' },
        messageId: trailing ? 'textAfterArray' : brokenJson ? 'invalidJson' : 'jsonArgs',
        fix: exec
          ? { messageId: 'convertToExecForm', edits: [{ start: Math.max(start, args[0].start), end: args[args.length - 1].end, text: exec }] }
          : null,
      });
    }
  },
});
