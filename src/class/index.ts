// The instructor's classroom: for one session on one host, every pair's steps checked
// read-only against the daemon (the lab engine's own checks), learners' progress files
// merged in, the grid as CSV, and a pair's scoped reset. No editor API here (see vscode/).
export { classStatus, pairRow, pairVariable, pairValues, snapshotState, type CellStatus, type ClassCell, type ClassGrid, type ClassRow, type ClassSource, type Inventory } from './grid';
export { mergeProgress, parseProgressFile, type ParsedProgress } from './progress';
export { classCsv } from './csv';
export { parsePairRange } from './pairs';
export { planPairReset, resetPair, type PairResetPlan } from './reset';
export { dockerClassSource, listInventory } from './source';
export { classPageHtml, type ClassPage, type ClassPageTexts } from './view';
