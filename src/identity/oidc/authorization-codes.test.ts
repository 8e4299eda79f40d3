// Authorization codes are exchanged once, even when the same code arrives several times at once.
import * as client from 'openid-client';
import { describe, expect, it } from 'vitest';
import { CookieBrowser } from '../../../test/support/browser-fetch.ts';
import {
  authorizationUrl,
  discover,
  issuer,
  RP,
  server,
  signIn,
  startRelyingPartyWorld,
} from '../../../test/support/relying-party.ts';

startRelyingPartyWorld();

describe('authorization codes', () => {
  it('are exchanged once: the same code sent three times at once gives one token and two invalid_grant', async () => {
    const config = await discover();
    const verifier = client.randomPKCECodeVerifier();
    const callback = await signIn(
      new CookieBrowser(),
      await authorizationUrl(config, verifier, {
        scope: 'openid profile',
        state: 'race',
      }),
    );
    const code = callback.searchParams.get('code') ?? '';
    const exchange = () =>
      fetch(`${issuer.href}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          code_verifier: verifier,
          client_id: RP,
          redirect_uri: `${server.url}/rp/callback`,
        }),
      });
    const answers = await Promise.all([exchange(), exchange(), exchange()]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 400, 400]);
    const refused = await Promise.all(answers.filter((a) => a.status === 400).map((a) => a.json()));
    expect(refused.map((r) => r.error)).toEqual(['invalid_grant', 'invalid_grant']);
  });
});
