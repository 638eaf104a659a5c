// Text the docker CLI would print, shared by the explorer and the build: sizes in its
// decimal units and the shell line of an argv.

const SIZE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** Bytes in decimal units with four significant digits, like `docker images` ("4.27MB"). */
export function humanSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < SIZE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${Number(value.toPrecision(4))}${SIZE_UNITS[unit]}`;
}

/**
 * The shell line a learner would type, each word quoted only when the shell needs it
 * (`docker run -p 8080:80 -e 'GREETING=hello world' nginx`), as Python's shlex.quote does.
 */
export function commandLine(argv: readonly string[]): string {
  return argv.map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)).join(' ');
}
