/**
 * The `application_name` of this process's PostgreSQL connections: `cchc-atlas[<pid>] <role>`. With many API
 * instances and workers over one database, pg_stat_activity then says which process and which part of it holds a
 * connection (a lock, a long query); the pid comes first because PostgreSQL cuts names at 63 bytes (roles are ASCII).
 */
export function connectionName(role: string): string {
  return `cchc-atlas[${process.pid}] ${role}`.slice(0, 63);
}

/** A LIKE pattern matching every connection of process `pid` (see {@link connectionName}). */
export function connectionsOfProcess(pid: number): string {
  return `cchc-atlas[${pid}] %`;
}
