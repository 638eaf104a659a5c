// FOUNDATION STUB: replaced by the lab capability.
export async function runLab(_args: string[]): Promise<number> {
  process.stderr.write('docker-labs lab: not built yet\n');
  return 2;
}
