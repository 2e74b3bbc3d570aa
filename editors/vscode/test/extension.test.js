// Checks the extension's wiring without VS Code: package.json registers the language, its file patterns and the
// grammar, and activate() starts `filterlint lsp` (or the configured command) for that language. The `vscode`
// module and the language client are stand-ins that record what the extension asks of them.
'use strict';
const assert = require('assert');
const Module = require('module');
const path = require('path');
const manifest = require('../package.json');

const started = [];
let settings = {};
const stubs = {
  vscode: {
    workspace: { getConfiguration: (section) => ({ get: (key) => settings[`${section}.${key}`] }) },
  },
  'vscode-languageclient/node': {
    TransportKind: { stdio: 0, ipc: 1, pipe: 2, socket: 3 },
    LanguageClient: class {
      constructor(id, name, serverOptions, clientOptions) {
        started.push({ id, serverOptions, clientOptions });
      }
      start() { return Promise.resolve(); }
      stop() { return Promise.resolve(); }
    },
  },
};
const load = Module._load;
Module._load = function (request, parent, isMain) {
  return Object.prototype.hasOwnProperty.call(stubs, request) ? stubs[request] : load.call(this, request, parent, isMain);
};
const extension = require(path.join('..', manifest.main));

(async () => {
  const language = manifest.contributes.languages[0];
  assert.strictEqual(language.id, 'fail2ban-filter');
  for (const pattern of ['**/filter.d/*.conf', '**/filter.d/*.local'])
    assert.ok(language.filenamePatterns.includes(pattern), `filenamePatterns lacks ${pattern}`);
  const grammar = manifest.contributes.grammars[0];
  assert.strictEqual(grammar.language, 'fail2ban-filter');
  assert.strictEqual(require(path.join('..', grammar.path)).scopeName, grammar.scopeName);
  assert.strictEqual(manifest.dependencies['vscode-languageclient'].split('.')[0].replace(/\D/g, ''), '11');

  const subscriptions = [];
  await extension.activate({ subscriptions });
  assert.strictEqual(started.length, 1);
  const run = started[0].serverOptions.run;
  assert.deepStrictEqual([run.command, run.args, run.transport], ['filterlint', ['lsp'], 0]);
  assert.deepStrictEqual(started[0].clientOptions.documentSelector, [{ language: 'fail2ban-filter' }]);
  assert.strictEqual(subscriptions.length, 1);

  settings = { 'filterlint.path': 'dotnet', 'filterlint.extraArgs': ['/opt/filterlint/filterlint.dll'], 'filterlint.samples': '/logs' };
  await extension.activate({ subscriptions: [] });
  const configured = started[1];
  assert.deepStrictEqual([configured.serverOptions.run.command, configured.serverOptions.run.args], ['dotnet', ['/opt/filterlint/filterlint.dll', 'lsp']]);
  assert.strictEqual(configured.clientOptions.initializationOptions.samples, '/logs');
  await extension.deactivate();
  console.log('ok - the manifest registers fail2ban-filter and its grammar; activate() starts filterlint lsp (or the configured command)');
})().catch((e) => {
  console.log(`not ok - extension wiring\n  ${e.message}`);
  process.exit(1);
});
