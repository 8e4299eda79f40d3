import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { InteractionResults } from 'oidc-provider';
import { DomainError } from '../../kernel/index.ts';
import { getAccountRow, type IdentityDeps, type RequestOrigin, tables } from '../context.ts';
import { ACR_LEVEL1, ACR_LEVEL2 } from '../model.ts';
import { authenticatePassword, sendSignInCode, verifySecondFactor } from '../sign-in.ts';
import { clientActor, SCOPE_LABELS } from './claims.ts';
import type { ClientRegistry } from './clients.ts';
import { findGrantId } from './consents.ts';

type Req = IncomingMessage;
type Res = ServerResponse;

/** What the sign-in and consent pages of the web app show. */
export interface InteractionView {
  readonly uid: string;
  readonly prompt: 'login' | 'consent';
  readonly level2Required: boolean;
  readonly client: { id: string; name: string; organisation: string; purpose: string; firstParty: boolean };
  /** The scopes the client asks the citizen to share, with what each shares. */
  readonly scopes: Array<{ scope: string; vi: string; en: string }>;
  /** Set when a password was accepted and the second factor is awaited. */
  readonly secondFactor: null | { method: 'sms' | 'totp' };
}

export type InteractionStep =
  | { redirectTo: string }
  | { next: 'second_factor'; method: 'sms' | 'totp'; sentTo?: string };

/** A first factor accepted in an interaction, waiting for the second (kept with the provider's own rows). */
const FIRST_FACTOR = 'dancu.FirstFactor';

/**
 * The steps of the provider's interactions (sign-in, step-up to level 2, consent), behind the JSON endpoints
 * the web app's pages call. Every completed sign-in is written to the access log of the person, with the
 * client it was for.
 */
export class Interactions {
  constructor(
    private readonly provider: Provider,
    private readonly deps: IdentityDeps,
    private readonly clients: ClientRegistry,
  ) {}

  async view(req: Req, res: Res): Promise<InteractionView> {
    const interaction = await this.details(req, res);
    const clientId = String(interaction.params.client_id);
    const client = clientId === 'dancu-web' ? undefined : await this.clients.get(clientId).catch(() => undefined);
    const actor = await clientActor(this.clients, clientId);
    const requested = String(interaction.params.scope ?? 'openid').split(' ');
    const missing = (interaction.prompt.details.missingOIDCScope as string[] | undefined) ?? requested;
    const pending = await this.pendingFirstFactor(interaction.uid);
    return {
      uid: interaction.uid,
      prompt: interaction.prompt.name === 'consent' ? 'consent' : 'login',
      level2Required: level2Requested(interaction.params),
      client: {
        id: clientId,
        name: client?.name ?? actor.name,
        organisation: client?.organisation ?? 'dancu',
        purpose: actor.purpose,
        firstParty: clientId === 'dancu-web',
      },
      scopes: missing
        .filter((scope) => SCOPE_LABELS[scope])
        .map((scope) => ({ scope, ...(SCOPE_LABELS[scope] as { vi: string; en: string }) })),
      secondFactor: pending ? { method: pending.totp ? 'totp' : 'sms' } : null,
    };
  }

  /**
   * The personal ID number and password. Level 1 is then complete; for level 2 the second factor follows. A
   * level-1 account asked for level 2 ends the request with `unmet_authentication_requirements`.
   */
  async password(
    req: Req,
    res: Res,
    personalId: string,
    password: string,
    origin: RequestOrigin,
  ): Promise<InteractionStep> {
    const interaction = await this.details(req, res, 'login');
    const account = await authenticatePassword(this.deps, personalId, password, origin);
    if (!level2Requested(interaction.params)) {
      return this.finishLogin(
        req,
        res,
        account.id,
        account.personal_id,
        ACR_LEVEL1,
        ['pwd'],
        String(interaction.params.client_id),
      );
    }
    if (account.level !== 2) {
      const redirectTo = await this.provider.interactionResult(req, res, {
        error: 'unmet_authentication_requirements',
        error_description: 'the application requires a level 2 eID account',
      });
      return { redirectTo };
    }
    await this.saveFirstFactor(interaction.uid, account.id, account.totp_secret !== null);
    if (account.totp_secret) return { next: 'second_factor', method: 'totp' };
    const { sentTo } = await sendSignInCode(this.deps, account.id);
    return { next: 'second_factor', method: 'sms', sentTo };
  }

  /** The code of the second factor, completing a level-2 sign-in. */
  async secondFactor(req: Req, res: Res, code: string, origin: RequestOrigin): Promise<InteractionStep> {
    const interaction = await this.details(req, res, 'login');
    const pending = await this.pendingFirstFactor(interaction.uid);
    if (!pending)
      throw new DomainError('INTERACTION_STEP_INVALID', 'Enter your personal ID number and password first.');
    const method = await verifySecondFactor(this.deps, pending.accountId, code, origin);
    const account = await getAccountRow(this.deps.db, pending.accountId);
    await tables(this.deps.db)
      .deleteFrom('identity.oidc_payload')
      .where('model', '=', FIRST_FACTOR)
      .where('id', '=', interaction.uid)
      .execute();
    return this.finishLogin(
      req,
      res,
      account.id,
      account.personal_id,
      ACR_LEVEL2,
      ['pwd', method],
      String(interaction.params.client_id),
    );
  }

  /** Sends a new SMS code for the pending second factor. */
  async resendCode(req: Req, res: Res): Promise<{ sentTo: string }> {
    const interaction = await this.details(req, res, 'login');
    const pending = await this.pendingFirstFactor(interaction.uid);
    if (!pending)
      throw new DomainError('INTERACTION_STEP_INVALID', 'Enter your personal ID number and password first.');
    return sendSignInCode(this.deps, pending.accountId);
  }

  /** The citizen approves sharing what the client asked for. */
  async consent(req: Req, res: Res): Promise<{ redirectTo: string }> {
    const interaction = await this.details(req, res, 'consent');
    const { details } = interaction.prompt;
    const accountId = interaction.session?.accountId;
    if (!accountId) throw new DomainError('INTERACTION_STEP_INVALID', 'Sign in first.');
    // One grant per citizen and client: a new consent extends the one given before.
    const clientId = String(interaction.params.client_id);
    const existing = interaction.grantId ?? (await findGrantId(this.deps.db, accountId, clientId));
    const grant =
      (existing ? await this.provider.Grant.find(existing) : undefined) ??
      new this.provider.Grant({ accountId, clientId });
    const scopes = details.missingOIDCScope as string[] | undefined;
    if (scopes) grant.addOIDCScope(scopes.join(' '));
    const claims = details.missingOIDCClaims as string[] | undefined;
    if (claims) grant.addOIDCClaims(claims);
    const resources = details.missingResourceScopes as Record<string, string[]> | undefined;
    for (const [indicator, list] of Object.entries(resources ?? {})) grant.addResourceScope(indicator, list.join(' '));
    const grantId = await grant.save();
    const redirectTo = await this.provider.interactionResult(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
    return { redirectTo };
  }

  /** The citizen declines: the client gets `access_denied`. */
  async abort(req: Req, res: Res): Promise<{ redirectTo: string }> {
    await this.details(req, res);
    const redirectTo = await this.provider.interactionResult(
      req,
      res,
      { error: 'access_denied', error_description: 'the citizen declined' },
      { mergeWithLastSubmission: false },
    );
    return { redirectTo };
  }

  private async details(req: Req, res: Res, expected?: 'login' | 'consent') {
    let interaction: Awaited<ReturnType<Provider['interactionDetails']>>;
    try {
      interaction = await this.provider.interactionDetails(req, res);
    } catch {
      throw new DomainError(
        'INTERACTION_NOT_FOUND',
        'This sign-in has expired or is unknown: start again from the application.',
      );
    }
    if (expected && interaction.prompt.name !== expected) {
      throw new DomainError(
        'INTERACTION_STEP_INVALID',
        `This step is not expected now (the sign-in is at "${interaction.prompt.name}").`,
      );
    }
    return interaction;
  }

  private async finishLogin(
    req: Req,
    res: Res,
    accountId: string,
    personalId: string,
    acr: string,
    amr: string[],
    clientId: string,
  ): Promise<{ redirectTo: string }> {
    const actor = await clientActor(this.clients, clientId);
    await this.deps.accessLog.record({
      actorId: actor.id,
      actorKind: actor.kind,
      actorName: actor.name,
      purpose: 'Đăng nhập bằng tài khoản định danh điện tử',
      channel: 'oidc',
      action: 'sign_in',
      subjectId: personalId,
      details: { acr: acr === ACR_LEVEL2 ? 2 : 1 },
    });
    const result: InteractionResults = { login: { accountId, acr, amr, remember: true } };
    const redirectTo = await this.provider.interactionResult(req, res, result, { mergeWithLastSubmission: false });
    return { redirectTo };
  }

  private async saveFirstFactor(uid: string, accountId: string, totp: boolean): Promise<void> {
    await this.deps.db.query(
      `insert into identity.oidc_payload (model, id, payload, account_id, expires_at) values ($1, $2, $3, $4, now() + interval '10 minutes')
       on conflict (model, id) do update set payload = excluded.payload, account_id = excluded.account_id, expires_at = excluded.expires_at`,
      [FIRST_FACTOR, uid, JSON.stringify({ accountId, totp }), accountId],
    );
  }

  private async pendingFirstFactor(uid: string): Promise<{ accountId: string; totp: boolean } | undefined> {
    const row = await tables(this.deps.db)
      .selectFrom('identity.oidc_payload')
      .select('payload')
      .where('model', '=', FIRST_FACTOR)
      .where('id', '=', uid)
      .where('expires_at', '>', new Date())
      .executeTakeFirst();
    if (!row) return undefined;
    return (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as {
      accountId: string;
      totp: boolean;
    };
  }
}

function level2Requested(params: Record<string, unknown>): boolean {
  if (typeof params.acr_values === 'string' && params.acr_values.split(' ').includes(ACR_LEVEL2)) return true;
  if (typeof params.claims !== 'string') return false;
  try {
    const acr = (JSON.parse(params.claims) as { id_token?: { acr?: { value?: string; values?: string[] } } }).id_token
      ?.acr;
    return acr?.value === ACR_LEVEL2 || Boolean(acr?.values?.includes(ACR_LEVEL2));
  } catch {
    return false;
  }
}
