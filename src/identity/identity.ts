import type Provider from 'oidc-provider';
import type { AccessLog } from '../audit/index.ts';
import { coalesce, type Database, type Tx } from '../db/index.ts';
import { type EventDispatcher, PERSON_DIED } from '../events/index.ts';
import { type Clock, DomainError } from '../kernel/index.ts';
import type { Messages } from '../messages/index.ts';
import type { AdminUnits, Registry } from '../registry/index.ts';
import { activateLevel2, setFirstPassword } from './activation.ts';
import { BootstrapTokens } from './bootstrap-token.ts';
import type { Caller } from './caller.ts';
import { findAccountByPerson, getAccountRow, type IdentityDeps, type RequestOrigin, tables } from './context.ts';
import { createChildAccount, setChildLock } from './guardians.ts';
import { confirmHolderUnlock, lockAccount, lockOwnAccount, requestHolderUnlock, unlockAccount } from './locks.ts';
import type { AccountView, Level2Evidence, RegistrationConfirmation, RegistrationRequest } from './model.ts';
import { ACR_LEVEL1, ACR_LEVEL2 } from './model.ts';
import { purgeExpired } from './oidc/adapter.ts';
import { ClientRegistry } from './oidc/clients.ts';
import { listConsents, revokeConsent } from './oidc/consents.ts';
import { Interactions } from './oidc/interactions.ts';
import { createProvider } from './oidc/provider.ts';
import { OneTimeCodes } from './one-time-codes.ts';
import { confirmRegistration, resendRegistrationCode, startRegistration } from './registration.ts';
import { AGENCY_NAMES, grantRole, listRoles, type RoleGrant, revokeRole, rolesOf } from './roles.ts';
import { platformSecret } from './secrets.ts';
import { beginTotp, changePassword, confirmTotp } from './sign-in.ts';
import { SignInThrottle, type ThrottleLimits } from './throttle.ts';
import { TrustedTokens, type Verified } from './trusted-tokens.ts';
import { WebSessions } from './web-sessions.ts';

export interface IdentityOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly accessLog: AccessLog;
  readonly registry: Registry;
  readonly units: AdminUnits;
  readonly messages: Messages;
  /** The platform's public URL (`http://localhost:3000`); the issuer is this followed by `/oidc`. */
  readonly publicUrl: string;
  readonly proxy: boolean;
  readonly throttle?: ThrottleLimits;
}

/**
 * Định danh điện tử — the identity module: eID accounts and their sign-in, roles, the OpenID provider and
 * the web app's sessions, composed once at start.
 */
export class Identity {
  readonly bootstrap: BootstrapTokens;
  readonly sessions: WebSessions;
  readonly interactions: Interactions;
  readonly issuer: string;

  private constructor(
    readonly deps: IdentityDeps & { units: AdminUnits },
    readonly provider: Provider,
    readonly clients: ClientRegistry,
    readonly webClientSecret: string,
    readonly publicUrl: string,
  ) {
    this.bootstrap = new BootstrapTokens(deps.db, deps.clock);
    this.sessions = new WebSessions(deps.db, deps.clock);
    this.interactions = new Interactions(provider, deps, clients);
    this.issuer = `${publicUrl}/oidc`;
  }

  static async create(options: IdentityOptions): Promise<Identity> {
    const { db, clock } = options;
    const pepper = await platformSecret(db, clock, 'identity.otp-pepper');
    const deps = {
      db,
      clock,
      accessLog: options.accessLog,
      registry: options.registry,
      units: options.units,
      messages: options.messages,
      codes: new OneTimeCodes(pepper, clock),
      throttle: new SignInThrottle(db, clock, options.throttle),
    };
    const publicUrl = options.publicUrl.replace(/\/$/, '');
    const clients = new ClientRegistry(db, clock);
    const webSecret = (await platformSecret(db, clock, 'identity.web-client-secret')).toString('base64url');
    await clients.ensureWebClient(`${publicUrl}/auth/callback`, `${publicUrl}/`, webSecret);
    const provider = await createProvider({
      db,
      clock,
      registry: options.registry,
      accessLog: options.accessLog,
      clients,
      issuer: `${publicUrl}/oidc`,
      proxy: options.proxy,
    });
    return new Identity(deps, provider, clients, webSecret, publicUrl);
  }

  /** Deletes the provider's expired rows (codes, tokens, sessions, interactions); returns how many went. */
  purgeExpired = () => purgeExpired(this.deps.db);

  /** Locks the account of a person recorded as deceased (idempotent: the event may come twice). */
  subscribe(dispatcher: EventDispatcher): void {
    dispatcher.subscribe('identity.lock-on-death', [PERSON_DIED], async (event, tx) => {
      const account = await findAccountByPerson(tx, event.subject, true);
      if (!account) return;
      await lockAccount(tx, this.deps, account.id, 'deceased', { id: 'registry', kind: 'system' });
      await tables(tx).deleteFrom('identity.web_session').where('account_id', '=', account.id).execute();
    });
  }

  // Registration and sign-in factors
  startRegistration = (request: RegistrationRequest, origin: RequestOrigin) =>
    startRegistration(this.deps, request, origin);
  confirmRegistration = (id: string, confirmation: RegistrationConfirmation) =>
    confirmRegistration(this.deps, id, confirmation);
  resendRegistrationCode = (id: string) => resendRegistrationCode(this.deps, id);
  setFirstPassword = (personalId: string, code: string, password: string) =>
    setFirstPassword(this.deps, personalId, code, password);
  beginTotp = (accountId: string) => beginTotp(this.deps, accountId);
  confirmTotp = (accountId: string, secret: string, code: string) => confirmTotp(this.deps, accountId, secret, code);
  changePassword = (accountId: string, current: string, next: string) =>
    changePassword(this.deps, accountId, current, next);

  // Locks
  lockOwn = (accountId: string) => lockOwnAccount(this.deps, accountId);
  requestUnlock = (personalId: string, phone: string) => requestHolderUnlock(this.deps, personalId, phone);
  confirmUnlock = (personalId: string, code: string) => confirmHolderUnlock(this.deps, personalId, code);

  /** Police lock or unlock an account. @throws DomainError FORBIDDEN, ACCOUNT_NOT_FOUND, ACCOUNT_NOT_LOCKED, UNLOCK_NOT_ALLOWED */
  async policeSetLock(officer: Caller, personalId: string, locked: boolean): Promise<void> {
    if (!officer.roles.some((role) => role.role === 'officer' && role.agency === 'police')) {
      throw new DomainError('FORBIDDEN', 'Only police officers may lock or unlock eID accounts.');
    }
    const account = await findAccountByPerson(this.deps.db, personalId);
    if (!account) throw new DomainError('ACCOUNT_NOT_FOUND', 'This person has no eID account.');
    await this.deps.db.transaction(async (tx) => {
      if (locked) {
        await lockAccount(tx, this.deps, account.id, 'police', officer.actor);
        await tables(tx).deleteFrom('identity.web_session').where('account_id', '=', account.id).execute();
      } else {
        await unlockAccount(tx, this.deps, account.id, 'police', officer.actor);
      }
    });
  }

  // Level 2 and guardians
  activateLevel2 = (officer: Caller, evidence: Level2Evidence) => activateLevel2(this.deps, officer, evidence);
  createChildAccount = (guardian: Caller, childPersonalId: string) =>
    createChildAccount(this.deps, guardian, childPersonalId);
  setChildLock = (guardian: Caller, childAccountId: string, locked: boolean) =>
    setChildLock(this.deps, guardian, childAccountId, locked);

  // Roles
  grantRole = (accountId: string, grant: RoleGrant, by: Caller) => grantRole(this.deps, accountId, grant, by.actor);
  revokeRole = (roleId: number, by: Caller) => revokeRole(this.deps, roleId, by.actor);
  listRoles = () => listRoles(this.deps);
  /** The live roles of one account (to check a colleague a dossier is handed on to). */
  rolesOfAccount = (accountId: string) => rolesOf(this.deps, accountId);
  /** The phone an account's holder is told on (notices of their dossiers); undefined when there is no account. */
  noticePhone = async (accountId: string, on: Database | Tx = this.deps.db): Promise<string | undefined> =>
    (await getAccountRow(on, accountId).catch(() => undefined))?.phone;
  accountIdOf = async (personalId: string) => (await findAccountByPerson(this.deps.db, personalId))?.id;
  /** Whether the person has an eID account and whether it is locked (for partners' checks: no other detail). */
  accountStatus = async (personalId: string): Promise<'none' | 'active' | 'locked'> =>
    (await this.#statusOf(personalId)) ?? 'none';
  /** The lookups of one turn (concurrent online checks) read together: `db/coalesce.ts`. */
  readonly #statusOf = coalesce((personalIds: readonly string[]) => this.accountStatuses(personalIds));
  /** {@link accountStatus} of many people in one statement (a batch check's chunk); absent: no account. */
  accountStatuses = async (personalIds: readonly string[]): Promise<Map<string, 'active' | 'locked'>> => {
    const { rows } = await this.deps.db.query<{ personal_id: string; status: 'active' | 'locked' }>(
      'select personal_id, status from identity.account where personal_id = any($1::char(12)[])',
      [personalIds],
    );
    return new Map(rows.map((row) => [row.personal_id, row.status]));
  };

  // Consents
  listConsents = (accountId: string) => listConsents(this.deps.db, this.clients, accountId);
  revokeConsent = (accountId: string, grantId: string) => revokeConsent(this.deps.db, accountId, grantId);

  readonly #machineTokens = new TrustedTokens<{ clientId: string; scopes: string[] }>(
    (token) => this.#verifyMachineToken(token),
    { trustMs: 5_000, refreshAfterMs: 4_000, maxTokens: 10_000 },
  );

  /**
   * The partner system behind a client-credentials access token (`Authorization: Bearer`), with its scopes.
   * A verified token is trusted for 5 s (or until it expires, if sooner) before the store is asked again; a
   * token in use is verified again in the background from 4 s (`trusted-tokens.ts`).
   * @throws DomainError UNAUTHENTICATED when the token is unknown, expired or its client disabled
   */
  machineClient(token: string): Promise<{ clientId: string; scopes: string[] }> {
    return this.#machineTokens.get(token);
  }

  async #verifyMachineToken(token: string): Promise<Verified<{ clientId: string; scopes: string[] }>> {
    const found = token.length <= 200 ? await this.provider.ClientCredentials.find(token) : undefined;
    const clientId = found && !found.isExpired ? found.clientId : undefined;
    const client = clientId ? await this.clients.metadata(clientId) : undefined;
    if (!clientId || !client) throw new DomainError('UNAUTHENTICATED', 'The access token is not valid.');
    const scopes = String(found?.scope ?? '')
      .split(' ')
      .filter(Boolean);
    return { value: { clientId, scopes }, expiresAt: (found?.exp ?? 0) * 1000 };
  }

  /** The caller behind a web session cookie, or undefined when the session is gone or its account locked. */
  async callerFromSession(token: string): Promise<(Caller & { csrfToken: string }) | undefined> {
    const session = await this.sessions.find(token);
    if (!session) return undefined;
    const account = await getAccountRow(this.deps.db, session.accountId);
    const roles = await rolesOf(this.deps, account.id);
    const acr = session.acr === ACR_LEVEL2 ? ACR_LEVEL2 : ACR_LEVEL1;
    const admin = roles.some((role) => role.role === 'admin');
    const officer = roles.find((role) => role.role === 'officer');
    const kind = admin ? 'admin' : officer ? 'officer' : 'citizen';
    const name = officer?.agency
      ? await this.agencyName(officer.agency, officer.communeId, officer.provinceId)
      : undefined;
    return {
      actor: { id: account.id, kind, ...(name ? { name } : {}) },
      accountId: account.id,
      personalId: account.personal_id,
      acr,
      roles,
      via: 'session',
      csrfToken: session.csrfToken,
    };
  }

  /** What the holder sees of their own account; reading their registry name is logged like any read. */
  async view(caller: Caller): Promise<AccountView> {
    const account = await getAccountRow(this.deps.db, caller.accountId ?? '');
    const record = await this.deps.registry.lookupPerson(account.personal_id, {
      actor: caller.actor,
      purpose: 'Xem tài khoản của tôi',
      channel: 'web',
    });
    const children = await tables(this.deps.db)
      .selectFrom('identity.account')
      .select(['id', 'personal_id', 'status'])
      .where('guardian_account_id', '=', account.id)
      .execute();
    const childNames = await Promise.all(
      children.map((child) =>
        this.deps.registry.lookupPerson(child.personal_id, {
          actor: caller.actor,
          purpose: 'Quản lý tài khoản của con',
          channel: 'web',
        }),
      ),
    );
    return {
      id: account.id,
      personalId: account.personal_id,
      fullName: record.fullName,
      level: account.level === 2 ? 2 : 1,
      status: account.status,
      lockedReason: account.locked_reason,
      phone: account.phone,
      email: account.email,
      totpEnabled: account.totp_secret !== null,
      roles: [...caller.roles],
      guardianOf: children.map((child, i) => ({
        accountId: child.id,
        personalId: child.personal_id,
        fullName: childNames[i]?.fullName ?? '',
        status: child.status,
      })),
      createdAt: account.created_at.toISOString(),
      level2At: account.level2_at?.toISOString() ?? null,
    };
  }

  readonly #unitNames = new Map<string, string>();

  /** `Công an Phường Ba Đình`: how an officer's reads show in "who accessed my data". */
  private async agencyName(
    agency: keyof typeof AGENCY_NAMES,
    communeId: string | null,
    provinceId: string | null,
  ): Promise<string> {
    const key = `${agency}:${communeId ?? provinceId}`;
    const cached = this.#unitNames.get(key);
    if (cached) return cached;
    let place = '';
    if (communeId) place = (await this.deps.units.findCommune(communeId))?.name ?? '';
    else if (provinceId) place = (await this.deps.units.getProvince(provinceId).catch(() => undefined))?.name ?? '';
    const name = `${AGENCY_NAMES[agency]} ${place}`.trim().slice(0, 200);
    this.#unitNames.set(key, name);
    return name;
  }
}
