// zypper (hadolint DL3034, DL3035, DL3036, DL3037).
import { testRule } from './ruleTester';

describe('lint rules: zypper', () => {
  testRule('zypper-non-interactive', {
    invalid: [
      { name: 'zypper install without -n', src: 'FROM opensuse/leap:15.6\nRUN zypper install curl=8.6.0\n', messageId: 'zypperNonInteractive', covers: 'zypper install', data: { sub: 'install' }, fixed: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0\n' },
      { name: 'short alias, behind sudo, after &&', src: 'FROM opensuse/leap:15.6\nRUN zypper refresh && sudo zypper in curl\n', messageId: 'zypperNonInteractive', data: { sub: 'in' }, fixed: 'FROM opensuse/leap:15.6\nRUN zypper refresh && sudo zypper -n in curl\n' },
      { name: 'remove asks too', src: 'FROM opensuse/leap:15.6\nRUN zypper rm vim\n', messageId: 'zypperNonInteractive', data: { sub: 'rm' } },
      { name: '-n after the subcommand is not the global option', src: 'FROM opensuse/leap:15.6\nRUN zypper install -n curl\n', messageId: 'zypperNonInteractive' },
      { name: 'later stage', src: 'FROM alpine:3.20 AS tools\nFROM opensuse/leap:15.6\nRUN zypper install curl\n', messageId: 'zypperNonInteractive', line: 3 },
    ],
    valid: [
      { name: '-n', src: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n' },
      { name: '--non-interactive with another global option', src: 'FROM opensuse/leap:15.6\nRUN zypper --quiet --non-interactive in curl\n' },
      { name: '-y after the subcommand', src: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl\n' },
      { name: '--no-confirm', src: 'FROM opensuse/leap:15.6\nRUN zypper rm --no-confirm vim\n' },
      { name: 'refresh does not ask', src: 'FROM opensuse/leap:15.6\nRUN zypper refresh\n' },
    ],
  });

  testRule('zypper-dist-upgrade', {
    invalid: [
      { name: 'dist-upgrade', src: 'FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade\n', messageId: 'zypperDistUpgrade', covers: 'zypper -n dist-upgrade', data: { sub: 'dist-upgrade' } },
      { name: 'dup in a chain', src: 'FROM opensuse/tumbleweed\nRUN zypper ref && zypper --non-interactive dup && zypper clean\n', messageId: 'zypperDistUpgrade', data: { sub: 'dup' } },
    ],
    valid: [
      { name: 'update is not dist-upgrade', src: 'FROM opensuse/leap:15.6\nRUN zypper -n update\n' },
      { name: 'dup as a package name', src: 'FROM opensuse/leap:15.6\nRUN zypper -n install dup\n' },
    ],
  });

  testRule('zypper-clean', {
    invalid: [
      { name: 'install without clean', src: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0\n', messageId: 'zypperClean', fixed: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean\n' },
      { name: 'clean in a later RUN', src: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl\nRUN zypper clean\n', messageId: 'zypperClean', line: 2 },
    ],
    valid: [
      { name: 'zypper clean', src: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper clean -a\n' },
      { name: 'zypper cc', src: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper cc\n' },
      { name: 'rm -rf /var/cache/zypp', src: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && rm -rf /var/cache/zypp/*\n' },
      { name: 'builder stage', src: 'FROM opensuse/leap:15.6 AS b\nRUN zypper -n in gcc\nFROM scratch\nCOPY --from=b /x /x\n' },
    ],
  });

  testRule('zypper-pin', {
    invalid: [
      { name: 'unpinned', src: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl vim=9.1\n', messageId: 'zypperPin', covers: 'curl', data: { packages: 'curl' } },
      { name: 'value of --repo is not a package', src: 'FROM opensuse/leap:15.6\nRUN zypper -n in --repo oss curl\n', messageId: 'zypperPin', data: { packages: 'curl' } },
    ],
    valid: [
      { name: 'quoted range', src: 'FROM opensuse/leap:15.6\nRUN zypper -n in "curl>=8.6"\n' },
      { name: 'local rpm', src: 'FROM opensuse/leap:15.6\nRUN zypper -n in ./x.rpm\n' },
    ],
  });
});
