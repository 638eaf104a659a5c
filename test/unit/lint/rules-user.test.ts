import { testRule } from './ruleTester';

describe('lint rules: user', () => {
  testRule('missing-user', {
    invalid: [
      {
        name: 'FROM node:18-alpine',
        src: 'FROM node:18-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n',
        messageId: 'missingUser',
        covers: 'FROM',
        line: 1,
        fixed: 'FROM node:18-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER node\nCMD ["node", "server.js"]\n',
      },
      {
        name: 'FROM python:3.12-alpine',
        src: 'FROM python:3.12-alpine\nCOPY . /app\nRUN pip install --no-cache-dir -r /app/requirements.txt\nCMD ["python", "/app/app.py"]\n',
        messageId: 'missingUser',
        // the user creation joins the last RUN: no extra layer
        fixed: 'FROM python:3.12-alpine\nCOPY . /app\nRUN pip install --no-cache-dir -r /app/requirements.txt && adduser -D appuser\nUSER appuser\nCMD ["python", "/app/app.py"]\n',
      },
      {
        name: 'FROM python:3.12-slim',
        src: 'FROM python:3.12-slim\nCOPY app.py /app.py\nCMD ["python", "/app.py"]\n',
        messageId: 'missingUser',
        fixed: 'FROM python:3.12-slim\nCOPY app.py /app.py\nRUN useradd --create-home appuser\nUSER appuser\nCMD ["python", "/app.py"]\n',
      },
      { name: 'a user created in the stage is reused', src: 'FROM alpine:3.20\nRUN adduser -D web\nCMD ["sh"]\n', messageId: 'missingUser', fixed: 'FROM alpine:3.20\nRUN adduser -D web\nUSER web\nCMD ["sh"]\n' },
      { name: 'multi-stage trap: USER only in the builder does not count', src: 'FROM node:18-alpine AS build\nUSER node\nRUN npm ci\nFROM node:18-alpine\nCOPY --from=build /app /app\n', messageId: 'missingUser', line: 4 },
      { name: 'scratch: numeric user, no user database', src: 'FROM golang:1.22-alpine AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n', messageId: 'missingUser', line: 3, fixed: 'FROM golang:1.22-alpine AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nUSER 65534:65534\nENTRYPOINT ["/app"]\n' },
      { name: 'nginx: suggests the unprivileged image, no fix (nginx binds :80 as root)', src: 'FROM nginx:1.27-alpine\nCOPY dist /usr/share/nginx/html\n', messageId: 'webServerAsRoot', message: /nginx-unprivileged/, fix: false },
      { name: 'unknown OS family: reported without a fix', src: 'FROM mycompany/base:1.0\nCOPY app /app\n', messageId: 'missingUser', fix: false },
      { name: 'lowercase file: the fix follows its casing', src: 'from alpine:3.20\nrun apk add --no-cache curl\n', messageId: 'missingUser', fixed: 'from alpine:3.20\nrun apk add --no-cache curl && adduser -D appuser\nuser appuser\n' },
    ],
    valid: [
      { name: 'USER node', src: 'FROM node:18-alpine\nUSER node\nCMD ["node", "x"]\n' },
      { name: 'numeric USER 1001', src: 'FROM alpine:3.20\nUSER 1001\n' },
      { name: 'USER through an ARG', src: 'FROM alpine:3.20\nARG UID=1001\nUSER ${UID}\n' },
      { name: 'USER inherited from a local base stage', src: 'FROM node:18-alpine AS base\nUSER node\nFROM base\nCMD ["node", "x"]\n' },
      { name: 'images that already run as non-root or drop privileges themselves', src: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n' },
      { name: 'FROM bitnami/nginx:1.27', src: 'FROM bitnami/nginx:1.27\n' },
      { name: 'COPY init.sql /docker-entrypoint-initdb.d/', src: 'FROM postgres:16-alpine\nCOPY init.sql /docker-entrypoint-initdb.d/\n' },
      { name: 'unknown base (ARG without default) could set USER itself', src: 'ARG BASE\nFROM $BASE\nCOPY . .\n' },
      { name: 'Windows images', src: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app.exe C:/app.exe\n' },
      { name: 'no FROM at all: nothing to judge', src: '# empty\n' },
    ],
  });

  testRule('root-user', {
    invalid: [
      { name: 'USER root', src: 'FROM alpine:3.20\nUSER root\nCMD ["sh"]\n', messageId: 'rootUser', covers: 'root', fixed: 'FROM alpine:3.20\nUSER root\nRUN adduser -D appuser\nUSER appuser\nCMD ["sh"]\n' },
      { name: 'USER 0', src: 'FROM alpine:3.20\nRUN adduser -D app\nUSER app\nRUN apk add --no-cache curl\nUSER 0\n', messageId: 'rootUser', covers: '0', fixed: 'FROM alpine:3.20\nRUN adduser -D app\nUSER app\nRUN apk add --no-cache curl\nUSER 0\nUSER app\n' },
      { name: 'USER root:root', src: 'FROM alpine:3.20\nUSER root:root\n', messageId: 'rootUser', covers: 'root:root' },
      { name: 'USER 0:0', src: 'FROM alpine:3.20\nUSER 0:0\n', messageId: 'rootUser' },
      { name: 'USER through an ARG that resolves to root', src: 'FROM alpine:3.20\nARG RUN_AS=root\nUSER $RUN_AS\n', messageId: 'rootUser', covers: '$RUN_AS' },
      { name: 'only the final stage counts, but it inherits from its local base', src: 'FROM alpine:3.20 AS base\nUSER root\nFROM base\nCMD ["sh"]\n', messageId: 'rootUser', line: 2 },
    ],
    valid: [
      { name: 'USER 1001', src: 'FROM alpine:3.20\nUSER 1001\n' },
      { name: 'USER root (2)', src: 'FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nUSER nobody\n' },
      { name: 'builder stage as root is fine', src: 'FROM alpine:3.20 AS build\nUSER root\nFROM alpine:3.20\nUSER 1000\n' },
      { name: 'USER rooty', src: 'FROM alpine:3.20\nUSER rooty\n' },
      { name: 'ARG U', src: 'FROM alpine:3.20\nARG U\nUSER $U\n' },
      { name: 'USER ContainerAdministrator', src: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerAdministrator\n' },
    ],
  });
});
