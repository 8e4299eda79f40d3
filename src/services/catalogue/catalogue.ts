import { Compile } from 'typebox/compile';
import { DomainError, foldText } from '../../kernel/index.ts';
import { type CatalogueEntry, CatalogueFile, type Form, type Procedure, type Text } from '../model.ts';
import data from './procedures.json' with { type: 'json' };

const fileSchema = Compile(CatalogueFile);

/** How a dossier's fee comes out for one applicant. */
export interface FeeOutcome {
  readonly amountVnd: number;
  /** Why nothing is charged although the procedure has a fee. */
  readonly exemption: Text | null;
}

/**
 * Danh mục thủ tục — the procedure catalogue. The procedures, their agencies, steps, forms, fees and time
 * limits are data (`procedures.json`), checked when the catalogue is built: a step must name an action the
 * platform has, steps must come after steps of the same procedure, and every agency must have a name.
 */
export class Catalogue {
  readonly #procedures: ReadonlyMap<string, Procedure>;

  /**
   * @param actions the step actions the platform implements
   * @throws Error when the catalogue data is not valid (a start-up failure, not a request's)
   */
  constructor(actions: ReadonlySet<string>, file: unknown = data) {
    if (!fileSchema.Check(file)) {
      const first = [...fileSchema.Errors(file)][0];
      throw new Error(`procedure catalogue: ${first?.instancePath ?? ''} ${first?.message ?? 'invalid'}`);
    }
    const entries = new Map(file.procedures.map((entry) => [entry.code, entry]));
    const procedures = new Map<string, Procedure>();
    for (const entry of file.procedures) {
      procedures.set(entry.code, resolve(entry, entries, file.agencies, actions));
    }
    this.#procedures = procedures;
  }

  /** The procedures whose folded name, description or code contains the folded query (all when empty). */
  list(query = ''): Procedure[] {
    const folded = foldText(query);
    return [...this.#procedures.values()].filter(
      (procedure) =>
        folded === '' ||
        procedure.code.includes(folded) ||
        [procedure.name.vi, procedure.name.en, procedure.description.vi].some((text) =>
          foldText(text).includes(folded),
        ),
    );
  }

  /** @throws DomainError PROCEDURE_NOT_FOUND */
  get(code: string): Procedure {
    const procedure = this.#procedures.get(code);
    if (!procedure) throw new DomainError('PROCEDURE_NOT_FOUND', 'No procedure of the catalogue has this code.');
    return procedure;
  }

  /** The dossier's time limit in working days: the procedure's, or a longer one the form calls for. */
  limitDays(procedure: Procedure, form: Form): number {
    const longer = (procedure.limitDaysWhen ?? []).filter((rule) => form[rule.field] === rule.equals);
    return Math.max(procedure.limitDays, ...longer.map((rule) => rule.limitDays));
  }

  /** The fee an applicant pays: the procedure's, unless a rule of the dossier's province waives it. */
  fee(procedure: Procedure, applicant: { provinceId: string; level: 1 | 2 }): FeeOutcome {
    const exemption = (procedure.feeExemptions ?? []).find(
      (rule) => rule.provinceId === applicant.provinceId && rule.when === 'level2' && applicant.level === 2,
    );
    if (procedure.feeVnd === 0) return { amountVnd: 0, exemption: null };
    return exemption ? { amountVnd: 0, exemption: exemption.note } : { amountVnd: procedure.feeVnd, exemption: null };
  }
}

function resolve(
  entry: CatalogueEntry,
  entries: ReadonlyMap<string, CatalogueEntry>,
  agencies: Readonly<Record<string, Text>>,
  actions: ReadonlySet<string>,
): Procedure {
  const { formOf, ...own } = entry;
  const source = formOf === undefined ? entry : entries.get(formOf);
  if (!source || source.formOf !== undefined) {
    throw new Error(`procedure catalogue: ${entry.code} takes its form from ${formOf}, which has none of its own`);
  }
  const steps = source.steps ?? [];
  if (steps.length === 0) throw new Error(`procedure catalogue: ${entry.code} has no steps`);
  const names = new Set<string>();
  for (const step of steps) {
    if (!actions.has(step.action)) throw new Error(`procedure catalogue: unknown action ${step.action}`);
    if (!agencies[step.agency]) throw new Error(`procedure catalogue: agency ${step.agency} has no name`);
    const unknown = step.after.find((name) => !names.has(name));
    if (unknown) throw new Error(`procedure catalogue: ${entry.code}.${step.name} comes after unknown ${unknown}`);
    names.add(step.name);
  }
  return {
    ...own,
    documents: source.documents ?? [],
    fields: source.fields ?? [],
    steps: steps.map((step) => ({ ...step, agencyName: agencies[step.agency] as Text })),
  };
}
