// Tables of the accounts capability that are not in the spine (see db/migrations/0005-secrets.ts).

export interface ServerSecretTable {
  /** What the secret is for, e.g. "csrf". */
  name: string;
  /** base64url of 32 random bytes. */
  value: string;
  created_at: number;
}

export interface AccountTables {
  server_secrets: ServerSecretTable;
}
