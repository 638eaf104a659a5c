// The shell vocabulary shared by the linter (RUN bodies) and the lab (course commands):
// a POSIX tokenizer with exact positions, the wrappers it sees through, line continuations.
export { tokenizeShell, shellWords, execCommand, basename, type ShellWords, type ShellWord, type ShellCommand, type ShellScript, type Separator, type TokenizeOptions } from './tokenize';
export { unwrapCommand, wrappedCommands, innermostCommand } from './wrappers';
export { continuationAt, droppedLinesEnd, joinContinuations, lineContinues, withoutContinuation, type ContinuationOptions } from './continuation';
