// ESLint rule `local/capability-boundaries`: src/ is split by capability (src/<name>/), and a
// capability is used through its public index.ts, never through its internals. From a file
// of capability `a` (or the entry, src/*.ts):
// - anything of `a` itself: allowed;
// - src/util/**: allowed (shared by all; it imports no capability in turn);
// - another capability `b`: only `src/b` (its index.ts); editor glue (`vscode/` folders) and
//   the entry may also import `src/b/vscode` (its vscode/index.ts).
// scripts/build.mjs enforces the same when it bundles each capability on its own
// (dist/<name>.js), so that every module exists once at run time.
/* global require, module */
const fs = require('node:fs');
const path = require('node:path');

const SHARED = 'util';

/**
 * Where a module sits in src/: its capability (undefined for the entry, src/*.ts), whether
 * it is shared code, editor glue, or one of its capability's two public entries.
 */
function placeOf(file, srcDir) {
  const rel = path.relative(srcDir, file).split(path.sep).join('/');
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const parts = rel.replace(/\.(ts|js|mjs|cjs|json)$/, '').split('/');
  // Top-level files of src/ (extension.ts and its helpers) are the entry, not a capability.
  if (parts.length === 1 && !isDirectory(path.join(srcDir, parts[0]))) return { entry: true };
  if (parts[parts.length - 1] === 'index') parts.pop();
  const [capability, ...inner] = parts;
  return {
    capability,
    shared: capability === SHARED,
    glue: inner.includes('vscode'),
    publicIndex: inner.length === 0,
    publicGlue: inner.length === 1 && inner[0] === 'vscode',
  };
}

function isDirectory(p) {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

module.exports = {
  meta: {
    type: 'problem',
    docs: {
      description: "Import another capability only through its index.ts (src/<name>), never its internals; src/util imports no capability",
    },
    schema: [
      {
        type: 'object',
        properties: { src: { type: 'string', description: 'the source folder, relative to the working directory (default: src)' } },
        additionalProperties: false,
      },
    ],
    messages: {
      internal: "'{{source}}' reaches into the {{capability}} capability ({{target}}): import from its index ('{{publicPath}}') and export what is needed there.",
      glueFromEngine: "'{{source}}' is the {{capability}} capability's editor glue: only vscode/ folders and src/extension.ts may import it.",
      sharedImportsCapability: "src/{{shared}} is shared by every capability and imports none ('{{source}}').",
      entryFromCapability: "'{{source}}' is the extension's entry (src/*.ts): a capability does not import it.",
    },
  },
  create(context) {
    const srcDir = path.resolve(context.cwd, context.options[0]?.src ?? 'src');
    const filename = context.filename;
    const from = placeOf(filename, srcDir);
    if (!from) return {};

    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(filename), source);
      const to = placeOf(resolved, srcDir);
      if (!to || to.shared) return;
      if (to.entry) {
        if (!from.entry) context.report({ node, messageId: 'entryFromCapability', data: { source } });
        return;
      }
      if (from.capability === to.capability) return;
      const data = { source, capability: to.capability, shared: SHARED, target: path.relative(context.cwd, resolved).split(path.sep).join('/') };
      if (from.shared) return context.report({ node, messageId: 'sharedImportsCapability', data });
      if (to.publicIndex) return;
      if (to.publicGlue) {
        if (from.entry || from.glue) return;
        return context.report({ node, messageId: 'glueFromEngine', data });
      }
      const publicPath = path.relative(path.dirname(filename), path.join(srcDir, to.capability)).split(path.sep).join('/');
      context.report({ node, messageId: 'internal', data: { ...data, publicPath: publicPath.startsWith('.') ? publicPath : `./${publicPath}` } });
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSImportType: (node) => {
        const literal = node.argument?.literal ?? node.source;
        if (literal?.type === 'Literal') check(literal, literal.value);
      },
      CallExpression: (node) => {
        const [arg] = node.arguments;
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && arg?.type === 'Literal') check(arg, arg.value);
      },
    };
  },
};

module.exports.placeOf = placeOf;
module.exports.SHARED = SHARED;
