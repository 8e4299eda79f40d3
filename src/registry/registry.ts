import type { Tx } from '../db/index.ts';
import type { Household, HouseholdRelationship, PersonRecord, PersonSummary } from './model.ts';
import { issueCard, setCardInvalid } from './service/cards.ts';
import type { AccessContext, ChangeContext, RegistryDeps } from './service/context.ts';
import { type DeathFacts, type DeathOutcome, recordDeath } from './service/death.ts';
import { appointLegalRepresentative, recordDivorce, recordMarriage } from './service/family.ts';
import { addMember, changeHead, createHousehold, type NewHousehold, removeMember } from './service/households.ts';
import { type NewPerson, type PersonChanges, registerPerson, updatePerson } from './service/people.ts';
import { type QualityCheck, type QualityReport, qualityFindings, qualityReport } from './service/quality.ts';
import { getHousehold, getPersonRecord } from './service/record.ts';
import {
  type DeregistrationReason,
  declareTemporaryAbsence,
  deregisterPermanentResidence,
  endResidence,
  type ResidencePlace,
  registerPermanentResidence,
  registerTemporaryResidence,
  renewTemporaryResidence,
} from './service/residence.ts';
import { sampleResidents } from './service/sample.ts';
import { lookupPerson, type PersonPage, type PersonQuery, searchPeople } from './service/search.ts';
import { type VerificationReadOptions, verificationFacts } from './service/verification-facts.ts';
import {
  type BatchCheck,
  type BatchReadOptions,
  verificationFactsForBatch,
} from './service/verification-facts-batch.ts';

/**
 * The population registry's public operations. Reads take an {@link AccessContext} and are logged; changes
 * take a {@link ChangeContext} and append civil events in the same transaction.
 */
export class Registry {
  constructor(readonly deps: RegistryDeps) {}

  /**
   * The same registry, its changes joining the caller's transaction (each as a savepoint) instead of committing
   * on their own: a workflow step records its outcome in the transaction that made the change. Reads still log
   * through the access log's own writer, so use it for changes only.
   */
  within = (tx: Tx): Registry => new Registry({ ...this.deps, tx, units: this.deps.units.within(tx) });

  // People
  registerPerson = (input: NewPerson, context: ChangeContext): Promise<void> =>
    registerPerson(this.deps, input, context);
  updatePerson = (id: string, changes: PersonChanges, effectiveOn: string, context: ChangeContext): Promise<void> =>
    updatePerson(this.deps, id, changes, effectiveOn, context);
  recordDeath = (id: string, facts: DeathFacts, context: ChangeContext): Promise<DeathOutcome> =>
    recordDeath(this.deps, id, facts, context);

  // Family
  recordMarriage = (a: string, b: string, on: string, context: ChangeContext): Promise<void> =>
    recordMarriage(this.deps, a, b, on, context);
  recordDivorce = (a: string, b: string, on: string, context: ChangeContext): Promise<void> =>
    recordDivorce(this.deps, a, b, on, context);
  appointLegalRepresentative = (ward: string, rep: string, from: string, context: ChangeContext): Promise<void> =>
    appointLegalRepresentative(this.deps, ward, rep, from, context);

  // Households
  createHousehold = (input: NewHousehold, context: ChangeContext): Promise<number> =>
    createHousehold(this.deps, input, context);
  addMember = (
    householdId: number,
    personalId: string,
    relationship: Exclude<HouseholdRelationship, 'head'>,
    joinedOn: string,
    context: ChangeContext,
  ): Promise<void> => addMember(this.deps, householdId, personalId, relationship, joinedOn, context);
  removeMember = (
    householdId: number,
    personalId: string,
    leftOn: string,
    reason: string,
    context: ChangeContext,
    newHeadPersonalId?: string,
  ): Promise<void> => removeMember(this.deps, householdId, personalId, leftOn, reason, context, newHeadPersonalId);
  changeHead = (householdId: number, newHead: string, on: string, context: ChangeContext): Promise<void> =>
    changeHead(this.deps, householdId, newHead, on, context);

  // Residence
  registerPermanentResidence = (id: string, place: ResidencePlace, from: string, context: ChangeContext) =>
    registerPermanentResidence(this.deps, id, place, from, context);
  registerTemporaryResidence = (
    id: string,
    place: ResidencePlace,
    from: string,
    until: string,
    context: ChangeContext,
  ): Promise<number> => registerTemporaryResidence(this.deps, id, place, from, until, context);
  renewTemporaryResidence = (
    id: string,
    residenceId: number,
    renewedOn: string,
    until: string,
    context: ChangeContext,
  ): Promise<void> => renewTemporaryResidence(this.deps, id, residenceId, renewedOn, until, context);
  declareTemporaryAbsence = (
    id: string,
    absence: Parameters<typeof declareTemporaryAbsence>[2],
    context: ChangeContext,
  ): Promise<number> => declareTemporaryAbsence(this.deps, id, absence, context);
  endResidence = (id: string, residenceId: number, on: string, reason: string, context: ChangeContext) =>
    endResidence(this.deps, id, residenceId, on, reason, context);
  deregisterPermanentResidence = (
    id: string,
    deregistration: { on: string; reason: DeregistrationReason },
    context: ChangeContext,
  ) => deregisterPermanentResidence(this.deps, id, deregistration, context);

  // Identity cards
  issueCard = (id: string, card: Parameters<typeof issueCard>[2], context: ChangeContext): Promise<void> =>
    issueCard(this.deps, id, card, context);
  setCardInvalid = (id: string, status: 'lost' | 'revoked', on: string, context: ChangeContext): Promise<void> =>
    setCardInvalid(this.deps, id, status, on, context);

  // Reads (logged)
  lookupPerson = (id: string, access: AccessContext): Promise<PersonSummary> => lookupPerson(this.deps, id, access);
  /** Adults of the most populous commune who can hold an eID account (demonstration accounts). */
  sampleResidents = (count: number, access: AccessContext): Promise<string[]> =>
    sampleResidents(this.deps, count, access);
  searchPeople = (query: PersonQuery, access: AccessContext): Promise<PersonPage> =>
    searchPeople(this.deps, query, access);
  getPersonRecord = (id: string, asOf: string | undefined, access: AccessContext): Promise<PersonRecord> =>
    getPersonRecord(this.deps, id, asOf, access);
  getHousehold = (householdId: number, asOf: string | undefined, access: AccessContext): Promise<Household> =>
    getHousehold(this.deps, householdId, asOf, access);
  /** What a partner's check is matched against (never to be sent to it); logged once as `verify`. */
  verificationFacts = (id: string, access: AccessContext, options?: VerificationReadOptions) =>
    verificationFacts(this.deps, id, access, options);
  /** The same facts for a chunk of a batch, read set-wise; the caller writes the log in its transaction. */
  verificationFactsForBatch = (checks: readonly BatchCheck[], access: AccessContext, options?: BatchReadOptions) =>
    verificationFactsForBatch(this.deps, checks, access, options);

  // Data quality
  qualityReport = (filter?: { provinceId?: string }): Promise<QualityReport> => qualityReport(this.deps, filter);
  qualityFindings = (
    check: QualityCheck,
    filter: { communeId?: string; limit?: number },
    access: AccessContext,
  ): Promise<string[]> => qualityFindings(this.deps, check, filter, access);
}
