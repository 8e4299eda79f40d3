import type { AccessLog } from '../../audit/index.ts';
import type { Database, Tx } from '../../db/index.ts';
import type { Caller, Identity } from '../../identity/index.ts';
import type { Clock } from '../../kernel/index.ts';
import type { Messages } from '../../messages/index.ts';
import type { AccessContext, AdminUnits, ChangeContext, PersonRecord, Registry } from '../../registry/index.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import type { Form, Procedure, StepDefinition } from '../model.ts';
import type { DossierRow, StepRow } from '../store.ts';

/** What a step's action works with: everything in the transaction that records the step's outcome. */
export interface StepContext {
  readonly tx: Tx;
  /** The registry, its changes joining `tx`. */
  readonly registry: Registry;
  readonly units: AdminUnits;
  readonly deps: ServicesDeps;
  readonly dossier: DossierRow;
  readonly step: StepRow;
  readonly definition: StepDefinition;
  /** The results of the dossier's steps done so far, by step name. */
  readonly results: Readonly<Record<string, Record<string, unknown>>>;
  /** The officer's decision fields. */
  readonly data: Form;
  /** Who acts and on what basis (`Hồ sơ <receipt code>`), for the registry's civil events. */
  readonly change: ChangeContext;
  readonly today: string;
  readonly random: () => number;
}

/**
 * The work of one step. `run` changes what the step changes (through the other modules' public APIs, in the
 * step's transaction) and returns what the applicant is shown; `compensate` undoes it when a later step of
 * the dossier is refused, for the steps whose work must not outlive the dossier.
 */
export interface StepAction {
  run(context: StepContext): Promise<Record<string, unknown>>;
  compensate?(context: StepContext, result: Record<string, unknown>): Promise<void>;
}

/** The applicant and their registry reads, for pre-filling and checking a form. */
export interface ApplicantContext {
  readonly deps: ServicesDeps;
  readonly caller: Caller & { readonly personalId: string; readonly accountId: string };
  readonly access: AccessContext;
  readonly procedure: Procedure;
  readonly today: string;
  /** The applicant's own registry record (read once, logged). */
  record(): Promise<PersonRecord>;
}

/** What a checked form gives the dossier. */
export interface PreparedDossier {
  /** The form with the registry's values in its read-only fields, and facts the steps need. */
  readonly form: Form;
  /** The 2025 commune whose agencies handle the dossier. */
  readonly communeId: string;
  readonly subjectPersonalId: string | null;
}

/** A procedure's own code: what it pre-fills, and how it checks a form against the registry. */
export interface ProcedureHooks {
  prefill(context: ApplicantContext): Promise<Form>;
  prepare(context: ApplicantContext, form: Form): Promise<PreparedDossier>;
}

/** What the services module needs, passed in once. */
export interface ServicesDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly registry: Registry;
  readonly accessLog: AccessLog;
  readonly identity: Identity;
  readonly units: AdminUnits;
  readonly messages: Messages;
  readonly catalogue: Catalogue;
  /** The step actions and the procedures' own code the catalogue names (see `procedures/`). */
  readonly actions: ReadonlyMap<string, StepAction>;
  readonly hooks: ReadonlyMap<string, ProcedureHooks>;
  /** Where the platform's web app is reached (links in payment redirects). */
  readonly publicUrl: string;
  /** Values in [0, 1) for new numbers (personal ID, card numbers); cryptographic by default. */
  readonly random?: () => number;
}
