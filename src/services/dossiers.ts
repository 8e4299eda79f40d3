/** The applicant's side of a dossier: pre-fill, submit, follow, answer a supplement request, withdraw. */
import { randomUUID } from 'node:crypto';
import { ACR_LEVEL2, type Caller } from '../identity/index.ts';
import { DomainError, vietnamDate } from '../kernel/index.ts';
import type { PersonRecord } from '../registry/index.ts';
import { validateForm } from './catalogue/form.ts';
import { calendar, countedFrom, getDossier, type ServicesDeps, today } from './context.ts';
import type { Dossier, DossierSummary, Form, NewDossier, Procedure } from './model.ts';
import { notifyApplicant } from './notices.ts';
import { type DossierRow, store } from './store.ts';
import { dossierView, summaryView } from './views.ts';
import type { ApplicantContext } from './workflow/actions.ts';
import { closeUnfinished, receive, recordHistory } from './workflow/engine.ts';

/** A caller who is a citizen signed in with an eID account. */
export type Applicant = Caller & { readonly personalId: string; readonly accountId: string };

/** @throws DomainError FORBIDDEN for a caller without an eID account (the bootstrap token) */
export function asApplicant(caller: Caller): Applicant {
  if (!caller.personalId || !caller.accountId) {
    throw new DomainError('FORBIDDEN', 'Public services are filed by a citizen signed in with their eID account.');
  }
  return caller as Applicant;
}

function levelOf(caller: Caller): 1 | 2 {
  return caller.acr === ACR_LEVEL2 ? 2 : 1;
}

/** @throws DomainError LEVEL_TOO_LOW when the procedure needs a level-2 account and sign-in */
function assertLevel(procedure: Procedure, caller: Caller): void {
  if (levelOf(caller) < procedure.level) {
    throw new DomainError('LEVEL_TOO_LOW', 'This procedure needs an eID account of level 2, signed in at level 2.', {
      required: procedure.level,
    });
  }
}

function applicantContext(deps: ServicesDeps, caller: Applicant, procedure: Procedure): ApplicantContext {
  const access = {
    actor: caller.actor,
    purpose: `Tờ khai ${procedure.name.vi}`.slice(0, 200),
    channel: 'web' as const,
  };
  let record: Promise<PersonRecord> | undefined;
  return {
    deps,
    caller,
    access,
    procedure,
    today: today(deps),
    record: () => {
      record ??= deps.registry.getPersonRecord(caller.personalId, undefined, access);
      return record;
    },
  };
}

function hooksOf(deps: ServicesDeps, procedure: Procedure) {
  const hooks = deps.hooks.get(procedure.code);
  if (!hooks) throw new Error(`procedure ${procedure.code} has no code`);
  return hooks;
}

/**
 * The procedure's form, pre-filled from the registry (the applicant's own record; the read is logged).
 * @throws DomainError PROCEDURE_NOT_FOUND, LEVEL_TOO_LOW, FORBIDDEN
 */
export async function prefill(deps: ServicesDeps, caller: Caller, code: string): Promise<Form> {
  const procedure = deps.catalogue.get(code);
  const applicant = asApplicant(caller);
  assertLevel(procedure, applicant);
  return hooksOf(deps, procedure).prefill(applicantContext(deps, applicant, procedure));
}

/**
 * Files a dossier: the form is checked field by field and against the registry, the registry's values replace
 * the read-only fields, and the dossier is received at once or when its fee is paid.
 * @throws DomainError PROCEDURE_NOT_FOUND, LEVEL_TOO_LOW, FORBIDDEN, FORM_INVALID, STEPS_INVALID and the
 *   procedure's own refusals (PARENT_NOT_IN_REGISTRY, APPLICANT_NOT_RELATIVE, …)
 */
export async function submit(deps: ServicesDeps, caller: Caller, input: NewDossier): Promise<Dossier> {
  const procedure = deps.catalogue.get(input.procedureCode);
  const applicant = asApplicant(caller);
  assertLevel(procedure, applicant);
  const chosen = chooseSteps(procedure, input.steps);
  const context = applicantContext(deps, applicant, procedure);
  const prepared = await hooksOf(deps, procedure).prepare(context, validateForm(procedure.fields, input.form));
  const unit = await deps.units.getUnit(prepared.communeId);
  const fee = deps.catalogue.fee(procedure, { provinceId: unit.province.id, level: levelOf(applicant) });
  const applicantName = (await context.record()).person.fullName;
  const id = randomUUID();
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const serial = await store.nextReceiptNumber(tx);
    const dossier: DossierRow = {
      id,
      receipt_code: `${unit.commune.code ?? '00000'}-${vietnamDate(now).slice(2).replaceAll('-', '')}-${String(serial).padStart(6, '0')}`,
      procedure_code: procedure.code,
      applicant_account_id: applicant.accountId,
      applicant_personal_id: applicant.personalId,
      applicant_name: applicantName,
      subject_personal_id: prepared.subjectPersonalId,
      commune_id: prepared.communeId,
      province_id: unit.province.id,
      form: prepared.form,
      state: fee.amountVnd > 0 ? 'awaiting_payment' : 'received',
      limit_days: deps.catalogue.limitDays(procedure, prepared.form),
      fee_vnd: fee.amountVnd,
      fee_exemption: fee.exemption ? JSON.stringify(fee.exemption) : null,
      submitted_at: now,
      received_at: null,
      counted_from: null,
      due_on: null,
      supplement_reason: null,
      supplement_documents: null,
      supplement_step: null,
      supplement_requested_at: null,
      supplement_due_on: null,
      closed_at: null,
    };
    await store.insertDossier(tx, { ...dossier, state: 'awaiting_payment' });
    const steps = chosen.map((step, position) => ({
      dossier_id: id,
      name: step.name,
      position,
      agency: step.agency,
      commune_id: step.level === 'commune' ? dossier.commune_id : null,
      province_id: dossier.province_id,
      after_steps: step.after,
      limit_days: step.limitDays,
      state: 'waiting' as const,
      counted_from: null,
      due_on: null,
      claimed_by: null,
      claimed_by_name: null,
      claimed_at: null,
      decided_by: null,
      completed_at: null,
      result: null,
    }));
    await store.insertSteps(tx, steps);
    const actor = { id: applicant.accountId, name: applicantName };
    await recordHistory(deps, tx, dossier, { kind: 'submitted', state: dossier.state, actor });
    if (fee.amountVnd === 0) {
      await receive(deps, tx, { ...dossier, state: 'awaiting_payment' }, steps);
      return dossierView(deps, tx, id);
    }
    await notifyApplicant(
      deps,
      tx,
      dossier,
      'awaiting_payment',
      `Lệ phí: ${fee.amountVnd.toLocaleString('vi-VN')} đồng.`,
    );
    return dossierView(deps, tx, id);
  });
}

/** The steps filed: every step the applicant may not leave out, and the optional ones chosen. */
function chooseSteps(procedure: Procedure, names: readonly string[] | undefined) {
  if (names === undefined) return procedure.steps;
  const unknown = names.find((name) => !procedure.steps.some((step) => step.name === name));
  if (unknown) throw new DomainError('STEPS_INVALID', `The procedure has no step "${unknown}".`, { step: unknown });
  const chosen = procedure.steps.filter((step) => !step.optional || names.includes(step.name));
  const fewest = procedure.minSteps ?? 1;
  if (chosen.length < fewest) {
    throw new DomainError('STEPS_INVALID', `Choose at least ${fewest} procedures of the group.`, { fewest });
  }
  return chosen;
}

/** The applicant's dossiers, newest first. */
export async function listMine(deps: ServicesDeps, caller: Caller): Promise<DossierSummary[]> {
  const applicant = asApplicant(caller);
  const day = today(deps);
  const rows = await store.dossiersOf(deps.db, applicant.accountId, 200);
  return rows.map((row) => summaryView(deps.catalogue.get(row.procedure_code), row, day));
}

/** One of the applicant's dossiers. @throws DomainError DOSSIER_NOT_FOUND (also for another's dossier) */
export async function getMine(deps: ServicesDeps, caller: Caller, id: string): Promise<Dossier> {
  return dossierView(deps, deps.db, (await ownDossier(deps, caller, id)).id);
}

async function ownDossier(deps: ServicesDeps, caller: Caller, id: string): Promise<DossierRow> {
  const applicant = asApplicant(caller);
  const dossier = await getDossier(deps.db, id);
  if (dossier.applicant_account_id !== applicant.accountId) {
    throw new DomainError('DOSSIER_NOT_FOUND', 'No dossier has this id.');
  }
  return dossier;
}

/**
 * Answers a supplement request: the fields the applicant may change, and a note. The step goes back to the
 * agency and the time limit counts again from the complete file.
 * @throws DomainError DOSSIER_NOT_FOUND, NO_SUPPLEMENT_REQUESTED, FORM_INVALID
 */
export async function answerSupplement(
  deps: ServicesDeps,
  caller: Caller,
  id: string,
  answer: { note: string; form?: Form },
): Promise<Dossier> {
  const own = await ownDossier(deps, caller, id);
  const procedure = deps.catalogue.get(own.procedure_code);
  const editable = procedure.fields.filter((field) => !field.readOnly);
  const changes = validateForm(
    editable.map((field) => ({ ...field, required: false })),
    answer.form ?? {},
  );
  return deps.db.transaction(async (tx) => {
    const dossier = await store.findDossier(tx, id, true);
    if (dossier?.state !== 'supplement_requested' || !dossier.supplement_step) {
      throw new DomainError('NO_SUPPLEMENT_REQUESTED', 'No supplement is asked for this dossier now.');
    }
    const from = countedFrom(deps);
    const steps = await store.stepsOf(tx, id, true);
    const step = steps.find((row) => row.name === dossier.supplement_step);
    const form = { ...dossier.form, ...changes };
    const due = calendar.addWorkingDays(from, dossier.limit_days);
    await store.updateDossier(tx, id, {
      form,
      state: 'in_progress',
      counted_from: from,
      due_on: due,
      supplement_reason: null,
      supplement_documents: null,
      supplement_step: null,
      supplement_requested_at: null,
      supplement_due_on: null,
    });
    if (step) {
      const stepDue = calendar.addWorkingDays(from, step.limit_days);
      await store.updateStep(tx, id, step.name, {
        state: step.claimed_by ? 'claimed' : 'pending',
        counted_from: from,
        due_on: stepDue < due ? stepDue : due,
      });
    }
    const updated = { ...dossier, form, state: 'in_progress' as const, due_on: due };
    await recordHistory(deps, tx, updated, {
      kind: 'supplement_answered',
      state: 'in_progress',
      actor: { id: dossier.applicant_account_id, name: dossier.applicant_name },
      note: answer.note,
      details: { fields: Object.keys(changes) },
    });
    return dossierView(deps, tx, id);
  });
}

/**
 * Withdraws a dossier no agency has completed a step of; a fee paid is refunded.
 * @throws DomainError DOSSIER_NOT_FOUND, DOSSIER_NOT_WITHDRAWABLE
 */
export async function withdraw(deps: ServicesDeps, caller: Caller, id: string, reason: string): Promise<Dossier> {
  await ownDossier(deps, caller, id);
  return deps.db.transaction(async (tx) => {
    const dossier = await store.findDossier(tx, id, true);
    const steps = await store.stepsOf(tx, id, true);
    if (!dossier || ['done', 'refused', 'withdrawn'].includes(dossier.state) || steps.some((s) => s.state === 'done')) {
      throw new DomainError(
        'DOSSIER_NOT_WITHDRAWABLE',
        'A dossier can be withdrawn only while no agency has settled any of its procedures.',
      );
    }
    await closeUnfinished(deps, tx, dossier, steps, {
      state: 'withdrawn',
      kind: 'withdrawn',
      actor: { id: dossier.applicant_account_id, kind: 'citizen', name: dossier.applicant_name },
      note: reason,
    });
    return dossierView(deps, tx, id);
  });
}
