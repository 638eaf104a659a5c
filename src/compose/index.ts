// Compose, as the explorer (and the lab) speak it: projects and services read from the
// labels Compose puts on containers, the `docker compose` / `docker-compose` line for
// an action and the one that runs it, Convert to Compose (inspect data → compose.yaml), and
// the compose file editor's engine (schema diagnostics, completion, hover; editor glue in vscode/).
// No editor API here.
export { COMPOSE_LABELS, composeLabelsOf, groupByProject, type ComposeLabels, type ComposeProject, type ComposeService, type ComposeGrouping } from './labels';
export {
  COMPOSE_V1,
  COMPOSE_V2,
  COMPOSE_FILE_PATTERN,
  chooseComposeCli,
  composeArgv,
  composeFileArgv,
  actionWords,
  isComposeFileName,
  type ComposeCli,
  type ComposeAvailability,
  type ComposeTarget,
  type ComposeAction,
} from './cli';
export { runCompose, detectComposeCli, ComposeFailed, type ComposeRunOptions } from './process';
export { convertToCompose, serviceNameOf, portsOf, envOf, CONVERT_TEXT, type ContainerInspect, type ImageInspect, type ConvertOptions, type Conversion } from './convert';
export { composeDiagnostics, type ComposeProblem, type ComposeSeverity } from './editor/diagnostics';
export { composeCompletions, composeHover, type ComposeCompletion, type ComposeHover } from './editor/assist';
export { normalizeProjectName, projectNameFor } from './projectName';
