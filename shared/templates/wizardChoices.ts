// The wizard's choices, apart from the schemas in ./wizardAnswers.ts that check them: the browser
// bundles these lists, and zod stays out of the page's JavaScript.
export const serviceTypes = ["saas", "managed", "development", "iot", "onprem", "telecom"] as const;
export const dataKinds = ["none", "internal", "confidential", "personal", "special"] as const;
export const criticalities = ["low", "important", "critical"] as const;
export const rules = ["nis2", "dora", "gdpr", "health", "government"] as const;
export const levels = ["basic", "standard", "strict"] as const;

export type ServiceType = (typeof serviceTypes)[number];
export type DataKind = (typeof dataKinds)[number];
export type Criticality = (typeof criticalities)[number];
export type Rule = (typeof rules)[number];
export type LevelName = (typeof levels)[number];
