// The activation benchmark's extensionTestsPath module: in a fresh extension
// host, activates the installed extension $DOCKER_LABS_PROBE_EXTENSION (Docker Labs,
// or the empty extension that measures the floor) once and writes what it took to
// $DOCKER_LABS_TEST_RESULT. Plain CommonJS: it runs as is, nothing to compile.
/* global require, exports, process, performance */
const fs = require('fs');
const vscode = require('vscode');

exports.run = async function run() {
  const id = process.env.DOCKER_LABS_PROBE_EXTENSION || 'docker-labs.docker-labs';
  const ext = vscode.extensions.getExtension(id);
  if (!ext) throw new Error(`${id} is not installed in this extension host`);
  if (ext.isActive) throw new Error(`${id} was already active: not a cold start`);
  const started = performance.now();
  const api = await ext.activate();
  const activateCallMs = performance.now() - started;
  const result = {
    activationMs: api && typeof api.activationMs === 'number' ? api.activationMs : 0,
    activateCallMs,
    extensionPath: ext.extensionPath,
    version: ext.packageJSON.version,
    vscodeVersion: vscode.version,
  };
  fs.writeFileSync(`${process.env.DOCKER_LABS_TEST_RESULT}.tmp`, JSON.stringify(result));
  fs.renameSync(`${process.env.DOCKER_LABS_TEST_RESULT}.tmp`, process.env.DOCKER_LABS_TEST_RESULT);
};
