import { afterEach, expect } from 'vitest';
import { takeConsoleErrors } from './browser.ts';

// Every browser journey: a page that logs an error (a script that fails, an htmx attribute it cannot
// read, a style sheet or image that is not there) fails the test that opened it.
afterEach(() => {
  const errors = takeConsoleErrors();
  expect(errors, `the browser logged errors:\n${errors.join('\n')}`).toEqual([]);
});
