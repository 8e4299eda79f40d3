import type { Tx } from '../db/index.ts';
import type { Caller } from '../identity/index.ts';
import { DomainError } from '../kernel/index.ts';
import type { Actor } from '../registry/index.ts';
import { validateForm } from './catalogue/form.ts';
import { calendar, type ServicesDeps, today, UUID } from './context.ts';
import type { Decision, Dossier, StepDefinition } from './model.ts';
import { notifyApplicant } from './notices.ts';
import { authorize } from './queue.ts';
import { type DossierRow, type StepRow, store } from './store.ts';
import { dossierView } from './views.ts';
import { closeUnfinished, completeStep, FINAL_STEP_STATES, formatDay, recordHistory } from './workflow/engine.ts';

/** Working days an applicant has to supply what is missing (Decree 63/2024). */
export const SUPPLEMENT_WORKING_DAYS = 7;

/**
 * Runs `fn` in one transaction with the dossier and its steps locked, once the caller is found to be an officer
 * of the step's agency and jurisdiction.
 * @throws DomainError DOSSIER_NOT_FOUND, STEP_NOT_FOUND, FORBIDDEN, OUTSIDE_JURISDICTION
 */
async function withLockedStep<T>(
  deps: ServicesDeps,
  caller: Caller,
  id: string,
  stepName: string,
  fn: (tx: Tx, dossier: DossierRow, steps: StepRow[], step: StepRow, definition: StepDefinition) => Promise<T>,
): Promise<T> {
  return deps.db.transaction(async (tx) => {
    const dossier = UUID.test(id) ? await store.findDossier(tx, id, true) : undefined;
    if (!dossier) throw new DomainError('DOSSIER_NOT_FOUND', 'No dossier has this id.');
    const steps = await store.stepsOf(tx, id, true);
    const step = steps.find((row) => row.name === stepName);
    const definition = deps.catalogue.get(dossier.procedure_code).steps.find((row) => row.name === stepName);
    if (!step || !definition) throw new DomainError('STEP_NOT_FOUND', 'The dossier has no such step.');
    await authorize(deps.units.within(tx), caller, step);
    return fn(tx, dossier, steps, step, definition);
  });
}

function actorOf(caller: Caller): Actor {
  return caller.actor;
}

/** @throws DomainError STEP_NOT_OPEN, STEP_CLAIMED_BY_ANOTHER */
function assertOpenFor(step: StepRow, caller: Caller): void {
  if (step.state === 'waiting') throw new DomainError('STEP_NOT_OPEN', 'The step waits for an earlier procedure.');
  if (FINAL_STEP_STATES.has(step.state)) throw new DomainError('STEP_NOT_OPEN', 'The step is already settled.');
  if (step.claimed_by && step.claimed_by !== caller.actor.id) {
    throw new DomainError(
      'STEP_CLAIMED_BY_ANOTHER',
      `${step.claimed_by_name ?? 'Another officer'} is handling this step.`,
    );
  }
}

/**
 * Takes a step from the queue (idempotent for the officer who holds it).
 * @throws DomainError DOSSIER_NOT_FOUND, STEP_NOT_FOUND, FORBIDDEN, OUTSIDE_JURISDICTION, STEP_NOT_OPEN,
 *   STEP_CLAIMED_BY_ANOTHER
 */
export async function claim(deps: ServicesDeps, caller: Caller, id: string, stepName: string): Promise<Dossier> {
  return withLockedStep(deps, caller, id, stepName, async (tx, dossier, _steps, step) => {
    assertOpenFor(step, caller);
    if (step.claimed_by !== caller.actor.id) {
      await takeStep(deps, tx, dossier, step, caller);
    }
    return dossierView(deps, tx, dossier.id);
  });
}

async function takeStep(deps: ServicesDeps, tx: Tx, dossier: DossierRow, step: StepRow, caller: Caller) {
  const now = deps.clock.now();
  await store.updateStep(tx, dossier.id, step.name, {
    state: step.state === 'pending' ? 'claimed' : step.state,
    claimed_by: caller.actor.id,
    claimed_by_name: caller.actor.name ?? null,
    claimed_at: now,
  });
  step.claimed_by = caller.actor.id;
  step.claimed_by_name = caller.actor.name ?? null;
  if (step.state === 'pending') step.state = 'claimed';
  if (dossier.state === 'received') {
    await store.updateDossier(tx, dossier.id, { state: 'in_progress' });
    dossier.state = 'in_progress';
    await notifyApplicant(deps, tx, dossier, 'in_progress');
  }
  await recordHistory(deps, tx, dossier, {
    kind: 'claimed',
    step: step.name,
    state: dossier.state,
    actor: actorOf(caller),
  });
}

/**
 * Hands a claimed step on: back to the agency's queue, or to a colleague of the same agency who may act on it.
 * @throws DomainError as {@link claim}, and FORBIDDEN when the colleague holds no such role
 */
export async function handOn(
  deps: ServicesDeps,
  caller: Caller,
  id: string,
  stepName: string,
  to: { accountId?: string; note?: string },
): Promise<Dossier> {
  let colleague: { id: string; name: string | null } | null = null;
  if (to.accountId) {
    const current = UUID.test(id) ? (await store.stepsOf(deps.db, id)).find((row) => row.name === stepName) : undefined;
    if (!current) throw new DomainError('STEP_NOT_FOUND', 'The dossier has no such step.');
    const roles = await deps.identity.rolesOfAccount(to.accountId);
    await authorize(deps.units, { actor: { id: to.accountId, kind: 'officer' }, roles, via: 'session' }, current).catch(
      () => {
        throw new DomainError('FORBIDDEN', 'The colleague is not an officer of this agency and jurisdiction.');
      },
    );
    colleague = { id: to.accountId, name: caller.actor.name ?? null };
  }
  return withLockedStep(deps, caller, id, stepName, async (tx, dossier, _steps, step) => {
    assertOpenFor(step, caller);
    await store.updateStep(tx, id, stepName, {
      state: step.state === 'claimed' ? (colleague ? 'claimed' : 'pending') : step.state,
      claimed_by: colleague?.id ?? null,
      claimed_by_name: colleague?.name ?? null,
      claimed_at: colleague ? deps.clock.now() : null,
    });
    await recordHistory(deps, tx, dossier, {
      kind: 'handed_on',
      step: stepName,
      state: dossier.state,
      actor: actorOf(caller),
      ...(to.note ? { note: to.note } : {}),
      details: { toQueue: colleague === null },
    });
    return dossierView(deps, tx, dossier.id);
  });
}

/**
 * An officer's decision on a step: approve (the step's work is done in the same transaction), refuse (the
 * dossier ends; see {@link closeUnfinished}) or ask the applicant for a supplement (7 working days). Acting
 * twice with the same decision answers the dossier as it is, without doing the work again.
 * @throws DomainError as {@link claim}, and STEP_ALREADY_DECIDED, NOTE_REQUIRED, FORM_INVALID, and the
 *   registry's refusals of the step's work
 */
export async function decide(
  deps: ServicesDeps,
  caller: Caller,
  id: string,
  stepName: string,
  decision: Decision,
): Promise<Dossier> {
  const note = decision.note?.trim() ?? '';
  if (decision.decision !== 'approve' && note === '') {
    throw new DomainError('NOTE_REQUIRED', 'Give the applicant the reason for the decision.');
  }
  return withLockedStep(deps, caller, id, stepName, async (tx, dossier, steps, step, definition) => {
    const repeated =
      (decision.decision === 'approve' && step.state === 'done') ||
      (decision.decision === 'refuse' && step.state === 'refused') ||
      (decision.decision === 'request_supplement' && step.state === 'supplement_requested');
    if (repeated) return dossierView(deps, tx, dossier.id);
    if (FINAL_STEP_STATES.has(step.state) || step.state === 'supplement_requested') {
      throw new DomainError('STEP_ALREADY_DECIDED', 'The step already has a decision.', { state: step.state });
    }
    assertOpenFor(step, caller);
    const actor = actorOf(caller);
    if (decision.decision === 'approve') {
      const data = validateForm(definition.decisionFields ?? [], decision.data ?? {});
      await completeStep(deps, tx, dossier, steps, step, { definition, actor, data, note });
    } else if (decision.decision === 'refuse') {
      await closeUnfinished(deps, tx, dossier, steps, {
        state: 'refused',
        kind: 'refused',
        actor,
        note,
        refusedStep: step,
      });
    } else {
      await requestSupplement(deps, tx, dossier, step, caller, note, decision.documents ?? []);
    }
    return dossierView(deps, tx, dossier.id);
  });
}

async function requestSupplement(
  deps: ServicesDeps,
  tx: Tx,
  dossier: DossierRow,
  step: StepRow,
  caller: Caller,
  reason: string,
  documents: readonly string[],
): Promise<void> {
  const due = calendar.addWorkingDays(today(deps), SUPPLEMENT_WORKING_DAYS);
  await store.updateStep(tx, dossier.id, step.name, {
    state: 'supplement_requested',
    claimed_by: caller.actor.id,
    claimed_by_name: caller.actor.name ?? null,
  });
  await store.updateDossier(tx, dossier.id, {
    state: 'supplement_requested',
    supplement_reason: reason,
    supplement_documents: [...documents],
    supplement_step: step.name,
    supplement_requested_at: deps.clock.now(),
    supplement_due_on: due,
  });
  dossier.state = 'supplement_requested';
  await recordHistory(deps, tx, dossier, {
    kind: 'supplement_requested',
    step: step.name,
    state: 'supplement_requested',
    actor: actorOf(caller),
    note: reason,
    details: { dueOn: due, documents: documents.length },
  });
  await notifyApplicant(deps, tx, dossier, 'supplement_requested', `${reason} Hạn bổ sung: ${formatDay(due)}.`);
}

/**
 * Refuses the dossiers whose applicant did not answer a supplement request within its 7 working days (the
 * request's last day has passed). Returns how many were refused.
 */
export async function expireSupplements(deps: ServicesDeps): Promise<number> {
  const day = today(deps);
  let refused = 0;
  for (const id of await store.dossiersAwaitingSupplementBefore(deps.db, day, 500)) {
    const done = await deps.db.transaction(async (tx) => {
      const dossier = await store.findDossier(tx, id, true);
      if (dossier?.state !== 'supplement_requested' || !dossier.supplement_due_on) return false;
      if (dossier.supplement_due_on >= day) return false;
      const steps = await store.stepsOf(tx, id, true);
      await closeUnfinished(deps, tx, dossier, steps, {
        state: 'refused',
        kind: 'supplement_expired',
        actor: { id: 'system', kind: 'system', name: 'Hệ thống' },
        note: `Hồ sơ không được bổ sung trong ${SUPPLEMENT_WORKING_DAYS} ngày làm việc.`,
        ...(steps.find((step) => step.name === dossier.supplement_step)
          ? { refusedStep: steps.find((step) => step.name === dossier.supplement_step) as StepRow }
          : {}),
      });
      return true;
    });
    if (done) refused++;
  }
  return refused;
}
