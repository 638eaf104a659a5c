// Terminal output as text: what shell integration's execution.read() returns carries the
// shell's escape sequences (colours, OSC 633 marks) and carriage returns.

/** CSI / OSC escape sequences the shell adds to what execution.read() returns. */
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '').replace(/\r/g, '');
}
