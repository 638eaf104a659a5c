// Registers the Docker explorer: the tree view `dockerLabs.explorer`, its commands,
// the read-only inspect documents and the "Docker Labs" output channel where every
// action prints its docker CLI equivalent. The model goes live (events + backstop
// poll) only while the view is visible.
import * as vscode from 'vscode';
import { pick } from '../../util/i18n';
import { uiLang } from '../../util/vscode/lang';
import type { DockerService } from '../../docker/vscode';
import { endpointLabel } from '../../docker';
import { ExplorerModel } from '../explorerModel';
import { DockerTreeProvider } from './provider';
import { ReadOnlyDocuments } from './documents';
import { registerCommands } from './explorerCommands';
import { ExplorerFilterState, type OpenLabs } from './filterState';
import { NetworkDiagramPanel } from './diagramPanel';
import { ImageChartPanels } from './imageChartsPanel';
import { BuiltImages } from '../../build';

export interface ExplorerApi {
  readonly model: ExplorerModel;
  readonly provider: DockerTreeProvider;
  readonly view: vscode.TreeView<unknown>;
  readonly filter: ExplorerFilterState;
  readonly diagram: NetworkDiagramPanel;
  readonly charts: ImageChartPanels;
}

const SHOW_DANGLING_KEY = 'dockerLabs.explorer.showDangling';

export function registerExplorer(context: vscode.ExtensionContext, docker: DockerService, labs: () => Promise<OpenLabs> | undefined = () => undefined): ExplorerApi {
  const model = new ExplorerModel({ client: () => docker.client(), endpoint: () => docker.endpoint.host });
  const provider = new DockerTreeProvider(model, uiLang);
  const view = vscode.window.createTreeView('dockerLabs.explorer', { treeDataProvider: provider, showCollapseAll: true, canSelectMany: true });
  const output = vscode.window.createOutputChannel('Docker Labs');
  const documents = new ReadOnlyDocuments();

  const setShowDangling = (show: boolean) => {
    model.setShowDangling(show);
    void context.globalState.update(SHOW_DANGLING_KEY, show);
    void vscode.commands.executeCommand('setContext', SHOW_DANGLING_KEY, show);
  };
  const initialDangling = context.globalState.get<boolean>(SHOW_DANGLING_KEY, false);
  model.setShowDangling(initialDangling);
  void vscode.commands.executeCommand('setContext', SHOW_DANGLING_KEY, initialDangling);

  // The context's name when one was chosen, else the host (unix:///var/run/docker.sock…).
  // A filter, while one is set, takes the description's place (`필터: web · 이 실습만`).
  let filterText: string | undefined;
  const describeEndpoint = () => {
    view.description = filterText ?? endpointLabel(docker.endpoint);
  };
  describeEndpoint();
  const filter = new ExplorerFilterState(context.workspaceState, model, labs, uiLang, (text) => {
    filterText = text;
    describeEndpoint();
  });
  void filter.apply();

  // At most one notification per endpoint: the tree itself shows the problem and its fixes.
  let notifiedFor: string | undefined;
  const onProblem = model.onDidChange((change) => {
    const problem = model.state.problem;
    if (!change.roots || !problem || notifiedFor === model.state.endpoint) return;
    notifiedFor = model.state.endpoint;
    const retry = vscode.l10n.t('Retry');
    void vscode.window
      .showWarningMessage(vscode.l10n.t('Cannot reach Docker at {0}: {1}', model.state.endpoint, pick(problem.cause, uiLang())), retry)
      .then((answer) => (answer === retry ? model.retry() : undefined));
  });

  // The diagram shares the model (and its one event stream): live while either is shown.
  const diagram: NetworkDiagramPanel = new NetworkDiagramPanel(context.extensionUri, model, uiLang, () => model.setLive(view.visible || diagram.visible));
  model.setLive(view.visible);
  const charts = new ImageChartPanels(context.extensionUri, uiLang, new BuiltImages(context.workspaceState));
  context.subscriptions.push(
    charts,
    model,
    provider,
    view,
    output,
    documents,
    filter,
    diagram,
    onProblem,
    vscode.workspace.registerTextDocumentContentProvider(ReadOnlyDocuments.scheme, documents),
    // Going live connects the event stream, and every (re)connection re-lists all
    // groups: whatever happened while the view was hidden shows up.
    view.onDidChangeVisibility((e) => model.setLive(e.visible || diagram.visible)),
    docker.onDidChangeEndpoint(() => {
      model.reset();
      describeEndpoint();
    }),
    ...registerCommands({ model, docker, output, documents, lang: uiLang, setShowDangling, filter, showDiagram: () => diagram.show(), charts }),
  );
  return { model, provider, view, filter, diagram, charts };
}
