// The linter's view of the shared shell tokenizer (src/shell): rules import it from here.
export { tokenizeShell, execCommand, unwrapCommand, wrappedCommands, basename, type ShellWord, type ShellCommand, type ShellScript, type Separator, type TokenizeOptions } from '../../shell';
