/**
 * The house rules, checked in `npm test` (`npm run deps`). Each rule says which way imports may
 * point; a message names the rule and why it exists. Type-only imports count: a circle of types
 * is still a circle a reader has to untangle.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circles',
      severity: 'error',
      comment: 'Import circles make a module impossible to read or test on its own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'electron-only-in-platform',
      severity: 'error',
      comment:
        'Only main.ts, preload.ts and platform/ may import electron: the rest runs in plain Node tests.',
      from: { path: '^(electron|cli)/', pathNot: '^electron/(main|preload)\\.ts$|^electron/platform/' },
      to: { path: '^node_modules/electron/' },
    },
    {
      name: 'core-imports-no-feature',
      severity: 'error',
      comment: 'core/ is the foundation every feature stands on; it must not depend on any of them.',
      from: { path: '^electron/core/' },
      to: { path: '^electron/(features|platform)/|^electron/(assistant|main|preload)\\.ts$' },
    },
    {
      name: 'core-and-features-use-only-ipc-rules',
      severity: 'error',
      comment:
        'core/ and features/ may use the shared input rules (ipc/schemas) and channel names, and handlers may use the router’s types; never the router itself.',
      from: { path: '^electron/(core|features)/' },
      to: { path: '^electron/ipc/router\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'feature-imports-types-of-other-features',
      severity: 'error',
      comment:
        'A feature uses another feature only through its types.ts (or, for a composed read like the dashboard, its index.ts); shared work belongs in core/.',
      from: { path: '^electron/features/([^/]+)/' },
      to: {
        path: '^electron/features/',
        pathNot: '^electron/features/$1/|^electron/features/[^/]+/(types|index)\\.ts$',
      },
    },
    {
      name: 'contract-imports-only-types',
      severity: 'error',
      comment: 'The contract is the spine both processes compile against: it may hold no service code.',
      from: { path: '^electron/ipc/(contract\\.ts$|contracts/)' },
      to: {
        path: '^electron/(core|features)/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'renderer-imports-only-contract-types-and-schemas',
      severity: 'error',
      comment:
        'The renderer reaches the main process only through window.assistant: from electron/ it may import the contract’s types and the pure input rules (ipc/schemas.ts, and ipc/inputs/ for areas added later).',
      from: { path: '^renderer/' },
      to: {
        path: '^electron/',
        pathNot: '^electron/ipc/schemas\\.ts$|^electron/ipc/inputs/|^electron/ipc/contract\\.ts$',
      },
    },
    {
      name: 'renderer-imports-contract-as-types',
      severity: 'error',
      comment: 'Only types cross from the contract into the renderer bundle.',
      from: { path: '^renderer/' },
      to: { path: '^electron/ipc/contract\\.ts$', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
