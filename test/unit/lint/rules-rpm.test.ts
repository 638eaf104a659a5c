// yum, dnf and microdnf (hadolint DL3030, DL3032, DL3033, DL3038, DL3040, DL3041).
import { testRule } from './ruleTester';

describe('lint rules: yum and dnf', () => {
  testRule('yum-yes', {
    invalid: [
      { name: 'yum install without -y', src: 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all\n', messageId: 'yumYes', covers: 'yum install', data: { tool: 'yum' }, fixed: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n' },
      { name: 'behind sudo, in a && chain', src: 'FROM centos:7\nRUN echo start && sudo yum install httpd && yum clean all\n', messageId: 'yumYes', covers: 'yum install', fixed: 'FROM centos:7\nRUN echo start && sudo yum install -y httpd && yum clean all\n' },
      { name: 'options before the subcommand, package on a continuation line', src: 'FROM centos:7\nRUN yum --setopt=tsflags=nodocs install \\\n      httpd\n', messageId: 'yumYes', fixed: 'FROM centos:7\nRUN yum --setopt=tsflags=nodocs install -y \\\n      httpd\n' },
      { name: 'in a later stage', src: 'FROM alpine:3.20 AS a\nRUN echo hi\nFROM centos:7\nRUN yum install httpd\n', messageId: 'yumYes', line: 4 },
      { name: 'two installs, two findings', src: 'FROM centos:7\nRUN yum install a; yum install b\n', messageId: 'yumYes', count: 2 },
    ],
    valid: [
      { name: '-y', src: 'FROM centos:7\nRUN yum install -y httpd\n' },
      { name: '-y combined with -q', src: 'FROM centos:7\nRUN yum -qy install httpd\n' },
      { name: '--assumeyes after the packages', src: 'FROM centos:7\nRUN yum install httpd --assumeyes\n' },
      { name: 'other subcommands do not ask', src: 'FROM centos:7\nRUN yum makecache && yum clean all\n' },
      { name: 'yum quoted as an argument of echo', src: 'FROM centos:7\nRUN echo "yum install httpd"\n' },
      { name: 'dnf is not yum', src: 'FROM fedora:40\nRUN dnf install -y httpd\n' },
    ],
  });

  testRule('dnf-yes', {
    invalid: [
      { name: 'dnf install without -y', src: 'FROM fedora:40\nRUN dnf install httpd\n', messageId: 'dnfYes', data: { tool: 'dnf' }, fixed: 'FROM fedora:40\nRUN dnf install -y httpd\n' },
      { name: 'absolute path, after sudo -u', src: 'FROM fedora:40\nRUN sudo -u root /usr/bin/dnf install httpd\n', messageId: 'dnfYes', fixed: 'FROM fedora:40\nRUN sudo -u root /usr/bin/dnf install -y httpd\n' },
      { name: 'exec form', src: 'FROM fedora:40\nRUN ["dnf", "install", "httpd"]\n', messageId: 'dnfYes' },
    ],
    valid: [
      { name: '--assumeyes', src: 'FROM fedora:40\nRUN dnf --assumeyes install httpd\n' },
      { name: 'microdnf does not prompt', src: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install httpd\n' },
      { name: 'dnf upgrade is another rule’s business', src: 'FROM fedora:40\nRUN dnf -y upgrade\n' },
    ],
  });

  testRule('yum-clean', {
    invalid: [
      { name: 'install without clean', src: 'FROM centos:7\nRUN yum install -y httpd\n', messageId: 'yumClean', covers: 'yum install -y httpd', data: { tool: 'yum' }, fixed: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n' },
      { name: 'clean in a later RUN does not shrink the layer', src: 'FROM centos:7\nRUN yum install -y httpd\nRUN yum clean all\n', messageId: 'yumClean', line: 2, count: 1 },
      { name: '`yum clean packages` is not all', src: 'FROM centos:7\nRUN yum install -y httpd && yum clean packages\n', messageId: 'yumClean' },
      { name: 'cleaned before the install, not after', src: 'FROM centos:7\nRUN yum clean all && yum install -y httpd\n', messageId: 'yumClean' },
      { name: 'continuation lines: appended at the end', src: 'FROM centos:7\nRUN yum install -y \\\n      httpd \\\n && echo done\n', messageId: 'yumClean', fixed: 'FROM centos:7\nRUN yum install -y \\\n      httpd \\\n && echo done && yum clean all\n' },
      { name: 'inside an if-block: no fix', src: 'FROM centos:7\nRUN if true; then yum install -y httpd; fi\n', messageId: 'yumClean', fix: false },
    ],
    valid: [
      { name: 'yum clean all', src: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n' },
      { name: 'rm -rf /var/cache/yum', src: 'FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum/*\n' },
      { name: 'cache mount', src: 'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n' },
      { name: 'builder stage that does not ship', src: 'FROM centos:7 AS build\nRUN yum install -y gcc\nFROM alpine:3.20\nCOPY --from=build /x /x\n' },
    ],
  });

  testRule('dnf-clean', {
    invalid: [
      { name: 'dnf install without clean', src: 'FROM fedora:40\nRUN dnf install -y httpd\n', messageId: 'dnfClean', fixed: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n' },
      { name: 'microdnf: the fix cleans with microdnf', src: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y httpd\n', messageId: 'dnfClean', data: { tool: 'microdnf' }, fixed: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y httpd && microdnf clean all\n' },
      { name: 'final stage built on a local stage', src: 'FROM fedora:40 AS base\nRUN dnf install -y httpd\nFROM base\n', messageId: 'dnfClean', line: 2 },
      { name: 'cleaned by the other tool: dnf’s cache stays', src: 'FROM fedora:40\nRUN dnf -y install git-2.45.2 && microdnf clean all\n', messageId: 'dnfClean', data: { tool: 'dnf' } },
      { name: 'cleaned before the install', src: 'FROM fedora:40\nRUN dnf clean all && dnf install -y git\n', messageId: 'dnfClean' },
    ],
    valid: [
      { name: 'dnf clean all', src: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n' },
      { name: 'rm -rf /var/cache/dnf', src: 'FROM fedora:40\nRUN dnf install -y httpd && rm -rf /var/cache/dnf\n' },
      { name: 'yum install is yum-clean’s business', src: 'FROM centos:7\nRUN yum install -y httpd\n' },
    ],
  });

  testRule('yum-pin', {
    invalid: [
      { name: 'unpinned packages', src: 'FROM centos:7\nRUN yum install -y httpd mod_ssl-2.4.6 && yum clean all\n', messageId: 'yumPin', covers: 'httpd', data: { packages: 'httpd' } },
      { name: 'several, listed', src: 'FROM centos:7\nRUN yum install -y a b c d e\n', messageId: 'yumPin', data: { packages: 'a, b, c … (+2)' } },
      { name: 'a package name with a dash is not a version', src: 'FROM centos:7\nRUN yum install -y python3-pip\n', messageId: 'yumPin', data: { packages: 'python3-pip' } },
      { name: 'module install without a stream', src: 'FROM rockylinux:8\nRUN yum -y module install php && yum clean all\n', messageId: 'yumPin', covers: 'php', data: { packages: 'php' } },
    ],
    valid: [
      { name: 'name-version', src: 'FROM centos:7\nRUN yum install -y httpd-2.4.6-99.el7\n' },
      { name: 'local rpm and a group', src: 'FROM centos:7\nRUN yum install -y /tmp/x.rpm @development\n' },
      { name: 'a variable', src: 'FROM centos:7\nRUN yum install -y "$PKG"\n' },
      { name: 'the value of --setopt is no package', src: 'FROM centos:7\nRUN yum install -y --setopt tsflags=nodocs httpd-2.4.6\n' },
      { name: 'module install with a stream and a profile', src: 'FROM rockylinux:8\nRUN yum module install -y php:8.2/minimal\n' },
      { name: 'module enable is not an install', src: 'FROM rockylinux:8\nRUN yum module enable -y php\n' },
    ],
  });

  testRule('dnf-pin', {
    invalid: [
      { name: 'dnf unpinned', src: 'FROM fedora:40\nRUN dnf install -y httpd\n', messageId: 'dnfPin', data: { packages: 'httpd' } },
      { name: 'microdnf unpinned, quoted', src: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y "shadow-utils"\n', messageId: 'dnfPin', data: { packages: 'shadow-utils' } },
      { name: 'dnf module install, one of two without a stream', src: 'FROM almalinux:9\nRUN dnf module install -y nodejs:20 maven\n', messageId: 'dnfPin', data: { packages: 'maven' } },
    ],
    valid: [
      { name: 'pinned', src: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n' },
      { name: 'a version glob', src: 'FROM fedora:40\nRUN dnf install -y nodejs-20*\n' },
      { name: 'microdnf module install with a stream', src: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf module install -y nginx:1.24\n' },
    ],
  });
});
