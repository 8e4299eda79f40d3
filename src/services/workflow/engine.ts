/**
 * The workflow engine: a dossier's steps form a small graph (each step runs once the steps it comes `after`
 * are done); every transition runs in the caller's transaction, with its history line and its notice, so a
 * crash leaves a dossier as it was before the transition and the transition can simply be tried again.
 */
import type { Tx } from '../../db/index.ts';
import type { Actor } from '../../registry/index.ts';
import { calendar, countedFrom, cryptoRandom, type ServicesDeps, today } from '../context.ts';
import type { DossierState, Form, StepDefinition } from '../model.ts';
import { notifyApplicant } from '../notices.ts';
import { refundPaid } from '../payments/refunds.ts';
import { type DossierRow, type StepRow, store } from '../store.ts';
import type { StepContext } from './actions.ts';

/** Steps that will not move again. */
export const FINAL_STEP_STATES = new Set(['done', 'refused', 'cancelled', 'compensated']);

export interface HistoryActor {
  readonly id: string;
  readonly name?: string | undefined;
}

export const SYSTEM_ACTOR: HistoryActor = { id: 'system', name: 'Hệ thống' };

/** Appends a history line with the dossier's state after the change. */
export async function recordHistory(
  deps: Pick<ServicesDeps, 'clock'>,
  tx: Tx,
  dossier: Pick<DossierRow, 'id'>,
  line: {
    kind: string;
    state: DossierState;
    actor: HistoryActor;
    step?: string;
    note?: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await store.appendHistory(tx, {
    dossier_id: dossier.id,
    at: deps.clock.now(),
    kind: line.kind,
    step: line.step ?? null,
    state: line.state,
    actor_id: line.actor.id,
    actor_name: line.actor.name ?? null,
    note: line.note ?? null,
    ...(line.details ? { details: line.details } : {}),
  });
}

/**
 * The dossier is complete and paid: its time limit starts (Decree 63/2024: after 15:00 it counts from the next
 * working day) and its first steps go to the agencies' queues.
 */
export async function receive(deps: ServicesDeps, tx: Tx, dossier: DossierRow, steps: StepRow[]): Promise<DossierRow> {
  const from = countedFrom(deps);
  const received: DossierRow = {
    ...dossier,
    state: 'received',
    received_at: deps.clock.now(),
    counted_from: from,
    due_on: calendar.addWorkingDays(from, dossier.limit_days),
  };
  await store.updateDossier(tx, dossier.id, {
    state: received.state,
    received_at: received.received_at,
    counted_from: received.counted_from,
    due_on: received.due_on,
  });
  await recordHistory(deps, tx, dossier, { kind: 'received', state: 'received', actor: SYSTEM_ACTOR });
  await activateReady(deps, tx, received, steps);
  await notifyApplicant(deps, tx, received, 'received', `Hạn giải quyết: ${formatDay(received.due_on)}.`);
  return received;
}

/** Puts in the queue every waiting step whose predecessors (those the dossier has) are done. */
export async function activateReady(deps: ServicesDeps, tx: Tx, dossier: DossierRow, steps: StepRow[]): Promise<void> {
  const states = new Map(steps.map((step) => [step.name, step.state]));
  const from = countedFrom(deps);
  for (const step of steps) {
    if (step.state !== 'waiting') continue;
    const ready = step.after_steps.every((name) => !states.has(name) || states.get(name) === 'done');
    if (!ready) continue;
    const own = calendar.addWorkingDays(from, step.limit_days);
    const dueOn = dossier.due_on !== null && dossier.due_on < own ? dossier.due_on : own;
    await store.updateStep(tx, dossier.id, step.name, { state: 'pending', counted_from: from, due_on: dueOn });
    step.state = 'pending';
    step.counted_from = from;
    step.due_on = dueOn;
    await recordHistory(deps, tx, dossier, {
      kind: 'step_ready',
      step: step.name,
      state: dossier.state,
      actor: SYSTEM_ACTOR,
    });
  }
}

/** Runs a step's action in the transaction and records its result; then the next steps, or the end. */
export async function completeStep(
  deps: ServicesDeps,
  tx: Tx,
  dossier: DossierRow,
  steps: StepRow[],
  step: StepRow,
  input: { definition: StepDefinition; actor: Actor; data: Form; note?: string },
): Promise<Record<string, unknown>> {
  const action = deps.actions.get(input.definition.action);
  if (!action) throw new Error(`no action ${input.definition.action}`);
  const result = await action.run(
    stepContext(deps, tx, dossier, steps, step, input.definition, input.actor, input.data),
  );
  const now = deps.clock.now();
  await store.updateStep(tx, dossier.id, step.name, {
    state: 'done',
    result,
    completed_at: now,
    decided_by: input.actor.id,
    claimed_by: input.actor.id,
    claimed_by_name: input.actor.name ?? null,
  });
  step.state = 'done';
  step.result = result;
  step.completed_at = now;
  const finished = steps.every((row) => row.state === 'done');
  const state: DossierState = finished ? 'done' : 'in_progress';
  if (state !== dossier.state) {
    await store.updateDossier(tx, dossier.id, { state, ...(finished ? { closed_at: now } : {}) });
    dossier.state = state;
  }
  await recordHistory(deps, tx, dossier, {
    kind: 'step_done',
    step: step.name,
    state,
    actor: input.actor,
    ...(input.note ? { note: input.note } : {}),
  });
  if (finished) {
    await recordHistory(deps, tx, dossier, { kind: 'done', state, actor: SYSTEM_ACTOR });
    await notifyApplicant(deps, tx, dossier, 'done');
  } else {
    await activateReady(deps, tx, dossier, steps);
    await notifyApplicant(deps, tx, dossier, 'in_progress', `Đã xong: ${input.definition.title.vi}.`);
  }
  return result;
}

/**
 * Ends a dossier that will not be completed (refused by an agency, a supplement not given in time, withdrawn):
 * its open steps are cancelled, the steps done whose work must not outlive the dossier are compensated in
 * reverse order, and a fee paid for work not done is refunded.
 */
export async function closeUnfinished(
  deps: ServicesDeps,
  tx: Tx,
  dossier: DossierRow,
  steps: StepRow[],
  outcome: { state: 'refused' | 'withdrawn'; kind: string; actor: Actor; note: string; refusedStep?: StepRow },
): Promise<void> {
  const now = deps.clock.now();
  for (const step of steps) {
    if (step === outcome.refusedStep) {
      await store.updateStep(tx, dossier.id, step.name, {
        state: 'refused',
        completed_at: now,
        decided_by: outcome.actor.id,
      });
      step.state = 'refused';
    } else if (!FINAL_STEP_STATES.has(step.state)) {
      await store.updateStep(tx, dossier.id, step.name, { state: 'cancelled', completed_at: now });
      step.state = 'cancelled';
    }
  }
  const procedure = deps.catalogue.get(dossier.procedure_code);
  for (const step of [...steps].reverse()) {
    const definition = procedure.steps.find((candidate) => candidate.name === step.name);
    const action = definition && deps.actions.get(definition.action);
    if (step.state !== 'done' || !definition || !action?.compensate) continue;
    await action.compensate(
      stepContext(deps, tx, dossier, steps, step, definition, outcome.actor, {}),
      step.result ?? {},
    );
    await store.updateStep(tx, dossier.id, step.name, { state: 'compensated' });
    step.state = 'compensated';
    await recordHistory(deps, tx, dossier, {
      kind: 'compensated',
      step: step.name,
      state: outcome.state,
      actor: SYSTEM_ACTOR,
    });
  }
  await store.updateDossier(tx, dossier.id, {
    state: outcome.state,
    closed_at: now,
    supplement_reason: null,
    supplement_documents: null,
    supplement_step: null,
    supplement_requested_at: null,
    supplement_due_on: null,
  });
  dossier.state = outcome.state;
  await recordHistory(deps, tx, dossier, {
    kind: outcome.kind,
    state: outcome.state,
    actor: outcome.actor,
    note: outcome.note,
    ...(outcome.refusedStep ? { step: outcome.refusedStep.name } : {}),
  });
  if (!steps.some((step) => step.state === 'done')) {
    const refunded = await refundPaid(deps, tx, dossier.id);
    if (refunded)
      await recordHistory(deps, tx, dossier, { kind: 'refunded', state: outcome.state, actor: SYSTEM_ACTOR });
  }
  await notifyApplicant(deps, tx, dossier, outcome.state, outcome.note);
}

function stepContext(
  deps: ServicesDeps,
  tx: Tx,
  dossier: DossierRow,
  steps: readonly StepRow[],
  step: StepRow,
  definition: StepDefinition,
  actor: Actor,
  data: Form,
): StepContext {
  const results: Record<string, Record<string, unknown>> = {};
  for (const row of steps) if (row.state === 'done' && row.result) results[row.name] = row.result;
  return {
    tx,
    registry: deps.registry.within(tx),
    units: deps.units.within(tx),
    deps,
    dossier,
    step,
    definition,
    results,
    data,
    change: { actor, basis: `Hồ sơ ${dossier.receipt_code}` },
    today: today(deps),
    random: deps.random ?? cryptoRandom,
  };
}

/** `dd/mm/yyyy`, as Vietnamese notices write a day. */
export function formatDay(day: string | null): string {
  return day ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : '';
}
