import { describe, expect, it } from 'vitest';
import { userMessage } from './user-message.ts';

describe('userMessage', () => {
  it('keeps a message written for users, with its problems and details', () => {
    const err = Object.assign(new Error('“w.zip” cannot be used: 1 problem was found.'), { name: 'WorkspaceFileError', problems: ['reviews row 1, year: 99999 is outside 1900–2100'], details: null });
    expect(userMessage(err, 'fallback')).toEqual({ message: err.message, problems: err.problems, details: null });
  });

  it('puts engine words behind the details, never in the message', () => {
    const err = new Error('Binder Error: {"exception_type":"Binder"}');
    expect(userMessage(err, 'The import failed; nothing was changed.')).toEqual({
      message: 'The import failed; nothing was changed.', problems: [], details: 'Binder Error: {"exception_type":"Binder"}',
    });
  });
});
