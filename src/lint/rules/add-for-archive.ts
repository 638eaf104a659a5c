import { courseRef, SESSIONS } from '../course';
import { copyOperands } from '../facts/instructions';
import type { Word } from '../parse/model';
import { defineRule } from '../rule';

const ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|zst)|tgz|tbz2?|txz)$/i;

/** Whether a `tar` command extracts (`tar -xzf`, `tar xf`, `tar --extract`). */
function extracts(argv: readonly { value: string }[]): boolean {
  return argv.slice(1).some((w) => w.value === '--extract' || w.value === '--get' || /^-?[A-Za-z]*x[A-Za-z]*$/.test(w.value) && !w.value.startsWith('--'));
}

/** Words of a quoted path with spaces (`"C:\Program Files\app.tar"`) joined back into one span. */
function joinQuoted(words: readonly Word[]): { value: string; start: number; end: number }[] {
  const out: { value: string; start: number; end: number }[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    const q = w.value[0];
    if ((q === '"' || q === "'") && !(w.value.length > 1 && w.value.endsWith(q))) {
      let j = k;
      while (j + 1 < words.length && !words[j].value.endsWith(q)) j++;
      out.push({ value: words.slice(k, j + 1).map((x) => x.value).join(' '), start: w.start, end: words[j].end });
      k = j;
    } else out.push(w);
  }
  return out;
}

/** The file name at the end of a path, `/` or `\` separated, quotes dropped. */
function leaf(path: string): string {
  return path.replace(/^["']|["']$/g, '').split(/[\\/]/).pop() ?? '';
}

export default defineRule({
  meta: {
    id: 'add-for-archive',
    category: 'layer-cache',
    severity: 'info',
    hadolint: 'DL3010',
    title: { ko: '로컬 압축 파일은 ADD로 풀기', en: 'Extract local archives with ADD' },
    messages: {
      addForArchive: {
        ko: '`{archive}`을(를) `COPY`한 뒤 `RUN tar`로 풀고 있습니다. `ADD {archive} 대상/`은 복사하면서 바로 풀어 주므로, 압축 파일이 이미지 레이어에 남지 않습니다.',
        en: '`{archive}` is copied with `COPY` and then unpacked with `RUN tar`. `ADD {archive} dest/` unpacks it while copying, so the archive itself never lands in a layer.',
      },
    },
    docs: {
      description: {
        ko: '`COPY`로 넣은 압축 파일은 나중에 `rm`으로 지워도 그 레이어에 그대로 남아 이미지가 커집니다. 빌드 컨텍스트의 로컬 tar 압축 파일은 `ADD`가 복사하면서 자동으로 풀어 줍니다. (URL에서 받는 파일은 풀리지 않으니 이 경우는 해당되지 않습니다.)',
        en: 'An archive brought in with `COPY` stays in its layer even if a later `rm` deletes it, so the image grows. For a local tar archive from the build context, `ADD` unpacks it as it copies. (Files fetched from a URL are not unpacked, so this does not apply to them.)',
      },
      example: ['# ❌', 'COPY rootfs.tar.gz /tmp/', 'RUN tar -xzf /tmp/rootfs.tar.gz -C / && rm /tmp/rootfs.tar.gz', '# ✅', 'ADD rootfs.tar.gz /'].join('\n'),
    },
    course: courseRef(SESSIONS.imageLayers, { ko: '레이어 시스템 (레이어는 지워지지 않는다)', en: 'The layer system (layers are never removed)' }),
    fixable: false,
  },
  check(ctx) {
    for (const stage of ctx.facts.stages) {
      const copied = new Map<string, { start: number; end: number; value: string }>();
      for (const ins of stage.instructions) {
        if (ins.keyword === 'COPY' && !ins.flags.some((f) => f.name.toLowerCase() === 'from')) {
          const ops = joinQuoted(copyOperands(ins));
          const sources = ops.slice(0, -1);
          const dest = ops[ops.length - 1];
          for (const src of sources) {
            const value = src.value.replace(/^["']|["']$/g, '');
            if (!ARCHIVE.test(value) || value.includes('$')) continue;
            const found = { start: src.start, end: src.end, value };
            // Windows paths (`build\app.tar.gz`): the default escape eats the backslashes
            // from the value, so the file name is read from the source text.
            copied.set(leaf(ctx.text.slice(src.start, src.end)), found);
            // One archive copied to a file name (`COPY app.tar /opt/app.tar`) is extracted by that name.
            const target = leaf(ctx.text.slice(dest.start, dest.end));
            if (sources.length === 1 && ARCHIVE.test(target)) copied.set(target, found);
          }
        } else if (ins.keyword === 'RUN' && copied.size > 0 && ctx.facts.posix(ins)) {
          for (const c of ctx.facts.commands(ins)) {
            if (c.name !== 'tar' || !extracts(c.argv)) continue;
            for (const w of c.argv.slice(1)) {
              const src = copied.get(leaf(w.value));
              if (!src) continue;
              ctx.report({ messageId: 'addForArchive', start: src.start, end: src.end, data: { archive: src.value } });
              for (const [k, v] of copied) if (v === src) copied.delete(k);
            }
          }
        }
      }
    }
  },
});
