import type { ProcedureHooks, StepAction } from '../workflow/actions.ts';
import { birthActions, birthGroup } from './birth-group.ts';
import { criminalRecord, criminalRecordActions } from './criminal-record.ts';
import { deathActions, deathGroup } from './death-group.ts';
import {
  permanentResidence,
  residenceActions,
  temporaryAbsence,
  temporaryResidence,
  temporaryResidenceRenewal,
} from './residence.ts';

/** Every step action the platform implements, by the name the catalogue uses. */
export const STEP_ACTIONS: ReadonlyMap<string, StepAction> = new Map(
  Object.entries({ ...birthActions, ...deathActions, ...residenceActions, ...criminalRecordActions }),
);

/** Each procedure's pre-filling and checks, by procedure code. */
export const PROCEDURE_HOOKS: ReadonlyMap<string, ProcedureHooks> = new Map(
  Object.entries({
    'birth-group': birthGroup,
    'death-group': deathGroup,
    'permanent-residence': permanentResidence,
    'temporary-residence': temporaryResidence,
    'temporary-residence-renewal': temporaryResidenceRenewal,
    'temporary-absence': temporaryAbsence,
    'criminal-record-1': criminalRecord,
    'criminal-record-2': criminalRecord,
  }),
);
