// Lets plain mocha run the TypeScript sources directly: esbuild transpiles each
// file on require (type checking is the separate `tsc --noEmit` step of npm test).
const { transformSync } = require('esbuild');
const fs = require('fs');
require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: filename,
  });
  module._compile(code, filename);
};
