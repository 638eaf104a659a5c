// How rules list package names in a message (shared by the pinning rules).

/** At most three names, then how many more. */
export function listPackages(names: string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} … (+${names.length - 3})`;
}
