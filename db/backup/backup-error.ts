/** A backup or restore that cannot go ahead, in words the operator can act on (the CLI prints only the message). */
export class BackupError extends Error {}
