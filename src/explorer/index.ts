// The explorer's public surface: the live model of the daemon's images, containers,
// networks and volumes, the tree built from it, and the actions with their CLI
// equivalents. Editor glue lives in ./vscode.
export { ExplorerModel, type ExplorerModelOptions, type ModelChange } from './explorerModel';
export { GROUPS, listGroup, containerName, type GroupId, type GroupData, type ContainerSummary, type ImageSummary, type NetworkSummary, type VolumeSummary, type HistoryEntry } from './daemonLists';
export { rootNodes, childNodes, layerNodes, present, createGroupNodes, type ExplorerNode, type NodeOf, type NodeView, type TreeState } from './tree';
export {
  containerActions,
  imageActions,
  networkActions,
  volumeActions,
  terminalCommands,
  prunePlan,
  prune,
  apiVersionOf,
  type Planned,
  type ContainerRef,
  type PruneKind,
  type PrunePlan,
  type PruneResult,
} from './actions';
export { parsePorts, parseEnv, validateContainerName, runArgv, type RunOptions, type PortMapping } from './run';
export { pullMessage } from './pull';
export { describeProblem, type ExplorerProblem, type HelpStep } from './problem';
export { commandLine, humanSize, instructionOf } from './format';
export { groupsForEvent, EventWatcher } from './events';
export { networkDiagram, mermaidText, type NetworkDiagram } from './diagram';
export { layerChart, dockerfileSteps, stepKey, barChart, type LayerChart, type LayerRow, type DockerfileStep } from './layerChart';
export { sizeComparison, layerIndexes, type SizeComparison, type ComparedImage, type ComparedLayer, type ImageLayers } from './sizeComparison';
