/** The layer rule of DESIGN.md: domain ← app ← adapters; web → domain, i18n. Checked in `npm test`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain imports nothing but itself (no I/O, no technology, no node builtins).',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { pathNot: '^src/domain' },
    },
    {
      name: 'app-uses-domain-only',
      comment: 'Use cases depend on the domain and on ports they declare, never on adapters or web.',
      severity: 'error',
      from: { path: '^src/app' },
      to: { path: '^(src/(adapters|web|cli)|node_modules)', pathNot: '^node_modules/(@types)' },
    },
    {
      name: 'adapters-not-web-or-cli',
      severity: 'error',
      from: { path: '^src/adapters' },
      to: { path: '^src/(web|cli)' },
    },
    {
      name: 'web-uses-domain-and-i18n',
      comment: 'The UI talks to the server over HTTP only; it may share pure rules and the catalogues.',
      severity: 'error',
      from: { path: '^src/web' },
      to: { path: '^src/(app|adapters|cli)' },
    },
    {
      name: 'i18n-is-leaf',
      severity: 'error',
      from: { path: '^src/i18n' },
      to: { pathNot: '^src/(i18n|domain)' },
    },
    { name: 'no-circular', severity: 'error', from: { path: '^src/domain' }, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test(-support)?\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
