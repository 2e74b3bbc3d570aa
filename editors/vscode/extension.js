// Starts `filterlint lsp` for Fail2Ban filter files (language fail2ban-filter) through vscode-languageclient.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

async function activate(context) {
  const config = vscode.workspace.getConfiguration('filterlint');
  const command = config.get('path') || 'filterlint';
  const args = [...(config.get('extraArgs') || []), 'lsp'];
  // TransportKind.stdio: the client adds --stdio, which `filterlint lsp` accepts.
  const server = { command, args, transport: TransportKind.stdio };
  client = new LanguageClient('filterlint', 'Fail2Ban filterlint', { run: server, debug: server }, {
    documentSelector: [{ language: 'fail2ban-filter' }],
    initializationOptions: {
      settings: config.get('settings') || undefined,
      samples: config.get('samples') || undefined,
    },
  });
  context.subscriptions.push(client);
  await client.start();
}

async function deactivate() {
  if (client) await client.stop();
}

module.exports = { activate, deactivate };
