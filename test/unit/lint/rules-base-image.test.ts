import { ruleCases } from './helpers';

describe('lint rules: base image', () => {
  ruleCases('small-base-image', {
    fires: [
      { src: 'FROM node:18\nCMD ["node", "app.js"]\n', covers: 'node:18', fixed: 'FROM node:18-alpine\nCMD ["node", "app.js"]\n' },
      { src: 'FROM python:3.9\nRUN pip install --no-cache-dir flask\n', covers: 'python:3.9', fixed: 'FROM python:3.9-alpine\nRUN pip install --no-cache-dir flask\n' },
      // apt-get in the stage: -slim, since alpine has no apt-get
      { src: 'FROM python:3.12\nRUN apt-get update && apt-get install -y libpq5\n', fixed: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y libpq5\n' },
      { src: 'FROM node:20-bookworm\nRUN apt-get update\n', fixed: 'FROM node:20-bookworm-slim\nRUN apt-get update\n' },
      { src: 'FROM python:3.11-bookworm\nRUN apt-get install -y gcc\n', fixed: 'FROM python:3.11-slim-bookworm\nRUN apt-get install -y gcc\n' },
      { src: 'FROM golang\n', fixed: 'FROM golang:alpine\n' },
      { src: 'FROM debian:12\n', fixed: 'FROM debian:12-slim\n' },
      { src: 'FROM docker.io/library/node:18\n', fixed: 'FROM docker.io/library/node:18-alpine\n' },
      // ubuntu: a suggestion, no automatic fix (another distro)
      { src: 'FROM ubuntu:22.04\nRUN apt-get update\n', message: /debian:bookworm-slim/, fix: false },
      // golang only has -alpine: with apt-get the suggestion comes without a fix
      { src: 'FROM golang:1.22\nRUN apt-get update && apt-get install -y git\n', message: /golang:1\.22-alpine/, fix: false },
      // the image through an ARG default: reported, fix only for literal images
      { src: 'ARG BASE=node:18\nFROM ${BASE}\n', covers: '${BASE}', fix: false },
      // FROM --platform: the image is still the first argument
      { src: 'FROM --platform=$BUILDPLATFORM node:18\n', covers: 'node:18' },
      // final stage built on a local stage that is full-size: the root stage ships
      { src: 'FROM node:18 AS base\nWORKDIR /app\nFROM base\nCMD ["node", "x"]\n', covers: 'node:18', line: 1 },
    ],
    passes: [
      'FROM node:18-alpine\n',
      'FROM python:3.9-slim\n',
      'FROM debian:bookworm-slim\n',
      'FROM scratch\nCOPY app /app\n',
      'FROM alpine:3.20\n',
      'FROM gcr.io/distroless/nodejs20-debian12\n',
      // builder stages do not ship
      'FROM node:18 AS build\nRUN npm ci && npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
      // ARG without a default: unknown image
      'ARG BASE\nFROM $BASE\n',
      // stage alias
      'FROM node:18-alpine AS base\nFROM base\n',
      // Windows base images
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n',
      'FROM python:3.12-windowsservercore-ltsc2022\n',
      // not an image we know a smaller variant of
      'FROM mycompany/app-base:1.0\n',
      'FROM php:8.2-apache\n',
    ],
  });

  ruleCases('image-tag', {
    fires: [
      { src: 'FROM nginx\n', covers: 'nginx' },
      { src: 'FROM node AS build\nFROM alpine:3.20\n', covers: 'node', count: 1 },
      { src: 'ARG IMG=redis\nFROM $IMG\n', covers: '$IMG' },
      { src: 'FROM --platform=linux/amd64 ubuntu\n', covers: 'ubuntu' },
    ],
    passes: ['FROM nginx:1.25\n', 'FROM scratch\n', 'FROM nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n', 'FROM alpine:3.20 AS base\nFROM base\n', 'ARG IMG\nFROM $IMG\n', 'FROM localhost:5000/app:1.0\n'],
  });

  ruleCases('image-latest', {
    fires: [{ src: 'FROM node:latest\n', covers: 'node:latest' }, { src: 'ARG V=latest\nFROM nginx:${V}\n', message: /latest/ }],
    passes: ['FROM node:18\n', 'FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n', 'FROM nginx\n'],
  });
});
