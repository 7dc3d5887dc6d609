/**
 * quire's import graph, checked by tests/architecture.test.ts (and by hand: `npx depcruise src`).
 *
 *   cli/ preview/ batch/ queue/                  on top: the commands, and many builds at once
 *   build/ config/ publish/ check/ assets.ts     the pipeline, and what it reads and writes
 *   read/    transform/    render/               the three stages, none importing another
 *   model/ diagnostics/ locale/ text/ files/     what every stage stands on
 *
 * A module may import its own layer and the layers below it, never above; the stages not even each other; and
 * nothing takes part in an import cycle (type-only imports count: a cycle of types is a cycle of design).
 */
const BASE = '^src/(model|diagnostics|locale|text|files)/';
const STAGES = '^src/(read|transform|render)/';
const PIPELINE = '^src/(build|config|publish|check)/|^src/assets\\.ts$';
const ABOVE_PIPELINE = '^src/(cli|preview|batch|queue)/|^src/index\\.ts$';

module.exports = {
  forbidden: [
    { name: 'no-cycle', comment: 'Modules import each other in a circle.', severity: 'error', from: {}, to: { circular: true } },
    { name: 'reader-imports-stage', comment: 'A reader imports a transform or a renderer.', severity: 'error', from: { path: '^src/read/' }, to: { path: '^src/(transform|render)/' } },
    { name: 'transform-imports-stage', comment: 'A transform imports a reader or a renderer.', severity: 'error', from: { path: '^src/transform/' }, to: { path: '^src/(read|render)/' } },
    { name: 'renderer-imports-stage', comment: 'A renderer imports a reader or a transform.', severity: 'error', from: { path: '^src/render/' }, to: { path: '^src/(read|transform)/' } },
    { name: 'base-imports-above', comment: 'model/, diagnostics/, locale/, text/ or files/ imports a stage, the pipeline or the CLI.', severity: 'error', from: { path: BASE }, to: { path: [STAGES, PIPELINE, ABOVE_PIPELINE] } },
    { name: 'stage-imports-pipeline', comment: 'A reader, transform or renderer imports the pipeline or the CLI.', severity: 'error', from: { path: STAGES }, to: { path: [PIPELINE, ABOVE_PIPELINE] } },
    { name: 'pipeline-imports-cli', comment: 'The pipeline imports the CLI or the public entry.', severity: 'error', from: { path: PIPELINE }, to: { path: ABOVE_PIPELINE } },
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
