// Tables of the auth kernel beyond sessions and rate buckets (see db/migrations/0006-secrets.ts).

export interface ServerSecretTable {
  /** What the secret is for, e.g. "csrf". */
  name: string;
  /** base64url of 32 random bytes. */
  value: string;
  created_at: number;
}

export interface AuthTables {
  server_secrets: ServerSecretTable;
}

declare module '../db/schema.ts' {
  // biome-ignore lint/suspicious/noEmptyInterface: declaration merging adds these tables
  interface Database extends AuthTables {}
}
