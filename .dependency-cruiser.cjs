/**
 * The house's boundaries (ARCHITECTURE "Processes and layers", "The registry"), checked in
 * `npm test` (`npm run lint:deps`):
 *   - no import cycle;
 *   - layers import only downward: shared ← store ← auth ← api ← modules ← host/app/cli;
 *   - a module reaches another module only through its index.ts (code) or contract.ts (shapes);
 *   - host/, app/ and the command line reach modules only through the registry or an index.ts;
 *   - the renderer takes nothing from main at run time (types only).
 * Violations that predate a rule are listed in .dependency-cruiser-known-violations.json and
 * may only shrink (`npm run lint:deps:baseline` after removing one).
 */
const layer = (name, above) => ({
  name: `layer-${name}`,
  comment: `src-main/${name} must not import from the layers above it (${above.join(', ')})`,
  severity: 'error',
  from: { path: `^src-main/${name}/` },
  to: { path: `^src-main/(${above.join('|')})(/|\\.ts$)` },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles make the order of initialisation fragile and the layers meaningless.',
      severity: 'error',
      from: { path: '^src-(main|renderer)/' },
      to: { circular: true },
    },
    layer('shared', ['store', 'auth', 'api', 'modules', 'host', 'app', 'cli', 'cli-entry', 'preload']),
    layer('store', ['auth', 'api', 'modules', 'host', 'app', 'cli', 'cli-entry', 'preload']),
    layer('auth', ['api', 'modules', 'host', 'app', 'cli', 'cli-entry', 'preload']),
    layer('api', ['modules', 'host', 'app', 'cli', 'cli-entry', 'preload']),
    layer('modules', ['host', 'app', 'cli', 'cli-entry', 'preload']),
    {
      name: 'module-through-index',
      comment: 'Another module is reached only through its index.ts (its code) or its contract.ts (its shapes, pure zod).',
      severity: 'error',
      from: { path: '^src-main/modules/([^/]+)/' },
      to: { path: '^src-main/modules/[^/]+/', pathNot: ['^src-main/modules/$1/', '^src-main/modules/[^/]+/(index|contract)\\.ts$'] },
    },
    {
      name: 'host-through-registry',
      comment: 'The hosts (Electron, HTTP, control), the window and the command line know modules only through the registry or a module’s index.ts or its pure rules.ts (no store, no clock: the command line computes without a database).',
      severity: 'error',
      from: { path: '^src-main/(host|app|cli|cli-entry|cli-args|preload)' },
      to: { path: '^src-main/modules/[^/]+/', pathNot: ['^src-main/modules/[^/]+/index\\.ts$', '^src-main/modules/[^/]+/rules\\.ts$'] },
    },
    {
      name: 'rules-stay-pure',
      comment: 'A module’s rules.ts is pure: it reads neither the store, nor a session, nor the API (parameters come as an argument).',
      severity: 'error',
      from: { path: '^src-main/modules/[^/]+/rules\\.ts$' },
      to: { path: '^src-main/(store|auth|api|host|app)/' },
    },
    {
      name: 'renderer-module-through-index',
      severity: 'error',
      from: { path: '^src-renderer/modules/([^/]+)/' },
      to: { path: '^src-renderer/modules/[^/]+/', pathNot: ['^src-renderer/modules/$1/', '^src-renderer/modules/[^/]+/index\\.tsx?$'] },
    },
    {
      name: 'renderer-types-only-from-main',
      comment: 'The renderer runs sandboxed: it takes types from main, and code only from pure lists (roles, a module’s kinds.ts).',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: '^src-main/', pathNot: ['^src-main/shared/roles\\.ts$', '^src-main/modules/[^/]+/kinds\\.ts$'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|out|dist)/|\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
