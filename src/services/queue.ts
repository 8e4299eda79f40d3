/**
 * The agencies' view: each officer sees the steps of their agency in their jurisdiction (their commune, or
 * their province's communes and its own province-level steps), and the dossiers of those steps.
 */
import type { AccessChannel } from '../audit/index.ts';
import { assertJurisdiction, type Caller, officerRoles } from '../identity/index.ts';
import { DomainError } from '../kernel/index.ts';
import type { AdminUnits } from '../registry/index.ts';
import { calendar, getDossier, type ServicesDeps, today } from './context.ts';
import type { Dossier, QueueItem, StepState } from './model.ts';
import { OPEN_STEP_STATES, type StepRow, store } from './store.ts';
import { dossierView } from './views.ts';

/** The steps waiting for the caller's agencies in their jurisdiction, the most urgent first. */
export async function queue(
  deps: ServicesDeps,
  caller: Caller,
  filter: { state?: StepState; overdue?: boolean },
): Promise<QueueItem[]> {
  const roles = officerRoles(caller);
  const day = today(deps);
  const items: QueueItem[] = [];
  for (const agency of new Set(roles.map((role) => role.agency).filter((agency) => agency !== null))) {
    const own = roles.filter((role) => role.agency === agency);
    const rows = await store.queue(
      deps.db,
      {
        agency,
        communeIds: own.flatMap((role) => (role.communeId ? [role.communeId] : [])),
        provinceIds: own.flatMap((role) => (role.provinceId ? [role.provinceId] : [])),
        states: filter.state ? [filter.state] : OPEN_STEP_STATES,
      },
      500,
    );
    for (const row of rows) {
      const overdue = row.due_on !== null && row.due_on < day;
      if (filter.overdue && !overdue) continue;
      const procedure = deps.catalogue.get(row.procedure_code);
      const definition = procedure.steps.find((step) => step.name === row.name);
      items.push({
        dossierId: row.dossier_id,
        receiptCode: row.receipt_code,
        procedureCode: row.procedure_code,
        procedureName: procedure.name,
        step: row.name,
        stepTitle: definition?.title ?? { vi: row.name, en: row.name },
        state: row.state,
        receivedAt: row.received_at?.toISOString() ?? null,
        dueOn: row.due_on,
        overdue,
        workingDaysLeft: row.due_on ? calendar.workingDaysBetween(day, row.due_on) : null,
        claimedBy: row.claimed_by_name,
        communeId: row.commune_id,
      });
    }
  }
  return items.sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
}

/**
 * Refuses an officer who is not of the step's agency and jurisdiction.
 * @throws DomainError FORBIDDEN, OUTSIDE_JURISDICTION
 */
export async function authorize(units: AdminUnits, caller: Caller, step: StepRow): Promise<void> {
  if (step.commune_id) {
    await assertJurisdiction(units, caller, step.agency, [step.commune_id]);
    return;
  }
  if (!officerRoles(caller, step.agency).some((role) => role.provinceId === step.province_id)) {
    throw new DomainError('OUTSIDE_JURISDICTION', 'The dossier is handled by another province.');
  }
}

/**
 * A dossier for an officer who handles one of its steps; the read is logged for the applicant and the person
 * the dossier is about.
 * @throws DomainError DOSSIER_NOT_FOUND, FORBIDDEN, OUTSIDE_JURISDICTION
 */
export async function officerView(
  deps: ServicesDeps,
  caller: Caller,
  id: string,
  requestId?: string,
): Promise<Dossier> {
  const dossier = await getDossier(deps.db, id);
  const steps = await store.stepsOf(deps.db, id);
  let denial: unknown = new DomainError('FORBIDDEN', 'Only officers of the agencies handling the dossier may read it.');
  for (const step of steps) {
    denial = await authorize(deps.units, caller, step).then(
      () => undefined,
      (error: unknown) => error,
    );
    if (denial === undefined) break;
  }
  if (denial !== undefined) throw denial;
  const subjects = new Set([dossier.applicant_personal_id, dossier.subject_personal_id].filter((id) => id !== null));
  await deps.accessLog.record(
    [...subjects].map((subjectId) => ({
      actorId: caller.actor.id,
      actorKind: caller.actor.kind,
      ...(caller.actor.name ? { actorName: caller.actor.name } : {}),
      purpose: `Giải quyết hồ sơ ${dossier.receipt_code}`,
      channel: (caller.via === 'session' ? 'web' : 'api') as AccessChannel,
      action: 'read',
      subjectId,
      ...(requestId ? { requestId } : {}),
    })),
  );
  return dossierView(deps, deps.db, dossier.id);
}
