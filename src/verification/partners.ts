import type { Database } from '../db/index.ts';
import { type Clock, DomainError } from '../kernel/index.ts';
import type {
  CheckType,
  Contract,
  NewContract,
  NewPartner,
  Partner,
  PartnerChanges,
  PartnerDetail,
  PartnerStatus,
} from './model.ts';
import { PURPOSES, type PurposeCodeOf } from './purposes.ts';
import { type ContractRow, type PartnerRow, store } from './store.ts';

/** What the partner registry needs to know of an OpenID client. */
export interface ClientLookup {
  /** @throws DomainError CLIENT_NOT_FOUND */
  get(clientId: string): Promise<{ kind: string; scopes: readonly string[]; disabledAt: string | null }>;
}

export interface PartnersDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly clients: ClientLookup;
}

/** A partner with its contracts, as the check path reads it. */
export interface PartnerTerms {
  readonly partner: Partner;
  readonly contracts: readonly Contract[];
}

/** How long a node trusts what it read of a partner before reading again (changes made here apply at once). */
const TERMS_TTL_MS = 5_000;

/** Đối tác — partners and their contracts, kept by administrators. */
export class Partners {
  readonly #deps: PartnersDeps;
  readonly #byClient = new Map<string, { terms: PartnerTerms | undefined; until: number }>();

  constructor(deps: PartnersDeps) {
    this.#deps = deps;
  }

  /**
   * Registers a partner for a machine client with scope `verification`.
   * @throws DomainError CLIENT_NOT_FOUND, PARTNER_CLIENT_INVALID, PARTNER_EXISTS
   */
  async create(input: NewPartner, by: string): Promise<Partner> {
    const client = await this.#deps.clients.get(input.clientId);
    if (client.kind !== 'machine' || !client.scopes.includes('verification') || client.disabledAt !== null) {
      throw new DomainError(
        'PARTNER_CLIENT_INVALID',
        'A partner needs an enabled machine client with scope "verification" (POST /api/v1/admin/clients).',
        { clientId: input.clientId },
      );
    }
    const now = this.#deps.clock.now();
    const row: PartnerRow = {
      id: input.id,
      name: input.name.trim(),
      kind: input.kind,
      client_id: input.clientId,
      status: 'active',
      created_at: now,
      updated_at: now,
    };
    await this.#deps.db.transaction(async (tx) => {
      if (!(await store.insertPartner(tx, row))) {
        throw new DomainError('PARTNER_EXISTS', 'A partner already has this id or this client.', { id: input.id });
      }
      await store.insertEvent(tx, {
        partner_id: input.id,
        at: now,
        actor_id: by,
        kind: 'created',
        details: { name: row.name, kind: row.kind, clientId: row.client_id },
      });
    });
    this.#forget();
    return partnerView(row);
  }

  /** @throws DomainError PARTNER_NOT_FOUND */
  async update(id: string, changes: PartnerChanges, by: string): Promise<Partner> {
    const now = this.#deps.clock.now();
    const updated = await this.#deps.db.transaction(async (tx) => {
      const row = await this.#getRow(tx, id, true);
      const set = {
        ...(changes.name === undefined ? {} : { name: changes.name.trim() }),
        ...(changes.kind === undefined ? {} : { kind: changes.kind }),
      };
      await store.updatePartner(tx, id, { ...set, updated_at: now });
      await store.insertEvent(tx, { partner_id: id, at: now, actor_id: by, kind: 'updated', details: set });
      return { ...row, ...set, updated_at: now };
    });
    this.#forget();
    return partnerView(updated);
  }

  /**
   * Suspends (no more checks) or reactivates a partner, with the reason kept in its history.
   * @throws DomainError PARTNER_NOT_FOUND, PARTNER_STATUS_UNCHANGED
   */
  async setStatus(id: string, status: PartnerStatus, reason: string, by: string): Promise<Partner> {
    const now = this.#deps.clock.now();
    const updated = await this.#deps.db.transaction(async (tx) => {
      const row = await this.#getRow(tx, id, true);
      if (row.status === status) {
        throw new DomainError('PARTNER_STATUS_UNCHANGED', `The partner is already ${status}.`, { status });
      }
      await store.updatePartner(tx, id, { status, updated_at: now });
      await store.insertEvent(tx, {
        partner_id: id,
        at: now,
        actor_id: by,
        kind: status === 'suspended' ? 'suspended' : 'reactivated',
        details: { reason },
      });
      return { ...row, status, updated_at: now };
    });
    this.#forget();
    return partnerView(updated);
  }

  /**
   * Adds a contract; from its first day it replaces the earlier ones.
   * @throws DomainError PARTNER_NOT_FOUND, CONTRACT_INVALID
   */
  async addContract(id: string, input: NewContract, by: string): Promise<Contract> {
    if (input.validUntil !== undefined && input.validUntil < input.validFrom) {
      throw new DomainError('CONTRACT_INVALID', 'A contract cannot end before it starts.', { field: 'validUntil' });
    }
    if (Number.isNaN(Date.parse(`${input.validFrom}T00:00:00Z`))) {
      throw new DomainError('CONTRACT_INVALID', 'The first day is not a calendar date.', { field: 'validFrom' });
    }
    const now = this.#deps.clock.now();
    const row = await this.#deps.db.transaction(async (tx) => {
      await this.#getRow(tx, id, true);
      const inserted = await store.insertContract(tx, {
        partner_id: id,
        purposes: [...input.purposes],
        check_types: [...input.checkTypes],
        online_price_vnd: input.onlinePriceVnd,
        batch_price_vnd: input.batchPriceVnd,
        monthly_quota: input.monthlyQuota,
        rate_per_second: input.ratePerSecond,
        valid_from: input.validFrom,
        valid_until: input.validUntil ?? null,
        created_at: now,
        created_by: by,
      });
      await store.insertEvent(tx, {
        partner_id: id,
        at: now,
        actor_id: by,
        kind: 'contract_added',
        details: { contractId: inserted.id, validFrom: input.validFrom },
      });
      return inserted;
    });
    this.#forget();
    return contractView(row);
  }

  async list(): Promise<Partner[]> {
    return (await store.listPartners(this.#deps.db)).map(partnerView);
  }

  /** @throws DomainError PARTNER_NOT_FOUND */
  async get(id: string): Promise<PartnerDetail> {
    const row = await this.#getRow(this.#deps.db, id);
    const [contracts, events] = await Promise.all([
      store.contracts(this.#deps.db, id),
      store.events(this.#deps.db, id),
    ]);
    return {
      partner: partnerView(row),
      contracts: contracts.map(contractView),
      history: events.map((event) => ({
        at: event.at.toISOString(),
        actorId: event.actor_id,
        kind: event.kind,
        details: event.details,
      })),
    };
  }

  /** A partner with its contracts, read now. @throws DomainError PARTNER_NOT_FOUND */
  async termsOf(partnerId: string): Promise<PartnerTerms> {
    const row = await this.#getRow(this.#deps.db, partnerId);
    return { partner: partnerView(row), contracts: (await store.contracts(this.#deps.db, row.id)).map(contractView) };
  }

  /** The partner of an OpenID machine client with its contracts, or undefined (cached a few seconds). */
  async termsOfClient(clientId: string): Promise<PartnerTerms | undefined> {
    const now = Date.now();
    const cached = this.#byClient.get(clientId);
    if (cached && cached.until > now) return cached.terms;
    const row = await store.findPartnerByClient(this.#deps.db, clientId);
    const terms = row
      ? { partner: partnerView(row), contracts: (await store.contracts(this.#deps.db, row.id)).map(contractView) }
      : undefined;
    if (this.#byClient.size > 10_000) this.#byClient.clear();
    this.#byClient.set(clientId, { terms, until: now + TERMS_TTL_MS });
    return terms;
  }

  #forget(): void {
    this.#byClient.clear();
  }

  async #getRow(on: Parameters<typeof store.findPartner>[0], id: string, lock = false): Promise<PartnerRow> {
    const row = await store.findPartner(on, id, lock);
    if (!row) throw new DomainError('PARTNER_NOT_FOUND', 'No partner has this id.', { id });
    return row;
  }
}

/** The contract in force on `day` (`YYYY-MM-DD`): the latest to start on or before it that has not ended. */
export function contractOn(contracts: readonly Contract[], day: string): Contract | undefined {
  let found: Contract | undefined;
  for (const contract of contracts) {
    if (contract.validFrom <= day && (contract.validUntil === null || contract.validUntil >= day)) found = contract;
  }
  return found;
}

function partnerView(row: PartnerRow): Partner {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    clientId: row.client_id,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function contractView(row: ContractRow): Contract {
  return {
    id: row.id,
    purposes: row.purposes.map((code) => ({ code, label: PURPOSES[code as PurposeCodeOf] ?? code })),
    checkTypes: row.check_types as CheckType[],
    onlinePriceVnd: row.online_price_vnd,
    batchPriceVnd: row.batch_price_vnd,
    monthlyQuota: row.monthly_quota,
    ratePerSecond: row.rate_per_second,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    createdAt: row.created_at.toISOString(),
  };
}
