// The build-cache-mount rules (hadolint DL3069–DL3077): a RUN that downloads with a
// package manager or compiler, without a cache (or tmpfs) mount holding its cache.
import { testRule } from './ruleTester';

describe('lint rules: build cache mounts', () => {
  testRule('cargo-cache-mount', {
    invalid: [
      {
        name: 'cargo build --release: the fix mounts the registry and git caches',
        src: 'FROM rust:1.82\nWORKDIR /src\nRUN cargo build --release\n',
        messageId: 'noCacheMount',
        covers: 'cargo build',
        fixed: 'FROM rust:1.82\nWORKDIR /src\nRUN --mount=type=cache,target=/root/.cargo/registry --mount=type=cache,target=/root/.cargo/git cargo build --release\n',
      },
      { name: 'cargo clippy after other commands', src: 'FROM rust:1.82\nRUN rustup component add clippy && cargo clippy -- -D warnings\n', messageId: 'noCacheMount', covers: 'cargo clippy' },
    ],
    valid: [
      { name: 'a cache mount on a non-root CARGO_HOME', src: 'FROM rust:1.82\nRUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch\n' },
      { name: 'cargo --version fetches nothing', src: 'FROM rust:1.82\nRUN cargo --version\n' },
    ],
  });

  testRule('go-cache-mount', {
    invalid: [
      { name: 'go mod download', src: 'FROM golang:1.23\nCOPY go.mod go.sum ./\nRUN go mod download\n', messageId: 'noCacheMount', covers: 'go mod' },
      { name: 'a mount elsewhere does not hold the module cache', src: 'FROM golang:1.23\nRUN --mount=type=cache,target=/tmp/x CGO_ENABLED=0 go build -o /out/app ./cmd/app\n', messageId: 'noCacheMount' },
    ],
    valid: [
      { name: 'the module cache mounted', src: 'FROM golang:1.23\nRUN --mount=type=cache,target=/go/pkg/mod go test ./...\n' },
      { name: 'go version', src: 'FROM golang:1.23\nRUN go version\n' },
    ],
  });

  testRule('maven-cache-mount', {
    invalid: [{ name: 'mvn -B package with options first', src: 'FROM maven:3.9-eclipse-temurin-21\nRUN mvn -B -DskipTests package\n', messageId: 'noCacheMount' }],
    valid: [
      { name: 'a tmpfs on the local repository', src: 'FROM maven:3.9-eclipse-temurin-21\nRUN --mount=type=tmpfs,target=/root/.m2 mvn -q verify\n' },
      { name: 'mvn --version', src: 'FROM maven:3.9-eclipse-temurin-21\nRUN mvn --version\n' },
    ],
  });

  testRule('gradle-cache-mount', {
    invalid: [{ name: 'the wrapper by path', src: 'FROM eclipse-temurin:21-jdk\nRUN /app/gradlew bootJar\n', messageId: 'noCacheMount' }],
    valid: [{ name: 'the Gradle home mounted for a non-root user', src: 'FROM gradle:8.10-jdk21\nRUN --mount=type=cache,target=/home/gradle/.gradle gradle assemble\n' }],
  });

  testRule('composer-cache-mount', {
    invalid: [{ name: 'composer require', src: 'FROM composer:2\nRUN composer require monolog/monolog:3.7.0\n', messageId: 'noCacheMount' }],
    valid: [{ name: 'composer dump-autoload downloads nothing', src: 'FROM composer:2\nRUN composer dump-autoload --optimize\n' }],
  });

  testRule('nuget-cache-mount', {
    invalid: [{ name: 'dotnet publish', src: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN dotnet publish -c Release -o /out\n', messageId: 'noCacheMount' }],
    valid: [{ name: 'dotnet --info', src: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN dotnet --info\n' }],
  });

  testRule('pnpm-cache-mount', {
    invalid: [{ name: 'pnpm i, in an ONBUILD trigger', src: 'FROM node:20\nONBUILD RUN pnpm i --frozen-lockfile\n', messageId: 'noCacheMount' }],
    valid: [{ name: 'the store mounted where PNPM_HOME puts it', src: 'FROM node:20\nRUN --mount=type=cache,id=pnpm,target=/pnpm/store pnpm install --frozen-lockfile\n' }],
  });

  testRule('mix-cache-mount', {
    invalid: [{ name: 'mix deps.compile', src: 'FROM elixir:1.17\nRUN mix deps.compile\n', messageId: 'noCacheMount' }],
    valid: [{ name: 'mix release fetches nothing', src: 'FROM elixir:1.17\nRUN mix release\n' }],
  });

  testRule('bundler-cache-mount', {
    invalid: [{ name: 'bundle update', src: 'FROM ruby:3.3\nRUN bundle update --conservative\n', messageId: 'noCacheMount' }],
    valid: [
      { name: 'BUNDLE_PATH mounted', src: 'FROM ruby:3.3\nRUN --mount=type=cache,target=/app/vendor/bundle bundle install\n' },
      { name: 'bundle exec runs, installs nothing', src: 'FROM ruby:3.3\nRUN bundle exec rake assets:precompile\n' },
    ],
  });
});
