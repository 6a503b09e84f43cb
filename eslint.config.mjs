// Flat config: TypeScript rules recommended by typescript-eslint, nothing exotic.
import tseslint from 'typescript-eslint';

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
);
