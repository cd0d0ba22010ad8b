// The ids the server makes are the ids the server and the browser accept.
import { describe, expect, test } from 'vitest';
import { QUOTE_ID_PATTERN, REFERENCE_PATTERN, VOTER_ID_PATTERN } from '../../src/lib/id-formats.ts';
import { newQuoteId, newReference } from '../../src/store/ids.ts';
import { voterId } from '../../src/browser/vote-memory.ts';

describe('id formats', () => {
  test.each([
    ['quote ids', newQuoteId, QUOTE_ID_PATTERN],
    ['diagnostics references', newReference, REFERENCE_PATTERN],
    ['voter ids', () => voterId({ getItem: () => null, setItem: () => {} }), VOTER_ID_PATTERN],
  ])('%s made are ids accepted', (_, make, pattern) => {
    for (let i = 0; i < 2000; i++) expect(make()).toMatch(pattern);
  });

  test.each([
    [QUOTE_ID_PATTERN, ['Ab3dEf7h', 'Ab3dEf7hJk9mX', 'Ab3dEf7hJk9l', 'Ab3dEf7hJk90']],
    [REFERENCE_PATTERN, ['01234567', '1234567', '123456789', '1234567a']],
    [VOTER_ID_PATTERN, ['short', 'voter id with spaces', 'x'.repeat(65)]],
  ])('%s refuses look-alikes and other lengths', (pattern, wrong) => {
    for (const id of wrong) expect(id).not.toMatch(pattern);
  });
});
