/** pino's levels, for the LOG_LEVEL setting (a file of its own: the settings must not load pino). */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof logLevels)[number]
