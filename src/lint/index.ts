// The Dockerfile linter's public surface (pure: no editor API). The editor
// glue lives in ./vscode, the command line in ../cli/lint.ts, and the lab
// engine's `lint:` check calls `lint` directly.
export { lint, lintText, IncrementalLinter, mergeConfigs, resolveRule, ruleById, ruleErrorFinding, type LintResult, type EngineOptions, type RuleError } from './linter';
export { isShellCheckRef, ShellCheckRunner, shellcheckDockerfile, shellcheckDockerfiles, shellcheckDocsUrl, shellcheckTitle, unavailableMessage, type ShellCheckOutcome } from './shellcheck';
export { PEER_CHECKS_WITHOUT_RULE, RULES } from './rules';
export { defineRule, docsUrl, explanation, RuleContractError, type EditSpec, type FileEditSpec, type FixDescriptor, type MessageData, type ReportDescriptor, type Rule, type RuleContext, type RuleMetaInput } from './rule';
export { applyEdits } from './edits';
// The document model, for capabilities that read a Dockerfile's instructions (the build's
// cache map, the explorer's layer chart linking history to lines).
export { DockerfileModel, type Instr, type Stage } from './parse/model';
export { ignoreEdit } from './ignore';
export { fsBuildContext } from './buildContext';
export { contextPath, dockerignoreMatcher, type DockerignoreMatch, type DockerignoreMatcher } from './dockerignore';
export { loadHadolintConfig, findHadolintConfig, parseHadolintConfig } from './config';
export { INSTRUCTION_DOCS, type InstructionDoc } from './keywords';
export { formatJson, formatSarif, formatText, toJsonFindings, type FileReport, type JsonFinding } from './report';
export { PILLAR_CATEGORIES } from './types';
export type { BuildContext, Category, CourseRef, CourseSession, DockerignoreFile, FileFix, Finding, Fix, LintConfig, LintOptions, Position, Range, RuleDocs, RuleMeta, Severity, SeveritySetting, TextEdit } from './types';
