import type { Database, Tx } from '../db/index.ts';
import { DomainError } from '../kernel/index.ts';
import { isOverdue, type ServicesDeps, today } from './context.ts';
import type { Dossier, DossierSummary, PaymentView, Procedure, Text } from './model.ts';
import { type DossierRow, type PaymentRow, store } from './store.ts';
import { FINAL_STEP_STATES } from './workflow/engine.ts';

const FINAL_DOSSIER_STATES = new Set(['done', 'refused', 'withdrawn']);

/** A dossier with its steps, history and payment, as its applicant and the agencies' officers see it. */
export async function dossierView(deps: ServicesDeps, on: Database | Tx, id: string): Promise<Dossier> {
  const parts = await store.dossierWithParts(on, id);
  if (!parts) throw new DomainError('DOSSIER_NOT_FOUND', 'No dossier has this id.');
  const { dossier, steps, history, payments } = parts;
  const procedure = deps.catalogue.get(dossier.procedure_code);
  const day = today(deps);
  return {
    ...summaryView(procedure, dossier, day),
    applicantName: dossier.applicant_name,
    communeId: dossier.commune_id,
    receivedAt: dossier.received_at?.toISOString() ?? null,
    form: dossier.form,
    payment: paymentView(dossier, payments),
    supplement:
      dossier.state === 'supplement_requested' && dossier.supplement_due_on && dossier.supplement_requested_at
        ? {
            reason: dossier.supplement_reason ?? '',
            documents: dossier.supplement_documents ?? [],
            step: dossier.supplement_step ?? '',
            requestedAt: dossier.supplement_requested_at.toISOString(),
            dueOn: dossier.supplement_due_on,
          }
        : null,
    steps: steps.map((step) => {
      const definition = procedure.steps.find((candidate) => candidate.name === step.name);
      return {
        name: step.name,
        title: definition?.title ?? { vi: step.name, en: step.name },
        agency: step.agency,
        agencyName: definition?.agencyName ?? { vi: step.agency, en: step.agency },
        state: step.state,
        dueOn: step.due_on,
        overdue: !FINAL_STEP_STATES.has(step.state) && isOverdue(step.due_on, day),
        claimedBy: step.claimed_by_name,
        claimedById: step.claimed_by,
        completedAt: step.completed_at?.toISOString() ?? null,
        result: step.result,
      };
    }),
    history: history.map((line) => ({
      at: line.at.toISOString(),
      kind: line.kind,
      step: line.step,
      state: line.state,
      actorName: line.actor_name,
      note: line.note,
    })),
  };
}

/** One line of "my dossiers". */
export function summaryView(procedure: Procedure, dossier: DossierRow, day: string): DossierSummary {
  return {
    id: dossier.id,
    receiptCode: dossier.receipt_code,
    procedureCode: dossier.procedure_code,
    procedureName: procedure.name,
    state: dossier.state,
    submittedAt: dossier.submitted_at.toISOString(),
    dueOn: dossier.due_on,
    overdue: !FINAL_DOSSIER_STATES.has(dossier.state) && isOverdue(dossier.due_on, day),
  };
}

function paymentView(dossier: DossierRow, payments: readonly PaymentRow[]): PaymentView | null {
  const exemption = dossier.fee_exemption ? (JSON.parse(dossier.fee_exemption) as Text) : null;
  if (exemption) {
    return { state: 'exempt', amountVnd: 0, exemption, receiptNumber: null, paidAt: null };
  }
  if (dossier.fee_vnd === 0) return null;
  const settled = payments.find((payment) => payment.state === 'paid' || payment.state === 'refunded');
  const pending = payments.some((payment) => payment.state === 'pending');
  return {
    state: settled ? (settled.state === 'paid' ? 'paid' : 'refunded') : pending ? 'pending' : 'due',
    amountVnd: dossier.fee_vnd,
    exemption: null,
    receiptNumber: settled?.receipt_number ?? null,
    paidAt: settled?.paid_at?.toISOString() ?? null,
  };
}
