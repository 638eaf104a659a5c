import { ruleCases } from './helpers';

describe('lint rules: user', () => {
  ruleCases('missing-user', {
    fires: [
      {
        src: 'FROM node:18-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n',
        covers: 'FROM',
        line: 1,
        fixed: 'FROM node:18-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER node\nCMD ["node", "server.js"]\n',
      },
      {
        src: 'FROM python:3.12-alpine\nCOPY . /app\nRUN pip install --no-cache-dir -r /app/requirements.txt\nCMD ["python", "/app/app.py"]\n',
        // the user creation joins the last RUN: no extra layer
        fixed: 'FROM python:3.12-alpine\nCOPY . /app\nRUN pip install --no-cache-dir -r /app/requirements.txt && adduser -D appuser\nUSER appuser\nCMD ["python", "/app/app.py"]\n',
      },
      {
        src: 'FROM python:3.12-slim\nCOPY app.py /app.py\nCMD ["python", "/app.py"]\n',
        fixed: 'FROM python:3.12-slim\nCOPY app.py /app.py\nRUN useradd --create-home appuser\nUSER appuser\nCMD ["python", "/app.py"]\n',
      },
      // a user created in the stage is reused
      { src: 'FROM alpine:3.20\nRUN adduser -D web\nCMD ["sh"]\n', fixed: 'FROM alpine:3.20\nRUN adduser -D web\nUSER web\nCMD ["sh"]\n' },
      // multi-stage trap: USER only in the builder does not count
      { src: 'FROM node:18-alpine AS build\nUSER node\nRUN npm ci\nFROM node:18-alpine\nCOPY --from=build /app /app\n', line: 4 },
      // scratch: numeric user, no user database
      { src: 'FROM golang:1.22-alpine AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n', line: 3, fixed: 'FROM golang:1.22-alpine AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nUSER 65534:65534\nENTRYPOINT ["/app"]\n' },
      // nginx: suggests the unprivileged image, no fix (nginx binds :80 as root)
      { src: 'FROM nginx:1.27-alpine\nCOPY dist /usr/share/nginx/html\n', message: /nginx-unprivileged/, fix: false },
      // unknown OS family: reported without a fix
      { src: 'FROM mycompany/base:1.0\nCOPY app /app\n', fix: false },
      // lowercase file: the fix follows its casing
      { src: 'from alpine:3.20\nrun apk add --no-cache curl\n', fixed: 'from alpine:3.20\nrun apk add --no-cache curl && adduser -D appuser\nuser appuser\n' },
    ],
    passes: [
      'FROM node:18-alpine\nUSER node\nCMD ["node", "x"]\n',
      // numeric USER 1001
      'FROM alpine:3.20\nUSER 1001\n',
      // USER through an ARG
      'FROM alpine:3.20\nARG UID=1001\nUSER ${UID}\n',
      // USER inherited from a local base stage
      'FROM node:18-alpine AS base\nUSER node\nFROM base\nCMD ["node", "x"]\n',
      // images that already run as non-root or drop privileges themselves
      'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n',
      'FROM bitnami/nginx:1.27\n',
      'FROM postgres:16-alpine\nCOPY init.sql /docker-entrypoint-initdb.d/\n',
      // unknown base (ARG without default) could set USER itself
      'ARG BASE\nFROM $BASE\nCOPY . .\n',
      // Windows images
      'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app.exe C:/app.exe\n',
      // no FROM at all: nothing to judge
      '# empty\n',
    ],
  });

  ruleCases('root-user', {
    fires: [
      { src: 'FROM alpine:3.20\nUSER root\nCMD ["sh"]\n', covers: 'root', fixed: 'FROM alpine:3.20\nUSER root\nRUN adduser -D appuser\nUSER appuser\nCMD ["sh"]\n' },
      { src: 'FROM alpine:3.20\nRUN adduser -D app\nUSER app\nRUN apk add --no-cache curl\nUSER 0\n', covers: '0', fixed: 'FROM alpine:3.20\nRUN adduser -D app\nUSER app\nRUN apk add --no-cache curl\nUSER 0\nUSER app\n' },
      { src: 'FROM alpine:3.20\nUSER root:root\n', covers: 'root:root' },
      { src: 'FROM alpine:3.20\nUSER 0:0\n' },
      // USER through an ARG that resolves to root
      { src: 'FROM alpine:3.20\nARG RUN_AS=root\nUSER $RUN_AS\n', covers: '$RUN_AS' },
      // only the final stage counts, but it inherits from its local base
      { src: 'FROM alpine:3.20 AS base\nUSER root\nFROM base\nCMD ["sh"]\n', line: 2 },
    ],
    passes: [
      'FROM alpine:3.20\nUSER 1001\n',
      'FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nUSER nobody\n',
      // builder stage as root is fine
      'FROM alpine:3.20 AS build\nUSER root\nFROM alpine:3.20\nUSER 1000\n',
      'FROM alpine:3.20\nUSER rooty\n',
      'FROM alpine:3.20\nARG U\nUSER $U\n',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerAdministrator\n',
    ],
  });
});
