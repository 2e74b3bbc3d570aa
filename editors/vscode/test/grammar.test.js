// Checks the TextMate grammar with VS Code's own tokenizer (vscode-textmate + vscode-oniguruma): expected scopes
// on the seed filter, and, where Fail2Ban's filters are at hand (../shared/fail2ban-corpus, read in place),
// that every section header, option name, %(x)s and Fail2Ban tag of each of them gets its scope.
'use strict';
const fs = require('fs');
const path = require('path');
const assert = require('assert');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const grammarPath = path.join(__dirname, '..', 'syntaxes', 'fail2ban-filter.tmLanguage.json');
const corpusFilters = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'fail2ban-corpus', 'filter.d');

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.fail2ban-filter'
        ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath)
        : null,
  });
  return registry.loadGrammar('source.fail2ban-filter');
}

/** Every token of a text: { line, text, scopes }. */
function tokenize(grammar, text) {
  let stack = vsctm.INITIAL;
  const tokens = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const result = grammar.tokenizeLine(line, stack);
    for (const t of result.tokens)
      tokens.push({ line: i, text: line.substring(t.startIndex, t.endIndex), scopes: t.scopes });
    stack = result.ruleStack;
  });
  return tokens;
}

/** The scopes of the token holding `needle` on 0-based `line` (its first occurrence). */
function scopesOf(tokens, line, needle) {
  const onLine = tokens.filter((t) => t.line === line);
  const joined = onLine.map((t) => t.text).join('');
  const at = joined.indexOf(needle);
  assert.ok(at >= 0, `'${needle}' not on line ${line}: ${joined}`);
  let offset = 0;
  for (const t of onLine) {
    if (at < offset + t.text.length) return t.scopes;
    offset += t.text.length;
  }
  throw new Error('unreachable');
}

function expectScope(tokens, line, needle, scope) {
  const scopes = scopesOf(tokens, line, needle);
  assert.ok(scopes.some((s) => s.startsWith(scope)), `'${needle}' (line ${line + 1}) has ${scopes.join(' ')}, expected ${scope}`);
}

const checks = [];
function test(name, body) {
  checks.push({ name, body });
}

test('seed filter: sections, options, includes, interpolation, tags, regex fragments, comments', (grammar) => {
  const tokens = tokenize(grammar, fs.readFileSync(path.join(__dirname, 'fixtures', 'seed.conf'), 'utf8'));
  expectScope(tokens, 0, 'postfix-like', 'comment.line.number-sign');
  expectScope(tokens, 1, 'INCLUDES', 'entity.name.section');
  expectScope(tokens, 2, 'before', 'keyword.other.include');
  expectScope(tokens, 2, 'common.conf', 'string.unquoted.path');
  expectScope(tokens, 4, 'Definition', 'entity.name.section');
  expectScope(tokens, 5, '_daemon', 'variable.other.option');
  expectScope(tokens, 5, '(?:', 'punctuation.definition.group.regexp');
  expectScope(tokens, 5, '\\w', 'constant.character.escape.regexp');
  expectScope(tokens, 5, '[ds]', 'constant.other.character-class.set.regexp');
  expectScope(tokens, 6, 'failregex', 'variable.other.option');
  expectScope(tokens, 6, '_pref', 'variable.other.interpolation');
  expectScope(tokens, 6, '[A-Z]', 'constant.other.character-class.set.regexp');
  expectScope(tokens, 6, '{4}', 'keyword.operator.quantifier.regexp');
  expectScope(tokens, 6, '<HOST>', 'support.constant.tag');
  expectScope(tokens, 6, '$', 'keyword.control.anchor.regexp');
  // The continuation line stays in failregex's value.
  expectScope(tokens, 7, '<F-USER>', 'support.constant.tag');
  expectScope(tokens, 7, '</F-USER>', 'support.constant.tag');
  expectScope(tokens, 7, '<ADDR>', 'support.constant.tag');
  expectScope(tokens, 7, '; inline comment', 'comment.line.semicolon');
  expectScope(tokens, 8, 'ignoreregex', 'variable.other.option');
});

test('option tags and named groups are told apart', (grammar) => {
  const tokens = tokenize(grammar, '[Definition]\nfailregex = <mdre-<mode>> (?P<user>\\S+) <known/failregex>\n');
  expectScope(tokens, 1, '<mode>', 'variable.other.tag');
  expectScope(tokens, 1, '(?P<user>', 'punctuation.definition.group.regexp');
  expectScope(tokens, 1, '<known/failregex>', 'variable.other.tag');
});

test("Fail2Ban's filters (the corpus, where present): every header, option, %(x)s and tag has its scope", (grammar) => {
  if (!fs.existsSync(corpusFilters)) {
    console.log(`  skipped: ${corpusFilters} not found`);
    return;
  }
  let files = 0;
  let checked = 0;
  for (const name of fs.readdirSync(corpusFilters).filter((n) => n.endsWith('.conf')).sort()) {
    const text = fs.readFileSync(path.join(corpusFilters, name), 'utf8');
    const tokens = tokenize(grammar, text);
    text.split(/\r?\n/).forEach((line, i) => {
      const where = `${name}:${i + 1}`;
      if (/^\s*[#;]/.test(line) || line.trim() === '') return;
      const header = /^\[([^\]]+)\]/.exec(line);
      if (header) {
        expectScope(tokens, i, header[1], 'entity.name.section');
        checked++;
        return;
      }
      const option = /^([^\s=:#;[][^=:]*?)\s*[=:]/.exec(line);
      if (option) {
        const scopes = scopesOf(tokens, i, option[1]);
        assert.ok(scopes.some((s) => /^(variable\.other\.option|keyword\.other\.include)/.test(s)), `${where}: ${option[1]} has ${scopes}`);
        checked++;
      }
      // References on value lines (not in comments).
      const code = line.replace(/(^|\s);.*$/, '');
      for (const m of code.matchAll(/%\(([^)\s]+)\)s/g)) {
        expectScope(tokens, i, m[0], 'meta.interpolation');
        checked++;
      }
      for (const m of code.matchAll(/<(HOST|ADDR|IP4|IP6|DNS|CIDR|SUBNET|SKIPLINES|\/?F-[A-Za-z0-9_-]+\/?)>/g)) {
        const scopes = scopesOf(tokens, i, m[0]);
        // Inside a character class `[^<>]` a tag is no tag; only whole tokens are checked.
        if (scopes.some((s) => s.startsWith('constant.other.character-class'))) continue;
        assert.ok(scopes.some((s) => s.startsWith('support.constant.tag')), `${where}: ${m[0]} has ${scopes}`);
        checked++;
      }
    });
    files++;
  }
  assert.ok(files > 50, `only ${files} filters in ${corpusFilters}`);
  console.log(`  ${files} filters, ${checked} scopes checked`);
});

(async () => {
  const grammar = await loadGrammar();
  let failed = 0;
  for (const { name, body } of checks) {
    try {
      body(grammar);
      console.log(`ok - ${name}`);
    } catch (e) {
      failed++;
      console.log(`not ok - ${name}\n  ${e.message}`);
    }
  }
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
