import type { AccessLog } from '../audit/index.ts';
import type { Database } from '../db/index.ts';
import { ACR_LEVEL2, type Caller } from '../identity/index.ts';
import { type Clock, DomainError, vietnamDate } from '../kernel/index.ts';
import type { Registry } from '../registry/index.ts';
import { Batches } from './batch/batches.ts';
import { checkDeclaration } from './check.ts';
import { QuotaCounter, RateLimiter } from './limits.ts';
import { countChecks, invoice, monthOf, usageReport } from './metering.ts';
import type { PartnerContract, QuotaStatus, VerificationAnswer, VerificationRequest } from './model.ts';
import { type ClientLookup, contractOn, Partners, type PartnerTerms } from './partners.ts';
import { PartnerStaff } from './staff.ts';
import type { Invoice, UsageReport } from './usage-model.ts';

/** What the verification module needs of the identity module. */
export interface IdentityPort {
  /** @throws DomainError UNAUTHENTICATED */
  machineClient(token: string): Promise<{ clientId: string; scopes: readonly string[] }>;
  accountStatus(personalId: string): Promise<'none' | 'active' | 'locked'>;
  /** The status of each of the people who have an eID account (people without one are absent). */
  accountStatuses(personalIds: readonly string[]): Promise<ReadonlyMap<string, 'active' | 'locked'>>;
  readonly clients: ClientLookup;
  /** The eID account of a person, if they have one. */
  accountIdOf(personalId: string): Promise<string | undefined>;
}

export interface VerificationDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly accessLog: AccessLog;
  readonly registry: Pick<Registry, 'verificationFacts' | 'verificationFactsForBatch'>;
  readonly identity: IdentityPort;
  /** How often a node re-reads a partner's monthly count from the access log (default 10 s). */
  readonly quotaRefreshMs?: number;
  /** Rows per chunk of a batch job (default 1000). */
  readonly batchChunkRows?: number;
}

/** The scope a partner's access token must carry for online checks. */
export const VERIFICATION_SCOPE = 'verification';
/** The scope a partner's access token must carry for batch jobs. */
export const BATCH_SCOPE = 'verification.batch';

/**
 * Xác thực thông tin — the verification module: partners and contracts, the online check, usage and invoices.
 */
export class Verification {
  readonly partners: Partners;
  /** Batch jobs: upload, progress, results, and the runner (`runPending` by hand, `start` in the background). */
  readonly batches: Batches;
  /** The members of partners' staff, who use the partner console. */
  readonly staff: PartnerStaff;
  readonly #deps: VerificationDeps;
  readonly #quotas: QuotaCounter;
  readonly #rates: RateLimiter;

  constructor(deps: VerificationDeps) {
    this.#deps = deps;
    this.partners = new Partners({ db: deps.db, clock: deps.clock, clients: deps.identity.clients });
    this.staff = new PartnerStaff({
      db: deps.db,
      clock: deps.clock,
      accountIdOf: (personalId) => deps.identity.accountIdOf(personalId),
    });
    // A month's quota counts the checks in the log and the rows that accepted batch jobs have yet to check.
    this.#quotas = new QuotaCounter(
      async (partnerId, month) =>
        (await countChecks(deps.accessLog, partnerId, month)) + (await this.batches.reserved(partnerId)),
      deps.clock,
      deps.quotaRefreshMs,
    );
    this.#rates = new RateLimiter(deps.clock);
    this.batches = new Batches({
      db: deps.db,
      clock: deps.clock,
      registry: deps.registry,
      checksInLog: (partnerId, month) => countChecks(deps.accessLog, partnerId, month),
      accountStatuses: (personalIds) => deps.identity.accountStatuses(personalIds),
      partnerName: async (partnerId) => (await this.partners.get(partnerId)).partner.name,
      ...(deps.batchChunkRows ? { chunkRows: deps.batchChunkRows } : {}),
    });
  }

  /**
   * The partner behind a client-credentials access token.
   * @param scope `verification` for online checks, `verification.batch` for batch jobs
   * @throws DomainError UNAUTHENTICATED (unknown or expired token), FORBIDDEN (without the scope),
   *   NOT_A_PARTNER (a client no partner is registered for)
   */
  async partnerOfToken(token: string, scope: string = VERIFICATION_SCOPE): Promise<PartnerTerms> {
    const client = await this.#deps.identity.machineClient(token);
    if (!client.scopes.includes(scope)) {
      throw new DomainError('FORBIDDEN', `The access token lacks the "${scope}" scope.`);
    }
    const terms = await this.partners.termsOfClient(client.clientId);
    if (!terms) throw new DomainError('NOT_A_PARTNER', 'No verification partner is registered for this client.');
    return terms;
  }

  /**
   * The partner of a member of its staff signed in to the web app with a level-2 eID (a second factor).
   * @throws DomainError FORBIDDEN (not a member of a partner's staff, or not a signed-in account),
   *   LEVEL2_SIGN_IN_REQUIRED
   */
  async partnerOfStaff(caller: Caller): Promise<PartnerTerms> {
    const partnerId =
      caller.via === 'session' && caller.accountId ? await this.staff.partnerOf(caller.accountId) : undefined;
    if (!partnerId) throw new DomainError('FORBIDDEN', 'Only members of a verification partner’s staff may do this.');
    if (caller.acr !== ACR_LEVEL2) {
      throw new DomainError('LEVEL2_SIGN_IN_REQUIRED', 'Sign in again with a level-2 eID to use the partner console.');
    }
    return this.partners.termsOf(partnerId);
  }

  /** The online check (see `check.ts`). */
  check(terms: PartnerTerms, request: VerificationRequest, requestId?: string): Promise<VerificationAnswer> {
    const { clock, registry, identity } = this.#deps;
    return checkDeclaration(
      {
        clock,
        facts: registry.verificationFacts,
        accountStatus: (personalId) => identity.accountStatus(personalId),
        quotas: this.#quotas,
        rates: this.#rates,
      },
      terms,
      request,
      requestId,
    );
  }

  /** @throws DomainError PARTNER_NOT_FOUND */
  async usage(partnerId: string, month: string, groupBy: 'day' | 'month'): Promise<UsageReport> {
    await this.partners.get(partnerId);
    return usageReport(this.#deps.accessLog, partnerId, month, groupBy);
  }

  /**
   * What a partner sees of itself: its details, the contract in force today and this month's quota: checks in
   * the log, rows reserved by its unfinished batch jobs, and what is left.
   */
  async contract(terms: PartnerTerms): Promise<PartnerContract> {
    const now = this.#deps.clock.now();
    const contract = contractOn(terms.contracts, vietnamDate(now)) ?? null;
    if (!contract) return { partner: terms.partner, contract, quota: null };
    const month = monthOf(now);
    const [used, reserved] = await Promise.all([
      countChecks(this.#deps.accessLog, terms.partner.id, month),
      this.batches.reserved(terms.partner.id),
    ]);
    const quota: QuotaStatus = {
      month,
      quota: contract.monthlyQuota,
      used,
      reserved,
      remaining: Math.max(0, contract.monthlyQuota - used - reserved),
    };
    return { partner: terms.partner, contract, quota };
  }

  /** @throws DomainError PARTNER_NOT_FOUND */
  async invoice(partnerId: string, month: string): Promise<Invoice> {
    const { partner, contracts } = await this.partners.get(partnerId);
    const batches = await this.batches.checksByDay(partnerId, month);
    return invoice(this.#deps.accessLog, { partner, contracts }, month, batches);
  }
}
