/**
 * A queue job's data as `quire worker` reads it (src/queue/job.ts): what it may hold, and what a malformed job says
 * (it fails once, with this message, and is not tried again).
 */
import { jobRequest } from '../../src/queue/job';

test('a job names its input and output folder; formats and book.yaml options are optional', () => {
  expect(jobRequest({ input: '/srv/works/12', out: '/srv/books/12' })).toEqual({ input: '/srv/works/12', overrides: { outDir: '/srv/books/12', rendererOptions: {} } });
  expect(jobRequest({ input: 'w', out: 'b', formats: ['epub'], options: { 'page-size': '6x9', profile: 'kobo', 'file-name': '{slug}-{year}', encoding: 'windows-1252' } })).toEqual({
    input: 'w',
    overrides: { outDir: 'b', formats: ['epub'], output: '{slug}-{year}', encoding: 'windows-1252', rendererOptions: { pdf: { pageSize: '6x9' }, epub: { profile: 'kobo' } } },
  });
  // formats may also come from the options, as in book.yaml.
  expect(jobRequest({ input: 'w', out: 'b', options: { formats: ['txt'] } })).toMatchObject({ overrides: { formats: ['txt'] } });
});

test.each([
  [{ out: 'b' }, "the job's data is not {input, out, formats?, options?}: input:"],
  [{ input: 'w', out: 'b', extra: 1 }, 'Unrecognized key'],
  [{ input: 'w', out: 'b', formats: [] }, 'formats:'],
  [{ input: 'w', out: 'b', options: { 'page-size': 'b17' } }, "the job's options are not book.yaml's quire: options: page-size:"],
  [{ input: 'w', out: 'b', options: { pagesize: 'a5' } }, "the job's options are not book.yaml's quire: options"],
  [{ input: 'w', out: 'b', options: { out: 'elsewhere', cover: 'c.png' } }, "the job's options cannot set out, cover"],
  ['a string', "the job's data is not"],
])('%j is refused: %s', (data, message) => {
  const request = jobRequest(data);
  expect(typeof request).toBe('string');
  expect(request).toContain(message);
});
