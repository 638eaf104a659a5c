// Every rule, in the order findings of equal position are listed. A new rule is
// one module here (see ../rule.ts for the contract) and one line in this list;
// no rule imports another (shared facts live in ../facts/).
import type { Localized } from '../../util/i18n';
import type { Rule } from '../rule';
import addForArchive from './add-for-archive';
import addInsteadOfCopy from './add-instead-of-copy';
import apkNoCache from './apk-no-cache';
import apkPin from './apk-pin';
import aptGetYes from './apt-get-yes';
import aptListsCleanup from './apt-lists-cleanup';
import aptNoInstallRecommends from './apt-no-install-recommends';
import aptPin from './apt-pin';
import aptUpdateAlone from './apt-update-alone';
import aptUpgrade from './apt-upgrade';
import buildInFinalStage from './build-in-final-stage';
import bundlerCacheMount from './bundler-cache-mount';
import cargoCacheMount from './cargo-cache-mount';
import composerCacheMount from './composer-cache-mount';
import consecutiveRun from './consecutive-run';
import containerIrrelevantCommand from './container-irrelevant-command';
import copyContextRoot from './copy-context-root';
import copyBeforeInstall from './copy-before-install';
import copyDestSlash from './copy-dest-slash';
import copyFromOwnStage from './copy-from-own-stage';
import copyFromUnknownStage from './copy-from-unknown-stage';
import copyIgnoredFile from './copy-ignored-file';
import copyRelativeWithoutWorkdir from './copy-relative-without-workdir';
import copyWholeFilesystem from './copy-whole-filesystem';
import dnfClean from './dnf-clean';
import dockerignoreIncomplete from './dockerignore-incomplete';
import dockerignoreMissing from './dockerignore-missing';
import dnfPin from './dnf-pin';
import dnfYes from './dnf-yes';
import duplicateStageName from './duplicate-stage-name';
import emptyContinuation from './empty-continuation';
import envSelfReference from './env-self-reference';
import exposeInvalid from './expose-invalid';
import exposePortRange from './expose-port-range';
import exposeProtoCasing from './expose-proto-casing';
import fromAsCasing from './from-as-casing';
import fromPlatform from './from-platform';
import fromPlatformConst from './from-platform-const';
import fromPlatformRedundant from './from-platform-redundant';
import gemPin from './gem-pin';
import goCacheMount from './go-cache-mount';
import goInstallPin from './go-install-pin';
import gradleCacheMount from './gradle-cache-mount';
import healthcheckMissing from './healthcheck-missing';
import imageLatest from './image-latest';
import imageTag from './image-tag';
import inlineComment from './inline-comment';
import inlineIgnorePragma from './inline-ignore-pragma';
import instructionArguments from './instruction-arguments';
import instructionCasing from './instruction-casing';
import instructionOrder from './instruction-order';
import invalidDefaultArgInFrom from './invalid-default-arg-in-from';
import invalidDefinitionDescription from './invalid-definition-description';
import jsonArgs from './json-args';
import labelEmail from './label-email';
import labelEmpty from './label-empty';
import labelHash from './label-hash';
import labelKeyInvalid from './label-key-invalid';
import labelMissing from './label-missing';
import labelSemver from './label-semver';
import labelSpdx from './label-spdx';
import labelSuperfluous from './label-superfluous';
import labelTime from './label-time';
import labelUrl from './label-url';
import legacyKeyValue from './legacy-key-value';
import maintainerDeprecated from './maintainer-deprecated';
import mavenCacheMount from './maven-cache-mount';
import missingUser from './missing-user';
import mixCacheMount from './mix-cache-mount';
import multipleCmd from './multiple-cmd';
import multipleEntrypoint from './multiple-entrypoint';
import multipleHealthcheck from './multiple-healthcheck';
import noApt from './no-apt';
import noSudo from './no-sudo';
import npmCacheClean from './npm-cache-clean';
import npmPin from './npm-pin';
import nugetCacheMount from './nuget-cache-mount';
import onbuildTrigger from './onbuild-trigger';
import parseError from './parse-error';
import peclPin from './pecl-pin';
import pipNoCacheDir from './pip-no-cache-dir';
import pipPin from './pip-pin';
import pipefail from './pipefail';
import pnpmCacheMount from './pnpm-cache-mount';
import redundantTargetPlatform from './redundant-target-platform';
import reservedStageName from './reserved-stage-name';
import rootUser from './root-user';
import secretInEnv from './secret-in-env';
import shellViaSymlink from './shell-via-symlink';
import smallBaseImage from './small-base-image';
import stageNameCasing from './stage-name-casing';
import toolchainInFinalStage from './toolchain-in-final-stage';
import trustedRegistry from './trusted-registry';
import undefinedArgInFrom from './undefined-arg-in-from';
import undefinedVar from './undefined-var';
import unknownInstruction from './unknown-instruction';
import useWorkdir from './use-workdir';
import userNumeric from './user-numeric';
import useraddHighUid from './useradd-high-uid';
import wgetAndCurl from './wget-and-curl';
import wgetProgress from './wget-progress';
import workdirRelative from './workdir-relative';
import yarnCacheClean from './yarn-cache-clean';
import yumClean from './yum-clean';
import yumPin from './yum-pin';
import yumYes from './yum-yes';
import zypperClean from './zypper-clean';
import zypperDistUpgrade from './zypper-dist-upgrade';
import zypperNonInteractive from './zypper-non-interactive';
import zypperPin from './zypper-pin';

export const RULES: readonly Rule[] = [
  addForArchive,
  addInsteadOfCopy,
  apkNoCache,
  apkPin,
  aptGetYes,
  aptListsCleanup,
  aptNoInstallRecommends,
  aptPin,
  aptUpdateAlone,
  aptUpgrade,
  buildInFinalStage,
  bundlerCacheMount,
  cargoCacheMount,
  composerCacheMount,
  consecutiveRun,
  containerIrrelevantCommand,
  copyContextRoot,
  copyBeforeInstall,
  copyDestSlash,
  copyFromOwnStage,
  copyFromUnknownStage,
  copyIgnoredFile,
  copyRelativeWithoutWorkdir,
  copyWholeFilesystem,
  dnfClean,
  dockerignoreIncomplete,
  dockerignoreMissing,
  dnfPin,
  dnfYes,
  duplicateStageName,
  emptyContinuation,
  envSelfReference,
  exposeInvalid,
  exposePortRange,
  exposeProtoCasing,
  fromAsCasing,
  fromPlatform,
  fromPlatformConst,
  fromPlatformRedundant,
  gemPin,
  goCacheMount,
  goInstallPin,
  gradleCacheMount,
  healthcheckMissing,
  imageLatest,
  imageTag,
  inlineComment,
  inlineIgnorePragma,
  instructionArguments,
  instructionCasing,
  instructionOrder,
  invalidDefaultArgInFrom,
  invalidDefinitionDescription,
  jsonArgs,
  labelEmail,
  labelEmpty,
  labelHash,
  labelKeyInvalid,
  labelMissing,
  labelSemver,
  labelSpdx,
  labelSuperfluous,
  labelTime,
  labelUrl,
  legacyKeyValue,
  maintainerDeprecated,
  mavenCacheMount,
  missingUser,
  mixCacheMount,
  multipleCmd,
  multipleEntrypoint,
  multipleHealthcheck,
  noApt,
  noSudo,
  npmCacheClean,
  npmPin,
  nugetCacheMount,
  onbuildTrigger,
  parseError,
  peclPin,
  pipNoCacheDir,
  pipPin,
  pipefail,
  pnpmCacheMount,
  redundantTargetPlatform,
  reservedStageName,
  rootUser,
  secretInEnv,
  shellViaSymlink,
  smallBaseImage,
  stageNameCasing,
  toolchainInFinalStage,
  trustedRegistry,
  undefinedArgInFrom,
  undefinedVar,
  unknownInstruction,
  useWorkdir,
  userNumeric,
  useraddHighUid,
  wgetAndCurl,
  wgetProgress,
  workdirRelative,
  yarnCacheClean,
  yumClean,
  yumPin,
  yumYes,
  zypperClean,
  zypperDistUpgrade,
  zypperNonInteractive,
  zypperPin,
];

/**
 * Peer checks with no rule here, and why (README's rule notes list them, from
 * scripts/gen-rule-table.mjs): each needs what a Dockerfile does not hold.
 */
export const PEER_CHECKS_WITHOUT_RULE: readonly { buildkit?: string; hadolint?: string; why: Localized }[] = [
  {
    buildkit: 'InvalidBaseImagePlatform',
    why: {
      ko: 'BuildKit은 `FROM` 이미지를 레지스트리(또는 로컬 이미지 저장소)에서 받아 온 뒤, 그 이미지 설정의 OS/아키텍처가 빌드의 대상 플랫폼과 다를 때 보고합니다. 이미지가 어떤 플랫폼으로 나오는지는 레지스트리의 매니페스트에만 있고, 대상 플랫폼은 빌드할 때(`docker build --platform`, 기본은 데몬의 플랫폼) 정해집니다. `FROM --platform=linux/arm64 이미지`도 그 이미지에 arm64가 없을 때만 틀리므로, 오프라인으로 파일만 보는 린터는 판단할 수 없습니다.',
      en: 'BuildKit reports it after resolving the `FROM` image from a registry (or the local image store), when the OS/architecture in that image’s config differs from the build’s target platform. Which platforms an image comes in is only in the registry’s manifest, and the target platform is chosen at build time (`docker build --platform`, by default the daemon’s). Even `FROM --platform=linux/arm64 image` is only wrong when that image has no arm64 variant, so a linter that reads the file alone, offline, cannot decide it.',
    },
  },
];
