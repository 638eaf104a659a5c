// Text the docker CLI would print, shared by the explorer and the build: sizes in its
// decimal units and the shell line of an argv.

const SIZE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** The decimal unit `bytes` reads best in, as the docker CLI picks it: the largest whose value is at least 1. */
export function sizeUnit(bytes: number): { divisor: number; name: string } {
  let unit = 0;
  while (bytes >= 1000 ** (unit + 1) && unit < SIZE_UNITS.length - 1) unit++;
  return { divisor: 1000 ** unit, name: SIZE_UNITS[unit] };
}

/** Bytes in decimal units with four significant digits, like `docker images` ("4.27MB"). */
export function humanSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  const unit = sizeUnit(bytes);
  return `${Number((bytes / unit.divisor).toPrecision(4))}${unit.name}`;
}

/**
 * The shell line a learner would type, each word quoted only when the shell needs it
 * (`docker run -p 8080:80 -e 'GREETING=hello world' nginx`), as Python's shlex.quote does.
 */
export function commandLine(argv: readonly string[]): string {
  return argv.map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)).join(' ');
}
