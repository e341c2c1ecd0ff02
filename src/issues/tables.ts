// Tables owned by the issues capability (merged into Database in src/db/schema.ts).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IssueTables {}
