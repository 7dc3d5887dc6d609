/** `quire preview`'s command line: INPUT defaults to manuscript/, `--port` takes a port and belongs to preview alone. */
import { parseArgs, UsageError } from '../../src/cli/args';

test('preview defaults to manuscript/ and a free port (0), and takes --port N and --format', () => {
  const args = parseArgs(['preview']);
  expect(args.command).toBe('preview');
  expect(args.inputs).toEqual(['manuscript']);
  expect(args.port).toBe(0);
  const given = parseArgs(['preview', 'book', '--port', '4173', '--format', 'epub']);
  expect(given.inputs).toEqual(['book']);
  expect(given.port).toBe(4173);
  expect(given.formats).toEqual(['epub']);
  expect(parseArgs(['preview', '--port=8080']).port).toBe(8080);
});

test('--port outside preview, a port that is not a number, and two inputs are usage errors', () => {
  expect(() => parseArgs(['build', '--port', '4173'])).toThrow(new UsageError('--port works with preview only'));
  expect(() => parseArgs(['preview', '--port', 'http'])).toThrow(/--port takes a port number, 0 to 65535 \(got http\)/);
  expect(() => parseArgs(['preview', '--port', '70000'])).toThrow(/--port takes a port number/);
  expect(() => parseArgs(['preview', 'a', 'b'])).toThrow(new UsageError('preview takes at most one INPUT'));
});
