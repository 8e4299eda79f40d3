import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AdminUnits } from './admin-units/index.ts';
import { Day } from './model.ts';

const closed = { additionalProperties: false } as const;
const Era = Type.Union([Type.Literal('2025'), Type.Literal('pre2025')]);
const NullableText = Type.Union([Type.String(), Type.Null()]);
const Province = Type.Object({
  id: Type.String(),
  era: Era,
  code: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  kind: Type.String(),
  abbreviation: NullableText,
  legacyIdCode: NullableText,
  validFrom: NullableText,
  validTo: NullableText,
});
const Commune = Type.Object({
  id: Type.String(),
  era: Era,
  code: NullableText,
  name: Type.String(),
  kind: Type.String(),
  districtName: NullableText,
  provinceId: Type.String(),
  validFrom: NullableText,
  validTo: NullableText,
});
const PlacedUnit = Type.Object({ commune: Commune, province: Province });
const CodeList = Type.Array(Type.Object({ code: Type.String(), name: Type.String() }));

/**
 * Public reference data under `/api/v1/reference`: administrative units of both eras and the code lists.
 * No personal data, so no sign-in.
 */
export async function referenceRoutes(app: FastifyInstance, options: { units: AdminUnits }): Promise<void> {
  const { units } = options;
  const tags = ['reference'];

  app.get(
    '/provinces',
    {
      schema: {
        tags,
        summary: 'Provinces of the 2025 map or of the one before',
        querystring: Type.Object({ era: Type.Optional(Era) }, closed),
        response: { 200: Type.Array(Province) },
      },
    },
    async (request) => units.listProvinces((request.query as { era?: '2025' | 'pre2025' }).era ?? '2025'),
  );

  app.get(
    '/communes',
    {
      schema: {
        tags,
        summary: 'Find communes by name (accents and case ignored), province and era',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 100 })),
            provinceId: Type.Optional(Type.String({ maxLength: 40 })),
            era: Type.Optional(Era),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
          },
          closed,
        ),
        response: { 200: Type.Array(Commune) },
      },
    },
    async (request) => {
      const { q, ...filter } = request.query as {
        q?: string;
        provinceId?: string;
        era?: '2025' | 'pre2025';
        limit?: number;
      };
      return units.findCommunes({ ...filter, ...(q ? { query: q } : {}) });
    },
  );

  app.get(
    '/communes/:communeId',
    {
      schema: {
        tags,
        summary: 'A commune as it stood on a day, and the unit(s) it belongs to today',
        params: Type.Object({ communeId: Type.String({ maxLength: 40 }) }, closed),
        querystring: Type.Object({ asOf: Type.Optional(Day), today: Type.Optional(Day) }, closed),
        response: { 200: Type.Object({ recorded: PlacedUnit, current: Type.Array(PlacedUnit) }) },
      },
    },
    async (request) => {
      const { communeId } = request.params as { communeId: string };
      const { asOf, today } = request.query as { asOf?: string; today?: string };
      const day = new Date().toISOString().slice(0, 10);
      const resolved = await units.resolveUnit(communeId, asOf ?? day, today ?? day);
      return { recorded: resolved.recorded, current: resolved.current };
    },
  );

  app.get(
    '/ethnicities',
    { schema: { tags, summary: 'Ethnic groups (dân tộc)', response: { 200: CodeList } } },
    async () => units.listEthnicities(),
  );

  app.get('/religions', { schema: { tags, summary: 'Religions (tôn giáo)', response: { 200: CodeList } } }, async () =>
    units.listReligions(),
  );
}
