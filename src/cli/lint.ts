// FOUNDATION STUB: replaced by the linter capability.
export async function runLint(_args: string[]): Promise<number> {
  process.stderr.write('docker-labs lint: not built yet\n');
  return 2;
}
