import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { type AccessLog, AccessLogPage } from '../audit/index.ts';
import { parsePersonalId } from '../kernel/index.ts';
import type { AdminUnits } from './admin-units/index.ts';
import { Day, Household, PersonalIdText, PersonRecord, PersonSummary } from './model.ts';
import type { Registry } from './registry.ts';
import type { AccessContext } from './service/context.ts';
import { QUALITY_CHECKS } from './service/quality.ts';
import { MAX_PAGE } from './service/search.ts';

export interface RegistryRoutesOptions {
  readonly registry: Registry;
  readonly accessLog: AccessLog;
  readonly units: AdminUnits;
  /** Resolves the caller; throws UNAUTHENTICATED when there is none. */
  readonly access: (request: FastifyRequest, purpose: string) => Promise<AccessContext>;
}

const closed = { additionalProperties: false } as const;
const Purpose = Type.Optional(
  Type.String({ minLength: 3, maxLength: 200, description: 'Why the data is read; written to the access log' }),
);
const DEFAULT_PURPOSE = 'registry_administration';
const PersonParams = Type.Object({ personalId: PersonalIdText }, closed);
const security = [{ bearer: [] }];

/** The officer API of the population registry, under `/api/v1/registry`. */
export async function registryRoutes(app: FastifyInstance, options: RegistryRoutesOptions): Promise<void> {
  const { registry, access } = options;
  const tags = ['registry'];

  app.get(
    '/people',
    {
      schema: {
        tags,
        security,
        summary: 'Search people by name (with or without diacritics), date of birth and commune',
        querystring: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            birthDate: Type.Optional(Day),
            communeId: Type.Optional(Type.String({ maxLength: 40 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE })),
            after: Type.Optional(Type.String({ maxLength: 400 })),
            purpose: Purpose,
          },
          closed,
        ),
        response: {
          200: Type.Object({ items: Type.Array(PersonSummary), next: Type.Union([Type.String(), Type.Null()]) }),
        },
      },
    },
    async (request) => {
      const { purpose, ...query } = request.query as {
        name: string;
        birthDate?: string;
        communeId?: string;
        limit?: number;
        after?: string;
        purpose?: string;
      };
      return registry.searchPeople(query, await access(request, purpose ?? DEFAULT_PURPOSE));
    },
  );

  app.get(
    '/people/:personalId',
    {
      schema: {
        tags,
        security,
        summary: 'Look a person up by personal ID number',
        params: PersonParams,
        querystring: Type.Object({ purpose: Purpose }, closed),
        response: { 200: PersonSummary },
      },
    },
    async (request) => {
      const { personalId } = request.params as { personalId: string };
      const { purpose } = request.query as { purpose?: string };
      return registry.lookupPerson(personalId, await access(request, purpose ?? DEFAULT_PURPOSE));
    },
  );

  app.get(
    '/people/:personalId/record',
    {
      schema: {
        tags,
        security,
        summary: 'The person page as of a day: identity, family, household, residence, cards, events',
        params: PersonParams,
        querystring: Type.Object({ asOf: Type.Optional(Day), purpose: Purpose }, closed),
        response: { 200: PersonRecord },
      },
    },
    async (request) => {
      const { personalId } = request.params as { personalId: string };
      const { asOf, purpose } = request.query as { asOf?: string; purpose?: string };
      return registry.getPersonRecord(personalId, asOf, await access(request, purpose ?? DEFAULT_PURPOSE));
    },
  );

  app.get(
    '/people/:personalId/access-log',
    {
      schema: {
        tags,
        security,
        summary: "Who accessed this person's data, newest first",
        params: PersonParams,
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
            before: Type.Optional(Type.String({ maxLength: 200 })),
          },
          closed,
        ),
        response: { 200: AccessLogPage },
      },
    },
    async (request) => {
      const { personalId } = request.params as { personalId: string };
      const { limit, before } = request.query as { limit?: number; before?: string };
      await access(request, 'access_log_review');
      return options.accessLog.listForSubject(parsePersonalId(personalId), { limit, before });
    },
  );

  app.get(
    '/households/:householdId',
    {
      schema: {
        tags,
        security,
        summary: 'A household and its members as of a day',
        params: Type.Object({ householdId: Type.Integer({ minimum: 1 }) }, closed),
        querystring: Type.Object({ asOf: Type.Optional(Day), purpose: Purpose }, closed),
        response: { 200: Household },
      },
    },
    async (request) => {
      const { householdId } = request.params as { householdId: number };
      const { asOf, purpose } = request.query as { asOf?: string; purpose?: string };
      return registry.getHousehold(householdId, asOf, await access(request, purpose ?? DEFAULT_PURPOSE));
    },
  );

  app.get(
    '/data-quality',
    {
      schema: {
        tags,
        security,
        summary: 'Data-quality report by province and commune',
        querystring: Type.Object({ provinceId: Type.Optional(Type.String({ maxLength: 40 })) }, closed),
      },
    },
    async (request) => {
      await access(request, 'data_quality_review');
      const { provinceId } = request.query as { provinceId?: string };
      return registry.qualityReport(provinceId ? { provinceId } : {});
    },
  );

  app.get(
    '/data-quality/:check',
    {
      schema: {
        tags,
        security,
        summary: 'The records one data-quality check finds',
        params: Type.Object({ check: Type.Union(QUALITY_CHECKS.map((check) => Type.Literal(check))) }, closed),
        querystring: Type.Object(
          {
            communeId: Type.Optional(Type.String({ maxLength: 40 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
          },
          closed,
        ),
        response: { 200: Type.Object({ subjects: Type.Array(Type.String()) }) },
      },
    },
    async (request) => {
      const context = await access(request, 'data_quality_review');
      const { check } = request.params as { check: (typeof QUALITY_CHECKS)[number] };
      const filter = request.query as { communeId?: string; limit?: number };
      return { subjects: await registry.qualityFindings(check, filter, context) };
    },
  );
}
