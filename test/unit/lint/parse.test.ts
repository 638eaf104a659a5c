// The model splits a Dockerfile into instructions exactly where dockerfile-ast
// does when parsing the whole file (each instruction is then parsed on its
// own), and reads directives, heredocs, JSON forms and stages right.
import * as assert from 'assert';
import { Arg, DockerfileParser, Env, JSONInstruction, Label, ModifiableInstruction, type Argument } from 'dockerfile-ast';
import { DockerfileModel } from '../../../src/lint/parse/model';
import { LineIndex } from '../../../src/lint/parse/lines';
import { astShape, corpus, modelShape, mutate, prng } from './helpers';
import { corpusDir, needShared } from '../../support/shared';

const EDGE_CASES: Record<string, string> = {
  'escape directive (backtick)': '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command `\n    Write-Host hi\nWORKDIR C:\\app\n',
  'BOM and CRLF': '\uFEFFFROM alpine:3.20\r\nRUN echo a \\\r\n  && echo b\r\n',
  'lone CR line breaks': 'FROM alpine\rRUN a \\\r b\rCMD c\r',
  'heredocs': 'FROM alpine\nRUN <<EOF\necho a\nEOF\nCOPY <<-"X" <<Y /dest/\n\tx\n\tX\ny\nY\nRUN cat <<EOF > /f\nnot closed\n',
  'comments inside continuations': 'FROM alpine\nRUN a \\\n# comment\n  b \\\n\n  c\n# top\nCMD d\n',
  'keyword split by a continuation': 'FROM alpine\nRU\\\nN echo hi\n',
  'escape then spaces then newline': 'FROM alpine\nRUN a \\   \n  b\n',
  'no trailing newline': 'FROM alpine\nRUN echo hi',
  'only directives': '# syntax=docker/dockerfile:1\n# escape=\\\n',
  'instruction without arguments': 'FROM\nRUN\n\nCMD',
  'ONBUILD with heredoc': 'FROM alpine\nONBUILD RUN <<EOF\necho a\nEOF\nRUN b\n',
  'garbage': '}{ ][ \\\n\\\n"unterminated\n\'\n<<<<\n#\n',
};

describe('lint model: instruction boundaries match dockerfile-ast', () => {
  for (const [name, text] of Object.entries(EDGE_CASES)) {
    it(name, () => assert.deepStrictEqual(modelShape(text), astShape(text)));
  }

  it('on every corpus file', function () {
    const files = corpus();
    if (!files) needShared(this, corpusDir); // ../shared/corpus/dockerfiles is not checked out here
    for (const { name, text } of files!) assert.deepStrictEqual(modelShape(text), astShape(text), name);
  });
});

/**
 * Every instruction's arguments, flags, exec form and properties as the model reads them (most without
 * asking the parser: see Instr.plainWords), and as dockerfile-ast reads them
 * from the whole file: value and offsets of each.
 */
function wordsOf(text: string): { model: string[]; ast: string[] } {
  const m = new DockerfileModel(text);
  const lines = new LineIndex(text);
  const off = (p: { line: number; character: number }) => lines.offset(p);
  const model: string[] = [];
  const ast: string[] = [];
  for (const i of m.instructions) {
    if (m.escape === '\\') model.push(`${i.keyword} json ${jsonShape(i.json)}`);
    model.push(`${i.keyword} args ${i.args.map((a) => `${a.value}@${a.start}-${a.end}`).join(' ')}`);
    model.push(`${i.keyword} flags ${i.flags.map((f) => `${f.name}=${f.value}@${f.start}-${f.end},${f.nameStart}-${f.nameEnd},${f.valueStart}-${f.valueEnd}`).join(' ')}`);
    model.push(`${i.keyword} properties ${i.properties.map((p) => `${p.name}${p.assignment ? '=' : ' '}${p.value}@${p.start}-${p.end},${p.nameStart}-${p.nameEnd},${p.valueStart}-${p.valueEnd}`).join(' | ')}`);
  }
  const astInstructions = DockerfileParser.parse(text).getInstructions();
  for (const [n, i] of astInstructions.entries()) {
    const k = i.getKeyword();
    if (m.escape === '\\') {
      // The exec form: a complete array with nothing after it on the logical line (the model's instruction n ends it).
      const open = i instanceof JSONInstruction ? i.getOpeningBracket() : null;
      const close = i instanceof JSONInstruction ? i.getClosingBracket() : null;
      const complete = i instanceof JSONInstruction && open && close && text.slice(off(close.getRange().end), m.instructions[n].logicalEnd).trim() === '';
      const json = complete ? { open: { start: off(open.getRange().start), end: off(open.getRange().end) }, close: { start: off(close.getRange().start), end: off(close.getRange().end) }, strings: i.getJSONStrings().map((s) => ({ value: s.getJSONValue(), start: off(s.getRange().start), end: off(s.getRange().end) })) } : null;
      ast.push(`${k} json ${jsonShape(json)}`);
    }
    ast.push(`${k} args ${i.getArguments().map((a) => `${a.getValue()}@${off(a.getRange().start)}-${off(a.getRange().end)}`).join(' ')}`);
    // The model's flags lead the arguments: the parser's up to its first word that is no `--flag`
    // (it reads on, `ADD --a x --b` has flag b too, and drops as many words as flags from the arguments).
    const raw = (i as unknown as { getRawArguments(): Argument[] }).getRawArguments();
    const firstOther = raw.find((a) => !a.getValue().startsWith('--'));
    const before = firstOther ? off(firstOther.getRange().start) : Infinity;
    const flags = i instanceof ModifiableInstruction ? i.getFlags().filter((f) => off(f.getRange().start) < before) : [];
    const range = (r: { start: { line: number; character: number }; end: { line: number; character: number } } | null) => (r ? `${off(r.start)}-${off(r.end)}` : 'null-null');
    ast.push(`${k} flags ${flags.map((f) => `${f.getName()}=${f.getValue()}@${range(f.getRange())},${range(f.getNameRange())},${range(f.getValueRange())}`).join(' ')}`);
    const props = i instanceof Env || i instanceof Label || i instanceof Arg ? i.getProperties() : [];
    ast.push(`${k} properties ${props.map((p) => `${p.getName()}${p.getAssignmentOperator() === '=' ? '=' : ' '}${p.getValue()}@${range(p.getRange())},${range(p.getNameRange())},${range(p.getValueRange())}`).join(' | ')}`);
  }
  return { model, ast };
}

function jsonShape(j: { open: { start: number; end: number }; close: { start: number; end: number }; strings: { value: string; start: number; end: number }[] } | null): string {
  return j ? `${j.open.start}-${j.open.end} ${j.strings.map((s) => `${JSON.stringify(s.value)}@${s.start}-${s.end}`).join(',')} ${j.close.start}-${j.close.end}` : 'null';
}

const FLAG_CASES: Record<string, string> = {
  'flags of every kind': 'FROM --platform=$BUILDPLATFORM --x= --y a AS b\nCOPY --from=b --chown=1:1 --link src dst\nADD --checksum=sha256:abc a--b --keep-git-dir x y\nRUN --mount=type=cache,target=/c --network=none echo --not-a-flag\nHEALTHCHECK --interval=5s --retries=3 CMD --x\nHEALTHCHECK none --y\nCMD --a b\n',
  'odd flags': 'COPY -- --= --=x ---y a b\nRUN x--y --z echo\nFROM --\n',
  'tabs, trailing blanks, no arguments': 'FROM\talpine \t\nWORKDIR\nUSER  app  \nEXPOSE 80/tcp\t443\nSTOPSIGNAL SIGTERM',
  'a backslash or a continuation: the parser reads them': 'FROM alpine\nCOPY a\\ b c\nRUN --mount=type=cache,target=/x \\\n  --network=none echo\nWORKDIR C:\\app\n',
  'backtick escape': '# escape=`\nFROM x\nCOPY a`b c\nCOPY C:\\x d\nRUN --mount=a `\n  b\n',
  'CRLF': 'FROM alpine\r\nCOPY --from=x a b\r\nWORKDIR /app\r\n',
  'properties of every form': 'ARG A\nARG B=1 C= =x\nENV D e\nENV F g=h  i\tj\nENV K=l M=${N:-o}:$P\nLABEL q=r s\nENV\nENV T="u v" W=\'x\'\nENV Y=${Z:-a b}\nLABEL "k"=v\n',
  'exec forms': 'CMD ["a"]\nENTRYPOINT [ "/x.sh" , "b" ]  \nCMD ["echo hello", "a\tb"]\nCMD ["a",]\nCMD []\nCMD [ ]\nCMD ["a"] x\nCMD ["a"]]\nCMD ["[a]", ","]\nCMD ["a" "b"]\nRUN --mount=type=cache,target=/x ["sh", "-c", "x"]\nCOPY ["a", "b"]\nHEALTHCHECK CMD ["x"]\nFROM ["x"]\nSHELL ["/bin/sh", "-c"]\nVOLUME ["/data"]\nCMD ["a\\"b"]\nCMD ["\\u0041"]\n',
  'quoted properties': 'ENV A="" B=\'\' C="x y" D=x"y" E="x"y F="a\tb"\nLABEL a="x"\tb=1 c="d"\nARG G="x y"\nENV H "x y"\nENV I="x y\nENV J=\'a "b" c\' K="it\'s"\nLABEL "k"="v" l=\'m\'n\nENV "M"=1\nENV N=${O:-"p q"} R=s\n',
  'properties over continuations': 'ENV A=1 \\\n    B=2\nARG C=\\\n3\n',
};

describe('lint model: arguments, flags, exec forms and properties match dockerfile-ast', () => {
  for (const [name, text] of Object.entries(FLAG_CASES)) {
    it(name, () => {
      const { model, ast } = wordsOf(text);
      assert.deepStrictEqual(model, ast);
    });
  }

  it('on every corpus file and mutated versions of them', function () {
    const files = corpus();
    if (!files) needShared(this, corpusDir);
    const random = prng(12);
    for (const { name, text } of files!) {
      for (const variant of [text, mutate(text, random), mutate(text, random)]) {
        const { model, ast } = wordsOf(variant);
        assert.deepStrictEqual(model, ast, name);
      }
    }
  });
});

describe('lint model: reading', () => {
  it('reads directives and the escape character', () => {
    const m = new DockerfileModel('# syntax=docker/dockerfile:1\n# escape=`\nFROM alpine\nRUN a `\n  b\n');
    assert.strictEqual(m.escape, '`');
    assert.deepStrictEqual(
      m.directives.map((d) => [d.name, d.value]),
      [
        ['syntax', 'docker/dockerfile:1'],
        ['escape', '`'],
      ],
    );
    assert.deepStrictEqual(m.instructions.map((i) => i.keyword), ['FROM', 'RUN']);
    assert.deepStrictEqual(m.instructions[1].args.map((a) => a.value), ['a', 'b']);
  });

  it('gives heredoc bodies and their ends', () => {
    const text = 'FROM alpine\nRUN <<EOF\necho a\necho b\nEOF\nCMD x\n';
    const m = new DockerfileModel(text);
    const h = m.instructions[1].heredocs;
    assert.strictEqual(h.length, 1);
    assert.strictEqual(text.slice(h[0].bodyStart, h[0].bodyEnd), 'echo a\necho b');
    assert.ok(h[0].terminated);
    assert.strictEqual(m.instructions[2].keyword, 'CMD');
  });

  it('reads the JSON form, including continuations with a backtick escape', () => {
    const m = new DockerfileModel('# escape=`\nFROM x\nCMD ["a", `\n     "b c"]\nCMD ["a", b]\n');
    assert.deepStrictEqual(m.instructions[1].json?.strings.map((s) => s.value), ['a', 'b c']);
    assert.strictEqual(m.instructions[2].json, null);
  });

  it('builds stages: names, images through global ARGs, parents, what ships', () => {
    const m = new DockerfileModel('ARG BASE=node:18-alpine\nARG NOPE\nFROM ${BASE} AS deps\nFROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM deps AS final\nFROM $NOPE AS other\nFROM final\n');
    const s = m.stages;
    assert.deepStrictEqual(s.map((x) => x.name), ['deps', 'build', 'final', 'other', null]);
    assert.strictEqual(s[0].image?.name, 'node');
    assert.strictEqual(s[0].image?.tag, '18-alpine');
    assert.strictEqual(s[1].image?.path, 'golang');
    assert.strictEqual(s[2].parent, s[0]);
    assert.strictEqual(s[3].image, null);
    assert.strictEqual(s[4].parent, s[2]);
    assert.deepStrictEqual(s.map((x) => x.ships), [true, false, true, false, true]);
    assert.deepStrictEqual(m.globalArgs.map((a) => a.properties[0].name), ['BASE', 'NOPE']);
  });

  it('parses image references', () => {
    const m = new DockerfileModel('FROM localhost:5000/team/app:1.2@sha256:abc\nFROM mcr.microsoft.com/dotnet/sdk:8.0\n');
    const [a, b] = m.stages.map((s) => s.image!);
    assert.deepStrictEqual([a.registry, a.path, a.name, a.tag, a.digest], ['localhost:5000', 'team/app', 'app', '1.2', 'sha256:abc']);
    assert.deepStrictEqual([b.registry, b.path, b.tag], ['mcr.microsoft.com', 'dotnet/sdk', '8.0']);
  });
});
