import { testRule } from './ruleTester';

describe('lint rules: base image', () => {
  testRule('small-base-image', {
    invalid: [
      { name: 'FROM node:18', src: 'FROM node:18\nCMD ["node", "app.js"]\n', messageId: 'smallBaseImage', covers: 'node:18', fixed: 'FROM node:18-alpine\nCMD ["node", "app.js"]\n' },
      { name: 'FROM python:3.9', src: 'FROM python:3.9\nRUN pip install --no-cache-dir flask\n', messageId: 'smallBaseImage', covers: 'python:3.9', fixed: 'FROM python:3.9-alpine\nRUN pip install --no-cache-dir flask\n' },
      { name: 'apt-get in the stage: -slim, since alpine has no apt-get', src: 'FROM python:3.12\nRUN apt-get update && apt-get install -y libpq5\n', messageId: 'smallBaseImage', fixed: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y libpq5\n' },
      { name: 'FROM node:20-bookworm', src: 'FROM node:20-bookworm\nRUN apt-get update\n', messageId: 'smallBaseImage', fixed: 'FROM node:20-bookworm-slim\nRUN apt-get update\n' },
      { name: 'FROM python:3.11-bookworm', src: 'FROM python:3.11-bookworm\nRUN apt-get install -y gcc\n', messageId: 'smallBaseImage', fixed: 'FROM python:3.11-slim-bookworm\nRUN apt-get install -y gcc\n' },
      { name: 'FROM golang', src: 'FROM golang\n', messageId: 'smallBaseImage', fixed: 'FROM golang:alpine\n' },
      { name: 'FROM debian:12', src: 'FROM debian:12\n', messageId: 'smallBaseImage', fixed: 'FROM debian:12-slim\n' },
      { name: 'FROM docker.io/library/node:18', src: 'FROM docker.io/library/node:18\n', messageId: 'smallBaseImage', fixed: 'FROM docker.io/library/node:18-alpine\n' },
      { name: 'ubuntu: a suggestion, no automatic fix (another distro)', src: 'FROM ubuntu:22.04\nRUN apt-get update\n', messageId: 'smallBaseImage', message: /debian:bookworm-slim/, fix: false },
      { name: 'golang only has -alpine: with apt-get the suggestion comes without a fix', src: 'FROM golang:1.22\nRUN apt-get update && apt-get install -y git\n', messageId: 'smallBaseImage', message: /golang:1\.22-alpine/, fix: false },
      { name: 'the image through an ARG default: reported, fix only for literal images', src: 'ARG BASE=node:18\nFROM ${BASE}\n', messageId: 'smallBaseImage', covers: '${BASE}', fix: false },
      { name: 'FROM --platform: the image is still the first argument', src: 'FROM --platform=$BUILDPLATFORM node:18\n', messageId: 'smallBaseImage', covers: 'node:18' },
      { name: 'final stage built on a local stage that is full-size: the root stage ships', src: 'FROM node:18 AS base\nWORKDIR /app\nFROM base\nCMD ["node", "x"]\n', messageId: 'smallBaseImage', covers: 'node:18', line: 1 },
    ],
    valid: [
      { name: 'FROM node:18-alpine', src: 'FROM node:18-alpine\n' },
      { name: 'FROM python:3.9-slim', src: 'FROM python:3.9-slim\n' },
      { name: 'FROM debian:bookworm-slim', src: 'FROM debian:bookworm-slim\n' },
      { name: 'COPY app /app', src: 'FROM scratch\nCOPY app /app\n' },
      { name: 'FROM alpine:3.20', src: 'FROM alpine:3.20\n' },
      { name: 'FROM gcr.io/distroless/nodejs20-debian12', src: 'FROM gcr.io/distroless/nodejs20-debian12\n' },
      { name: 'builder stages do not ship', src: 'FROM node:18 AS build\nRUN npm ci && npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n' },
      { name: 'ARG without a default: unknown image', src: 'ARG BASE\nFROM $BASE\n' },
      { name: 'stage alias', src: 'FROM node:18-alpine AS base\nFROM base\n' },
      { name: 'Windows base images', src: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n' },
      { name: 'FROM python:3.12-windowsservercore-ltsc2022', src: 'FROM python:3.12-windowsservercore-ltsc2022\n' },
      { name: 'not an image we know a smaller variant of', src: 'FROM mycompany/app-base:1.0\n' },
      { name: 'FROM php:8.2-apache', src: 'FROM php:8.2-apache\n' },
    ],
  });

  testRule('image-tag', {
    invalid: [
      { name: 'FROM nginx', src: 'FROM nginx\n', messageId: 'imageTag', covers: 'nginx' },
      { name: 'FROM node AS build', src: 'FROM node AS build\nFROM alpine:3.20\n', messageId: 'imageTag', covers: 'node', count: 1 },
      { name: 'FROM $IMG', src: 'ARG IMG=redis\nFROM $IMG\n', messageId: 'imageTag', covers: '$IMG' },
      { name: 'FROM --platform=linux/amd64 ubuntu', src: 'FROM --platform=linux/amd64 ubuntu\n', messageId: 'imageTag', covers: 'ubuntu' },
    ],
    valid: [{ name: 'FROM nginx:1.25', src: 'FROM nginx:1.25\n' }, { name: 'FROM scratch', src: 'FROM scratch\n' }, { name: 'FROM nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', src: 'FROM nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' }, { name: 'FROM alpine:3.20 AS base', src: 'FROM alpine:3.20 AS base\nFROM base\n' }, { name: 'ARG IMG', src: 'ARG IMG\nFROM $IMG\n' }, { name: 'FROM localhost:5000/app:1.0', src: 'FROM localhost:5000/app:1.0\n' }],
  });

  testRule('image-latest', {
    invalid: [{ name: 'FROM node:latest', src: 'FROM node:latest\n', messageId: 'imageLatest', covers: 'node:latest' }, { name: 'FROM nginx:${V}', src: 'ARG V=latest\nFROM nginx:${V}\n', messageId: 'imageLatest', message: /latest/ }],
    valid: [{ name: 'FROM node:18', src: 'FROM node:18\n' }, { name: 'FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', src: 'FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' }, { name: 'FROM nginx', src: 'FROM nginx\n' }],
  });
});
