/** An error quire did not foresee: plain text asking for a report, or under --json one JSON line (rule internal-error). */
import { main } from '../../src/cli/main';

jest.mock('../../src/build', () => ({
  build: () => {
    throw new TypeError('cannot read properties of undefined');
  },
}));

function run(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io = { stdout: () => {}, stderr: (text: string) => void (stderr += text) };
  return main(argv, io).then((code) => ({ code, stderr }));
}

test('without --json: one plain line and a request to report it, exit 1', async () => {
  const { code, stderr } = await run(['build', 'manuscript']);
  expect(code).toBe(1);
  expect(stderr).toBe('quire: internal error: cannot read properties of undefined\nRun again with --debug for details, and report it.\n');
});

test('with --json: one JSON line, with the stack only under --debug', async () => {
  const plain = await run(['build', 'manuscript', '--json']);
  expect(plain.code).toBe(1);
  const lines = plain.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0])).toEqual({ severity: 'error', rule: 'internal-error', message: 'cannot read properties of undefined', hint: expect.stringContaining('--debug') });
  const debug = JSON.parse((await run(['build', 'manuscript', '--json', '--debug'])).stderr);
  expect(debug.stack).toMatch(/^TypeError: cannot read properties of undefined\n\s+at /);
});
