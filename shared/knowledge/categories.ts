// Categories of the catalogue, in reading order. Kept apart from catalogue.ts (which reads files)
// so the browser can list them.
export const CATEGORIES = [
  "governance",
  "risk-management",
  "incident-management",
  "business-continuity",
  "supply-chain",
  "secure-development",
  "vulnerability-management",
  "access-control",
  "cryptography",
  "data-protection",
  "assurance",
  "exit-and-termination",
  "liability-and-insurance",
  "personnel",
  "asset-management",
  "logging-and-monitoring",
  "network-security",
  "physical-security",
] as const;
