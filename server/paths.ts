import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const publicDir = path.join(repoRoot, "public");
export const assetsDir = path.join(publicDir, "build");
export const serverBuildPath = path.join(repoRoot, "build", "index.js");
