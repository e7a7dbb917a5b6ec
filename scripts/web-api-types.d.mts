export const SCHEMA_FILE: string;
export function formatSchema(text: string): Promise<string>;
export function apiTypesFrom(document: object): Promise<string>;
