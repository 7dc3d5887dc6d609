/** Jest runs the TypeScript sources through ts-jest; a global setup compiles lib/ for the end-to-end tests. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
    // any-ascii is an ES module only; Node requires it as one, Jest's module system needs it as CommonJS.
    'node_modules/any-ascii/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs' }, diagnostics: false }],
  },
  transformIgnorePatterns: ['/node_modules/(?!any-ascii/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 300000,
  globalSetup: '<rootDir>/tests/setup/compile.js',
};
