// The extension loads in a real VS Code extension host and registers everything
// its manifest contributes. Lists come from package.json, so this file grows
// with every capability that adds commands, views or walkthroughs.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, extension, manifest, recordFigure, requestedLocale, workspaceDir } from './helpers';

describe('activation', () => {
  it('activates on demand and reports its activation time', async () => {
    const api = await activateExtension();
    assert.ok(extension().isActive, 'extension is active after activate()');
    assert.equal(typeof api.activationMs, 'number');
    assert.ok(api.activationMs >= 0 && Number.isFinite(api.activationMs), `activationMs is a duration: ${api.activationMs}`);
    recordFigure('activationMs', api.activationMs, 'ms');
  });

  it('loads only the wiring at activation: the linter, the explorer and the labs load on first use', async () => {
    const api = await activateExtension();
    for (const name of ['lint', 'explorer', 'lab']) assert.ok(api.capabilities.names().includes(name), `${name} is a lazily loaded capability`);
    // Nothing here has opened a Dockerfile, shown the explorer view or run a lab command yet.
    assert.deepEqual(api.capabilities.loaded(), []);
  });

  it('runs a command of a capability not loaded yet: its stub loads it and returns what the real command returns', async () => {
    const api = await activateExtension();
    assert.ok(!api.capabilities.loaded().includes('lint'), 'the linter is not loaded yet');
    const summary = await vscode.commands.executeCommand<{ files: number; findings: number }>('dockerLabs.lint.workspace');
    assert.equal(typeof summary?.files, 'number', `dockerLabs.lint.workspace returned ${JSON.stringify(summary)}`);
    assert.equal(typeof summary?.findings, 'number');
    assert.ok(api.capabilities.loaded().includes('lint'), 'running its command loaded the linter');
  });

  it('keeps every contributed command registered once every capability has loaded', async () => {
    const api = await activateExtension();
    for (const name of api.capabilities.names()) await api.capabilities.load(name);
    assert.deepEqual(api.capabilities.loaded().sort(), api.capabilities.names().sort());
    const contributed = (manifest().contributes?.commands ?? []).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `commands contributed in package.json but not registered by their capability: ${missing.join(', ')}`);
  });

  it('activates lazily only (no "*", no onStartupFinished)', () => {
    const events = manifest().activationEvents ?? [];
    for (const eager of ['*', 'onStartupFinished']) assert.ok(!events.includes(eager), `activationEvents contains ${eager}`);
  });

  it('registers every contributed command', async () => {
    await activateExtension();
    const contributed = (manifest().contributes?.commands ?? []).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `commands contributed in package.json but not registered: ${missing.join(', ')}`);
  });

  it('registers its view container and views', async () => {
    await activateExtension();
    const contributes = manifest().contributes ?? {};
    const containers = Object.values(contributes.viewsContainers ?? {}).flat();
    const views = Object.values(contributes.views ?? {}).flat();
    assert.ok(containers.some((c) => c.id === 'dockerLabs'), 'view container dockerLabs is contributed');
    const registered = new Set(await vscode.commands.getCommands(true));
    // The workbench registers `workbench.view.extension.<container>` and `<view>.focus` per contribution it accepted.
    for (const c of containers) assert.ok(registered.has(`workbench.view.extension.${c.id}`), `view container ${c.id} is registered`);
    for (const v of views) assert.ok(registered.has(`${v.id}.focus`), `view ${v.id} is registered`);
    // Opening the container must work (it resolves the views' providers).
    await vscode.commands.executeCommand('workbench.view.extension.dockerLabs');
  });

  it('contributes walkthroughs whose steps and media exist', () => {
    const ext = extension();
    for (const walkthrough of manifest().contributes?.walkthroughs ?? []) {
      assert.ok(walkthrough.steps.length > 0, `walkthrough ${walkthrough.id} has steps`);
      for (const step of walkthrough.steps as { id: string; media?: Record<string, unknown> }[]) {
        for (const [kind, file] of Object.entries(step.media ?? {})) {
          if (kind === 'altText' || typeof file !== 'string') continue;
          assert.ok(fs.existsSync(path.join(ext.extensionPath, file)), `${walkthrough.id}/${step.id}: media ${kind} ${file} exists`);
        }
      }
    }
  });

  it('runs with the launcher\'s temp folder as workspace', () => {
    const dir = workspaceDir();
    assert.ok(fs.statSync(dir).isDirectory());
    if (process.env.DOCKER_LABS_TEST_WORKSPACE) assert.equal(fs.realpathSync(dir), fs.realpathSync(process.env.DOCKER_LABS_TEST_WORKSPACE));
  });
});

describe('localization @l10n', () => {
  // Bundles are loaded when the extension activates.
  before(() => activateExtension());

  it('runs in the UI language the launcher asked for', () => {
    assert.equal(vscode.env.language, requestedLocale());
  });

  it('localizes the manifest from package.nls.<language>.json', () => {
    const ext = extension();
    const language = vscode.env.language;
    const localized = path.join(ext.extensionPath, `package.nls.${language}.json`);
    const nlsFile = fs.existsSync(localized) ? localized : path.join(ext.extensionPath, 'package.nls.json');
    const nls = JSON.parse(fs.readFileSync(nlsFile, 'utf8')) as Record<string, string>;
    assert.equal(ext.packageJSON.displayName, nls['extension.displayName']);
    assert.equal(ext.packageJSON.description, nls['extension.description']);
  });

  it('loads the l10n bundle of the UI language', () => {
    const ext = extension();
    const bundleFile = path.join(ext.extensionPath, 'l10n', `bundle.l10n.${vscode.env.language}.json`);
    if (vscode.env.language === 'en' || !fs.existsSync(bundleFile)) {
      // English is the source language: strings are their own keys, no bundle.
      assert.equal(vscode.l10n.bundle, undefined);
      assert.equal(vscode.l10n.t('Docker Labs'), 'Docker Labs');
      return;
    }
    const bundle = JSON.parse(fs.readFileSync(bundleFile, 'utf8')) as Record<string, string | { message: string }>;
    assert.deepEqual(vscode.l10n.bundle, bundle);
    for (const [key, value] of Object.entries(bundle)) {
      if (typeof value === 'string' && !key.includes('{')) assert.equal(vscode.l10n.t(key), value);
    }
  });
});
