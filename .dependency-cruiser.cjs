/**
 * Import boundaries, checked by `npm run lint` (npx depcruise). Each rule names the seam it keeps.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules import in one direction; a cycle means two modules are really one, or a seam is missing.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-imports-neither-side',
      severity: 'error',
      comment: 'shared/ (contracts, schemas, the editor schema) is used by both sides, so it imports neither.',
      from: { path: '^shared/' },
      to: { path: '^(server|client)/' },
    },
    {
      name: 'client-never-imports-server',
      severity: 'error',
      comment: 'The browser bundle must not pull in server code; what both need lives in shared/.',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'infrastructure-never-imports-domains',
      severity: 'error',
      comment:
        'Infrastructure offers registries; domain modules register themselves (document kinds, socket forwarders). ' +
        'So http, collab, realtime, jobs, storage, db, media, auth, policies and images never import server/modules/**.',
      from: {
        path: '^server/(http|collab|realtime|jobs|storage|db|media|auth|policies|images)/',
        pathNot: '\\.test\\.ts$',
      },
      to: { path: '^server/modules/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|data|\\.tmp)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
  },
};
