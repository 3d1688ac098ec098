/** A saved version as listed: what the server returns and the version list shows. */
export interface VersionSummary {
  id: string;
  number: number;
  name: string;
  kind: "named" | "effective";
  round: number;
  createdBy: string;
  createdAt: number;
  hash: string;
}
