/**
 * Result parsers shared by both engines, so that a value reads the same whatever runs underneath:
 * `date` stays the calendar day it is (`'2024-07-01'`, never shifted by the process's time zone),
 * `timestamptz` becomes a `Date`, `int8` a `number` (counts and ids stay far below 2^53) and `numeric`
 * a `string` (money is handled as integer đồng or exact decimals, never floats).
 */
export const TYPE_OIDS = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
} as const;

export const typeParsers: Readonly<Record<number, (value: string) => unknown>> = {
  [TYPE_OIDS.int8]: (value) => Number(value),
  [TYPE_OIDS.numeric]: (value) => value,
  [TYPE_OIDS.date]: (value) => value,
  [TYPE_OIDS.timestamp]: (value) => value,
  [TYPE_OIDS.timestamptz]: (value) => new Date(value),
};
