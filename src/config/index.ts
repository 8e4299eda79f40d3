export { type Config, ConfigError, type LogLevel, loadConfig } from './config.ts';
