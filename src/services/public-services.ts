import type { AccessLog } from '../audit/index.ts';
import type { Database } from '../db/index.ts';
import { type Caller, type Identity, platformSecret } from '../identity/index.ts';
import type { Clock } from '../kernel/index.ts';
import type { Messages } from '../messages/index.ts';
import type { AdminUnits, Registry } from '../registry/index.ts';
import { Catalogue } from './catalogue/catalogue.ts';
import type { ServicesDeps } from './context.ts';
import { claim, decide, expireSupplements, handOn } from './decisions.ts';
import { answerSupplement, asApplicant, getMine, listMine, prefill, submit, withdraw } from './dossiers.ts';
import type { Decision, Form, NewDossier, Notification, StepState } from './model.ts';
import { completeSandboxPayment, handleCallback, sandboxPayment, startPayment } from './payments/payments.ts';
import { type PaymentCallback, SandboxPaymentProvider } from './payments/provider.ts';
import { PROCEDURE_HOOKS, STEP_ACTIONS } from './procedures/index.ts';
import { officerView, queue } from './queue.ts';
import { store } from './store.ts';

export interface PublicServicesOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly registry: Registry;
  readonly identity: Identity;
  readonly units: AdminUnits;
  readonly messages: Messages;
  readonly accessLog: AccessLog;
  readonly publicUrl: string;
  /** Values in [0, 1) for new numbers; cryptographic by default. */
  readonly random?: () => number;
}

/**
 * Dịch vụ công — the public services' operations: the catalogue, the applicant's dossiers, the agencies'
 * queues and decisions, fees. What the HTTP routes and the background runner call.
 */
export class PublicServices {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;

  private constructor(readonly deps: ServicesDeps & { payments: SandboxPaymentProvider }) {}

  /** @throws Error when the catalogue names a procedure or action the platform does not implement */
  static async create(options: PublicServicesOptions): Promise<PublicServices> {
    const catalogue = new Catalogue(new Set(STEP_ACTIONS.keys()));
    const missing = catalogue.list().find((procedure) => !PROCEDURE_HOOKS.has(procedure.code));
    if (missing) throw new Error(`procedure catalogue: ${missing.code} has no code of its own`);
    const secret = await platformSecret(options.db, options.clock, 'payment-sandbox');
    return new PublicServices({
      ...options,
      catalogue,
      actions: STEP_ACTIONS,
      hooks: PROCEDURE_HOOKS,
      payments: new SandboxPaymentProvider(secret, options.publicUrl),
    });
  }

  get catalogue(): Catalogue {
    return this.deps.catalogue;
  }

  // The applicant
  prefill = (caller: Caller, code: string) => prefill(this.deps, caller, code);
  submit = (caller: Caller, input: NewDossier) => submit(this.deps, caller, input);
  listMine = (caller: Caller) => listMine(this.deps, caller);
  getMine = (caller: Caller, id: string) => getMine(this.deps, caller, id);
  answerSupplement = (caller: Caller, id: string, answer: { note: string; form?: Form }) =>
    answerSupplement(this.deps, caller, id, answer);
  withdraw = (caller: Caller, id: string, reason: string) => withdraw(this.deps, caller, id, reason);

  /** The applicant's notices, newest first. */
  async notifications(caller: Caller): Promise<Notification[]> {
    const rows = await store.notificationsOf(this.deps.db, asApplicant(caller).accountId, 100);
    return rows.map((row) => ({
      id: Number(row.id),
      dossierId: row.dossier_id,
      title: row.title,
      body: row.body,
      createdAt: row.created_at.toISOString(),
      readAt: row.read_at?.toISOString() ?? null,
    }));
  }

  /** Marks a notice read; false when it is not the caller's or was read already. */
  markRead = (caller: Caller, id: number) =>
    store.markNotificationRead(this.deps.db, asApplicant(caller).accountId, id, this.deps.clock.now());

  // The agencies
  queue = (caller: Caller, filter: { state?: StepState; overdue?: boolean }) => queue(this.deps, caller, filter);
  officerView = (caller: Caller, id: string, requestId?: string) => officerView(this.deps, caller, id, requestId);
  claim = (caller: Caller, id: string, step: string) => claim(this.deps, caller, id, step);
  handOn = (caller: Caller, id: string, step: string, to: { accountId?: string; note?: string }) =>
    handOn(this.deps, caller, id, step, to);
  decide = (caller: Caller, id: string, step: string, decision: Decision) =>
    decide(this.deps, caller, id, step, decision);
  expireSupplements = () => expireSupplements(this.deps);

  // Fees
  startPayment = (caller: Caller, dossierId: string) => startPayment(this.deps, caller, dossierId);
  handleCallback = (callback: PaymentCallback) => handleCallback(this.deps, callback);
  sandboxPayment = (caller: Caller, paymentId: string) => sandboxPayment(this.deps, caller, paymentId);
  completeSandboxPayment = (caller: Caller, paymentId: string, outcome: 'paid' | 'cancelled') =>
    completeSandboxPayment(this.deps, caller, paymentId, outcome);

  /** Refuses the dossiers whose supplement was not given in time, every `intervalMs` (one run at a time). */
  start(intervalMs: number, onError: (error: unknown) => void): void {
    this.#timer = setInterval(() => {
      if (this.#running) return;
      this.#running = this.expireSupplements()
        .catch(onError)
        .finally(() => {
          this.#running = undefined;
        });
    }, intervalMs).unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
  }
}
