import { createApiToken } from '../../src/platform/auth/api-tokens.ts';
import { deliveringBoard } from '../support/deliveries.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** The app the fuzz cases run against: the real DUO directory, a board's delivery token, limits out of the way. */
export type FuzzApp = TestApp & {
  token: string;
  board: { id: string; number: string };
  school: { brin: string; location: string };
};

export async function createFuzzApp(): Promise<FuzzApp> {
  // the rate limits would answer 429 before the handlers under test run; they have their own tests
  const t = await createTestApp({
    withDuo: true,
    env: { SIGN_IN_RATE_LIMIT: '1000000', API_RATE_LIMIT: '1000000', PUBLIC_SEARCH_RATE_LIMIT: '1000000' },
  });
  const { board, school } = await deliveringBoard(t.database);
  const { token } = await createApiToken(t.database.db, {
    organisation: { kind: 'bestuur', id: board.id },
    name: 'fuzz',
    scopes: ['aanleveren'],
    expiresAt: new Date(Date.now() + 864e5),
    createdBy: null,
  });
  return { ...t, token, board, school };
}
