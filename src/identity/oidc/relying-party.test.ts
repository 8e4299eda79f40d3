// A relying party built with openid-client against the provider: sign-in, claims, consent, step-up, logout.
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as client from 'openid-client';
import { describe, expect, it } from 'vitest';
import { CookieBrowser } from '../../../test/support/browser-fetch.ts';
import { latestCode } from '../../../test/support/identity.ts';
import {
  authorizationUrl,
  citizen,
  discover,
  issuer,
  RP,
  server,
  signIn,
  startRelyingPartyWorld,
} from '../../../test/support/relying-party.ts';
import { OFFICER, testRegistry } from '../../registry/testing.ts';
import { ACR_LEVEL1, ACR_LEVEL2 } from '../model.ts';

startRelyingPartyWorld();

describe('a relying party built with openid-client', () => {
  it('discovers, signs in with code + PKCE, verifies the ID token and its acr, reads userinfo, refreshes and logs out', async () => {
    const config = await discover();
    expect(config.serverMetadata().acr_values_supported).toEqual([ACR_LEVEL1, ACR_LEVEL2]);
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const browser = new CookieBrowser();
    const callback = await signIn(
      browser,
      await authorizationUrl(config, verifier, {
        scope: 'openid profile personal_id address offline_access',
        state,
        nonce,
        prompt: 'consent',
      }),
    );
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });

    const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri as string));
    const { payload, protectedHeader } = await jwtVerify(tokens.id_token as string, jwks, {
      issuer: issuer.href,
      audience: RP,
    });
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload.acr).toBe(ACR_LEVEL1);
    expect(payload.sub).toBe(citizen.accountId);

    const userinfo = await client.fetchUserInfo(config, tokens.access_token, citizen.accountId);
    expect(userinfo).toMatchObject({
      sub: citizen.accountId,
      name: 'Nguyễn Văn Đức',
      birthdate: '1990-05-17',
      personal_id: citizen.personalId,
    });
    expect((userinfo.address as { region: string }).region).toMatch(/Hà Nội/);

    expect(tokens.refresh_token).toBeTruthy();
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token as string);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    await expect(client.fetchUserInfo(config, refreshed.access_token, citizen.accountId)).resolves.toMatchObject({
      sub: citizen.accountId,
    });

    const endSession = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token as string,
      post_logout_redirect_uri: `${server.url}/rp/signed-out`,
    });
    const confirmPage = await browser.fetch(endSession.href);
    expect(confirmPage.status).toBe(200);
    const html = await confirmPage.text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    const action = /action="([^"]+)"/.exec(html)?.[1];
    expect(xsrf && action).toBeTruthy();
    const done = await browser.fetch(new URL(action as string, server.url).href, {
      form: { xsrf: xsrf as string, logout: 'yes' },
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${server.url}/rp/signed-out`);

    // The provider's session is gone: a silent sign-in now needs a login.
    const silent = await authorizationUrl(config, verifier, {
      scope: 'openid',
      state,
      prompt: 'none',
    });
    const back = await browser.follow(silent.href, `${server.url}/rp/`);
    expect(new URL(back.url).searchParams.get('error')).toBe('login_required');
  });

  it('refuses a client asking for level 2 when the account is level 1, with unmet_authentication_requirements', async () => {
    const config = await discover();
    const verifier = client.randomPKCECodeVerifier();
    const callback = await signIn(
      new CookieBrowser(),
      await authorizationUrl(config, verifier, {
        scope: 'openid profile',
        state: 'level-two',
        acr_values: ACR_LEVEL2,
      }),
    );
    expect(callback.searchParams.get('error')).toBe('unmet_authentication_requirements');
    expect(callback.searchParams.get('state')).toBe('level-two');
  });

  it('stops releasing claims once the citizen revokes the consent', async () => {
    const config = await discover();
    const verifier = client.randomPKCECodeVerifier();
    const callback = await signIn(
      new CookieBrowser(),
      await authorizationUrl(config, verifier, {
        scope: 'openid profile offline_access',
        state: 'revoke',
        prompt: 'consent',
      }),
    );
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: 'revoke',
    });
    await expect(client.fetchUserInfo(config, tokens.access_token, citizen.accountId)).resolves.toMatchObject({
      name: 'Nguyễn Văn Đức',
    });

    const { identity } = server.app.services;
    const consents = await identity.listConsents(citizen.accountId);
    const consent = consents.find((c) => c.clientId === RP);
    expect(consent?.scopes.map((s) => s.scope)).toContain('profile');
    await identity.revokeConsent(citizen.accountId, consent?.grantId as string);

    const refused = await client
      .fetchUserInfo(config, tokens.access_token, citizen.accountId)
      .catch((error: unknown) => error);
    expect((refused as { cause: Array<{ parameters: { error: string } }> }).cause[0]?.parameters.error).toBe(
      'invalid_token',
    );
    await expect(client.refreshTokenGrant(config, tokens.refresh_token as string)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    expect(await identity.listConsents(citizen.accountId)).toEqual([]);
  });

  it("writes each sign-in and each release of claims to the citizen's access log, with the client's name", async () => {
    const log = await server.app.services.identity.deps.accessLog.listForSubject(citizen.personalId, { limit: 100 });
    const byClient = log.items.filter((item) => item.actorId === RP);
    expect(byClient.some((item) => item.action === 'sign_in' && item.channel === 'oidc')).toBe(true);
    const release = byClient.find((item) => item.action === 'claims_released');
    expect(release).toMatchObject({
      actorName: 'Ngân hàng Thử nghiệm (Ngân hàng TMCP Thử nghiệm)',
      purpose: 'Mở tài khoản thanh toán trực tuyến (eKYC)',
    });
  });

  it('steps up to level 2 with a code sent to the phone when the client asks for it and the account is level 2', async () => {
    const police = {
      actor: { id: 'test-police', kind: 'officer' as const },
      roles: [
        {
          id: 1,
          role: 'officer' as const,
          agency: 'police' as const,
          communeId: '2025:00004',
          provinceId: null,
          grantedBy: 'test',
          grantedAt: new Date().toISOString(),
        },
      ],
      via: 'token' as const,
    };
    const { identity } = server.app.services;
    const { registry } = await testRegistry(server.db, new Date().toISOString());
    await registry.issueCard(
      citizen.personalId,
      { issuedOn: '2025-09-01', issuingAuthority: 'Cục Cảnh sát QLHC về TTXH' },
      OFFICER,
    );
    await identity.activateLevel2(police, {
      personalId: citizen.personalId,
      cardNumber: citizen.personalId,
      faceMatched: true,
      fingerprintsMatched: true,
      attestation: 'Đã đối chiếu khuôn mặt và vân tay.',
    });

    const config = await discover();
    const verifier = client.randomPKCECodeVerifier();
    const browser = new CookieBrowser();
    const start = await authorizationUrl(config, verifier, {
      scope: 'openid profile',
      state: 'level-two-ok',
      acr_values: ACR_LEVEL2,
      prompt: 'consent',
    });
    let { url } = await browser.follow(start.href);
    const first = await browser.fetch(`${url}/password`, {
      json: { personalId: citizen.personalId, password: citizen.password },
    });
    expect(await first.json()).toMatchObject({ next: 'second_factor', method: 'sms' });
    const wrong = await browser.fetch(`${url}/second-factor`, { json: { code: '000000' } });
    expect(wrong.status).toBe(422);
    const code = await latestCode(server.app, citizen.phone);
    const second = await browser.fetch(`${url}/second-factor`, { json: { code } });
    const { redirectTo } = (await second.json()) as { redirectTo: string };
    ({ url } = await browser.follow(new URL(redirectTo, server.url).href, `${server.url}/rp/`));
    const approved = (await (await browser.fetch(`${url}/consent`, { json: {} })).json()) as { redirectTo: string };
    ({ url } = await browser.follow(new URL(approved.redirectTo, server.url).href, `${server.url}/rp/`));
    const tokens = await client.authorizationCodeGrant(config, new URL(url), {
      pkceCodeVerifier: verifier,
      expectedState: 'level-two-ok',
    });
    expect(tokens.claims()?.acr).toBe(ACR_LEVEL2);
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, citizen.accountId);
    expect(userinfo.eid_level).toBe(2);
  });
});
