// Flat config: TypeScript rules recommended by typescript-eslint, nothing exotic.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
// Only the rules object: the plugin's main module also loads its own prettier/react/@eslint/js
// configs (built for ESLint 9); its rules use the ESLint 10 API (sourceCode.getScope) and run here.
import officeAddinsRules from 'eslint-plugin-office-addins/lib/rules/index.js';

// Spreading an array into a call's arguments (Math.max(...xs), rows.push(...body)) puts every
// item on the stack: past about 120,000 items it throws "Maximum call stack size exceeded".
// Loop instead; a spread of a provably small array (a fixed tuple, a few names) may stay with
// `// eslint-disable-next-line no-restricted-syntax -- <why it is small>`.
const NO_SPREAD_ARGUMENTS = [
  {
    selector: 'CallExpression > SpreadElement.arguments, NewExpression > SpreadElement.arguments',
    message: 'No spread of an array into call arguments: it overflows the stack past ~120k items. Use a loop (or a comment saying why this array is small).',
  },
  ...[
    "CallExpression[callee.property.name='apply'][arguments.0.value=null][arguments.0.type='Literal']",
    "CallExpression[callee.property.name='apply'][arguments.0.type='Identifier'][arguments.0.name='undefined']",
    "CallExpression[callee.property.name='apply'][arguments.0.type='ThisExpression']",
    "CallExpression[callee.object.name='Reflect'][callee.property.name='apply']",
  ].map((selector) => ({
    // fn.apply(null | undefined | this, args) and Reflect.apply; our own methods named apply (host.apply(write)) are fine.
    selector,
    message: 'No Function.apply with an argument array: it overflows the stack past ~120k items. Use a loop.',
  })),
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: { 'no-restricted-syntax': ['error', ...NO_SPREAD_ARGUMENTS] },
  },
  // React: the rules of hooks and the React Compiler's checks (refs, purity, effects), as errors.
  {
    files: ['src/taskpane/**/*.{ts,tsx}', 'test/taskpane/**/*.{ts,tsx}', 'test/e2e/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...Object.fromEntries(Object.keys(reactHooks.configs['recommended-latest'].rules).map((rule) => [rule, 'error'])),
    },
  },
  // Office: the rules of Microsoft's add-in template (eslint-plugin-office-addins), all as errors.
  {
    plugins: { 'office-addins': { rules: officeAddinsRules.default } },
    rules: Object.fromEntries(Object.keys(officeAddinsRules.default).map((rule) => [`office-addins/${rule}`, 'error'])),
  },
  // Where those rules misread deliberate code: only these rules, only in these files.
  {
    files: ['src/hosts/excel/apply.ts'],
    rules: {
      // `ws.protection` and `range.format` are navigation properties (proxies to load from), not values read before a sync.
      'office-addins/call-sync-before-read': 'off',
      'office-addins/load-object-before-read': 'off',
    },
  },
  {
    files: ['src/hosts/excel/reads.ts'],
    rules: {
      // The block read loads `props.join(',')` and reads `range[p]`: names in a variable, which the rules cannot follow.
      'office-addins/no-empty-load': 'off',
      'office-addins/load-object-before-read': 'off',
      // One sync per block on purpose: a large sheet is read in blocks that stay under Excel's response size limit.
      'office-addins/no-context-sync-in-loop': 'off',
    },
  },
  {
    files: ['test/hosts/excel/fakeExcel.test.ts'],
    rules: {
      // The test reads unloaded properties on purpose: it proves the fake throws PropertyNotLoaded as Excel does.
      'office-addins/call-sync-before-read': 'off',
      'office-addins/load-object-before-read': 'off',
      'office-addins/call-sync-after-load': 'off',
    },
  },
);
