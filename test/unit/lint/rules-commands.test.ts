// Commands in RUN (hadolint DL3001, DL3028, DL3046, DL3047, DL3062, DL4001, DL4005).
import { testRule } from './ruleTester';

describe('lint rules: commands in RUN', () => {
  testRule('container-irrelevant-command', {
    invalid: [
      { name: 'service start', src: 'FROM debian:12-slim\nRUN service nginx start\n', messageId: 'containerIrrelevantCommand', covers: 'service', data: { command: 'service' } },
      { name: 'behind sudo in a chain', src: 'FROM debian:12-slim\nRUN apt-get update && sudo mount -a\n', messageId: 'containerIrrelevantCommand', covers: 'mount', data: { command: 'mount' } },
      { name: 'absolute path, on a continuation line', src: 'FROM debian:12-slim\nRUN echo a \\\n && /bin/ps aux\n', messageId: 'containerIrrelevantCommand', data: { command: 'ps' }, line: 3 },
      { name: 'later stage, exec form', src: 'FROM golang:1.22 AS build\nRUN go version\nFROM debian:12-slim\nRUN ["ssh", "host"]\n', messageId: 'containerIrrelevantCommand', line: 4 },
      { name: 'two commands, two findings', src: 'FROM debian:12-slim\nRUN free -m; top -b -n1\n', messageId: 'containerIrrelevantCommand', count: 2 },
    ],
    valid: [
      { name: 'installing vim is not running it', src: 'FROM debian:12-slim\nRUN apt-get install -y vim openssh-client\n' },
      { name: 'quoted in echo', src: 'FROM debian:12-slim\nRUN echo "run ps to see"\n' },
      { name: 'command -v asks whether it exists', src: 'FROM debian:12-slim\nRUN command -v ps\n' },
      { name: 'in CMD it runs in the container', src: 'FROM debian:12-slim\nCMD ["top", "-b"]\n' },
    ],
  });

  testRule('wget-and-curl', {
    invalid: [
      { name: 'both in one RUN', src: 'FROM debian:12-slim\nRUN curl -fsSLO https://example.com/a && wget -q https://example.com/b\n', messageId: 'wgetAndCurl', covers: 'wget', data: { tool: 'wget', first: 'curl' }, count: 1 },
      { name: 'across RUNs of one stage, behind sudo', src: 'FROM debian:12-slim\nRUN wget -q https://example.com/a\nRUN sudo curl -fsS https://example.com/b\n', messageId: 'wgetAndCurl', line: 3, data: { tool: 'curl', first: 'wget' } },
      { name: 'back to the first tool after the second: both later uses', src: 'FROM debian:12-slim\nRUN curl -fsSO https://example.com/a\nRUN wget -q https://example.com/b\nRUN ls\nRUN curl -fsSO https://example.com/c\n', messageId: 'wgetAndCurl', count: 2 },
    ],
    valid: [
      { name: 'one tool per stage', src: 'FROM debian:12-slim AS a\nRUN curl -fsS https://example.com/a\nFROM debian:12-slim\nRUN wget -q https://example.com/b\n' },
      { name: 'installing both is not using both', src: 'FROM debian:12-slim\nRUN apt-get install -y curl wget && curl -fsS https://example.com\n' },
    ],
  });

  testRule('shell-via-symlink', {
    invalid: [
      { name: 'ln -sf /bin/bash /bin/sh', src: 'FROM debian:12-slim\nRUN ln -sf /bin/bash /bin/sh\n', messageId: 'shellViaSymlink', covers: 'ln -sf /bin/bash /bin/sh', data: { shell: '/bin/bash' } },
      { name: 'separate options, quoted, in a chain', src: 'FROM ubuntu:24.04\nRUN rm /bin/sh && ln -s -f "/bin/bash" /bin/sh\n', messageId: 'shellViaSymlink' },
    ],
    valid: [
      { name: 'SHELL instruction', src: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]\n' },
      { name: 'another symlink', src: 'FROM debian:12-slim\nRUN ln -sf /usr/bin/python3 /usr/bin/python\n' },
      { name: '/bin/sh as the source', src: 'FROM debian:12-slim\nRUN ln -s /bin/sh /usr/local/bin/sh\n' },
    ],
  });

  testRule('wget-progress', {
    invalid: [
      { name: 'plain wget', src: 'FROM debian:12-slim\nRUN wget https://example.com/a.tgz\n', messageId: 'wgetProgress', covers: 'wget', fixed: 'FROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/a.tgz\n' },
      { name: '-O with a value that contains q', src: 'FROM debian:12-slim\nRUN sudo wget -Oq.tgz https://example.com/a.tgz\n', messageId: 'wgetProgress', fixed: 'FROM debian:12-slim\nRUN sudo wget --progress=dot:giga -Oq.tgz https://example.com/a.tgz\n' },
      { name: 'in a later stage after &&', src: 'FROM alpine:3.20 AS a\nFROM debian:12-slim\nRUN cd /tmp && wget -c https://example.com/a\n', messageId: 'wgetProgress', line: 3 },
    ],
    valid: [
      { name: '--progress', src: 'FROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/a\n' },
      { name: '-qO-', src: 'FROM debian:12-slim\nRUN wget -qO- https://example.com/a | sh\n' },
      { name: '-nv', src: 'FROM debian:12-slim\nRUN wget -nv https://example.com/a\n' },
      { name: '--quiet', src: 'FROM debian:12-slim\nRUN wget --quiet https://example.com/a\n' },
      { name: '-o log file', src: 'FROM debian:12-slim\nRUN wget -o /tmp/log https://example.com/a\n' },
    ],
  });

  testRule('useradd-high-uid', {
    invalid: [
      { name: '-u 100000', src: 'FROM debian:12-slim\nRUN useradd -u 100000 -m app\n', messageId: 'useraddHighUid', covers: 'useradd -u 100000 -m app', data: { uid: '100000' }, fixed: 'FROM debian:12-slim\nRUN useradd -l -u 100000 -m app\n' },
      { name: '--uid=, behind sudo, quoted', src: 'FROM debian:12-slim\nRUN groupadd app && sudo useradd --uid="1000000" app\n', messageId: 'useraddHighUid', data: { uid: '1000000' }, fixed: 'FROM debian:12-slim\nRUN groupadd app && sudo useradd -l --uid="1000000" app\n' },
      { name: 'attached -u', src: 'FROM debian:12-slim\nRUN useradd -u999999 app\n', messageId: 'useraddHighUid' },
    ],
    valid: [
      { name: '-l given', src: 'FROM debian:12-slim\nRUN useradd -l -u 100000 app\n' },
      { name: '--no-log-init', src: 'FROM debian:12-slim\nRUN useradd --no-log-init -u 100000 app\n' },
      { name: 'small UID', src: 'FROM debian:12-slim\nRUN useradd -u 10001 app\n' },
      { name: 'UID from a variable', src: 'FROM debian:12-slim\nRUN useradd -u "$UID" app\n' },
    ],
  });

  testRule('gem-pin', {
    invalid: [
      { name: 'gem install bundler', src: 'FROM ruby:3.3-slim\nRUN gem install bundler\n', messageId: 'gemPin', covers: 'bundler', data: { packages: 'bundler' } },
      { name: 'options and several gems, one pinned', src: 'FROM ruby:3.3-slim\nRUN gem install --no-document rails:7.1.3 puma\n', messageId: 'gemPin', data: { packages: 'puma' } },
      { name: 'an unpinned gem before the `--` build flags', src: 'FROM ruby:3.3-slim\nRUN gem install mysql2 -- --with-mysql-dir=/usr\n', messageId: 'gemPin', data: { packages: 'mysql2' } },
    ],
    valid: [
      { name: 'name:version', src: 'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.6\n' },
      { name: '-v', src: 'FROM ruby:3.3-slim\nRUN gem install bundler -v 2.5.6\n' },
      { name: '--version=', src: 'FROM ruby:3.3-slim\nRUN gem install bundler --version=2.5.6\n' },
      { name: 'gem update is not install', src: 'FROM ruby:3.3-slim\nRUN gem update --system 3.5.6\n' },
      { name: 'build flags after `--` are not gems', src: 'FROM ruby:3.3-slim\nRUN gem install pg:1.5.6 -- --with-pg-config=/usr/bin/pg_config --enable-static\n' },
      { name: 'a true/false after an option is its value', src: 'FROM ruby:3.3-slim\nRUN gem install sqlite3:1.7.3 --enable-system-libs false\n' },
    ],
  });

  testRule('pecl-pin', {
    invalid: [
      { name: 'pecl install xdebug', src: 'FROM php:8.3-cli\nRUN pecl install xdebug && docker-php-ext-enable xdebug\n', messageId: 'peclPin', covers: 'xdebug', data: { packages: 'xdebug' } },
      { name: 'one of two unpinned, through a channel', src: 'FROM php:8.3-fpm\nRUN pecl install apcu-5.1.24 pecl.php.net/imagick\n', messageId: 'peclPin', data: { packages: 'pecl.php.net/imagick' } },
      { name: 'a release state floats', src: 'FROM php:8.3-fpm\nRUN pecl install mongodb-devel\n', messageId: 'peclPin' },
    ],
    valid: [
      { name: 'name-version, with a flag after it', src: 'FROM php:8.3-fpm\nRUN pecl install -o apcu-5.1.24 --configureoptions \'enable-apcu-debug="no"\'\n' },
      { name: 'a downloaded release tarball', src: 'FROM php:8.3-fpm\nRUN curl -fsSLo /tmp/ast.tgz https://pecl.php.net/get/ast-1.1.2.tgz && pecl install /tmp/ast.tgz\n' },
      { name: 'pecl channel-update installs nothing', src: 'FROM php:8.3-fpm\nRUN pecl channel-update pecl.php.net\n' },
    ],
  });

  testRule('go-install-pin', {
    invalid: [
      { name: 'no version', src: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls\n', messageId: 'goInstallPin', covers: 'golang.org/x/tools/gopls', data: { sub: 'install', packages: 'golang.org/x/tools/gopls' } },
      { name: '@latest, after flags', src: 'FROM golang:1.22\nRUN CGO_ENABLED=0 go install -ldflags "-s -w" github.com/go-delve/delve/cmd/dlv@latest\n', messageId: 'goInstallPin' },
      { name: 'go get in a later stage', src: 'FROM alpine:3.20 AS a\nFROM golang:1.22\nRUN go get github.com/pkg/errors\n', messageId: 'goInstallPin', line: 3, data: { sub: 'get', packages: 'github.com/pkg/errors' } },
      { name: 'go get -tool: a tool name without a domain still needs a version', src: 'FROM golang:1.24\nRUN go get -tool stringer\n', messageId: 'goInstallPin', covers: 'stringer', data: { sub: 'get', packages: 'stringer' } },
      { name: 'names after the `tool` pattern of go install, @latest', src: 'FROM golang:1.24\nRUN go install tool mockgen@latest\n', messageId: 'goInstallPin', covers: 'mockgen@latest' },
    ],
    valid: [
      { name: 'pinned', src: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.16.2\n' },
      { name: 'local packages', src: 'FROM golang:1.22\nRUN go install ./... && go get .\n' },
      { name: 'go run: arguments after the package are not packages', src: 'FROM golang:1.22\nRUN go run github.com/a/b@v1.0.0 example.com/c\n' },
      { name: 'go build', src: 'FROM golang:1.22\nRUN go build -o /app github.com/a/b\n' },
      { name: 'go get -tool, pinned', src: 'FROM golang:1.24\nRUN go get -tool mockgen@v0.5.0\n' },
      { name: 'go install tool: the pattern alone installs the module’s pinned tools', src: 'FROM golang:1.24\nRUN go install tool\n' },
      { name: 'go run of a local file', src: 'FROM golang:1.24\nRUN go run main.go\n' },
    ],
  });
});
