// Which file names are compose files: one place for the compose capability, its editor
// glue and the entry (which loads the compose editor on the first one opened).

/** compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml, docker-compose.<anything>.yml. */
export const COMPOSE_FILE_PATTERN = /^(?:compose\.ya?ml|docker-compose\.ya?ml|docker-compose\.[^/\\]+\.ya?ml)$/;

export function isComposeFileName(name: string): boolean {
  return COMPOSE_FILE_PATTERN.test(name);
}
