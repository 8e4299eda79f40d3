/** The access log: who touched which person's data, why, through which channel (hash-chained, append-only). */
export {
  AccessChannel,
  AccessEntry,
  AccessGroup,
  AccessLogItem,
  AccessLogPage,
  ActorKind,
  ChainBreak,
  ChainBreakReason,
  ChainReport,
  type CountFilter,
  MAX_GROUP_SUBJECTS,
  type PageRequest,
  type UsageFilter,
  UsageRow,
} from './model.ts';
export { AccessLog, type AccessLogOptions } from './service.ts';
