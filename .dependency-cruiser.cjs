// Module boundaries, checked by `npm run lint` (and proven to bite by test/lint-boundaries.test.ts).
//
// The kernel is what every capability may use: the folders below plus four files. A capability is
// any other folder under src/. The composition files (src/app.ts, cli.ts, server.ts, runtime.ts)
// sit outside both and may import anything.
const KERNEL_FOLDERS = ['db', 'jobs', 'auth', 'html', 'text', 'web'];
const KERNEL_FILES = ['config', 'errors', 'capability', 'deps', 'registry', 'cli-types'];

const kernelFolder = `^src/(${KERNEL_FOLDERS.join('|')})/`;
const kernelFile = `^src/(${KERNEL_FILES.join('|')})\\.ts$`;
// A folder under src/ that is not a kernel folder.
const capability = `^src/(?!(?:${KERNEL_FOLDERS.join('|')})/)[^/]+/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'kernel-imports-no-capability',
      comment:
        'The kernel must work without any capability (capabilities plug into it, not the other way round). ' +
        'Move the shared piece into the kernel, or let the capability register it (see src/capability.ts).',
      severity: 'error',
      from: { path: [kernelFolder, kernelFile] },
      to: { path: capability },
    },
    {
      name: 'capability-through-index',
      comment:
        "A capability uses another only through that capability's index.ts, its public face; " +
        'anything else is its private business and may change without notice.',
      severity: 'error',
      from: { path: '^src/([^/]+)/', pathNot: kernelFolder },
      to: {
        path: capability,
        pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'migrations-are-frozen',
      comment:
        'A migration that has run somewhere must do the same thing for ever: it may use src/db helpers, ' +
        'never data or code from a capability that can change under it (inline the data instead).',
      severity: 'error',
      from: { path: '^src/db/migrations/' },
      to: { path: '^src/', pathNot: '^src/db/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles anywhere (src, test, bench): they make start-up order and refactoring fragile.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The fixture tree breaks every rule on purpose; the boundaries test cruises it on its own.
    exclude: { path: '^test/fixtures/' },
    // Type-only imports are dependencies too: they tie one module's shape to another's.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    skipAnalysisNotInRules: true,
  },
};
