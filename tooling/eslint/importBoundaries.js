// ESLint rule "common-ground/import-boundaries": which top-level folders may import which.
//
// - shared/ is imported by the browser bundle and by the server, so it imports neither app/, server/ nor db/.
// - app/ reaches db/ and server/ only from server-only modules (`*.server.ts`, `*.server.tsx`, which the
//   Remix compiler keeps out of the browser bundle), or by `import type` in a declaration file (`*.d.ts`
//   emits no code, e.g. app/env.d.ts typing Remix's AppLoadContext with server/context's RequestContext).
//
// Only relative specifiers can cross a folder (the project has no path alias); they are resolved against
// the importing file, so `../../db/x` and `./../db/x` count alike. Static imports, `export … from` and
// `import("…")` with a literal are checked.
import path from "node:path";
import { fileURLToPath } from "node:url";

// The project root, two folders up from this file, whichever folder ESLint was started in.
const root = fileURLToPath(new URL("../../", import.meta.url));

const SERVER_ONLY = /\.server\.tsx?$/;

/** @param {string} from top folder of the importing file @param {string} to top folder of the import */
function ruleFor(from, to) {
  if (from === "shared" && (to === "app" || to === "server" || to === "db")) {
    return "sharedImportsApp";
  }
  if (from === "app" && (to === "server" || to === "db")) {
    return "appImportsServer";
  }
  return null;
}

/** @type {import("eslint").Rule.RuleModule} */
const importBoundaries = {
  meta: {
    type: "problem",
    docs: { description: "Keep shared/ free of app/, server/ and db/, and app/ from db/ and server/ outside *.server.ts files" },
    schema: [],
    messages: {
      sharedImportsApp: "shared/ must not import {{to}}/ ('{{source}}'): shared code runs in the browser and on the server alike.",
      appImportsServer:
        "app/ reaches {{to}}/ ('{{source}}') only from a *.server.ts(x) module (kept out of the browser bundle), or with `import type` in a .d.ts file.",
    },
  },
  create(context) {
    const filename = context.filename;
    const relativeFile = path.relative(root, filename).split(path.sep);
    const fromFolder = relativeFile.length > 1 ? relativeFile[0] : null;
    if (fromFolder !== "shared" && fromFolder !== "app") return {};
    const serverOnly = SERVER_ONLY.test(filename);
    const declarationFile = filename.endsWith(".d.ts");

    /** @param {any} node the import, export or import() node @param {any} sourceNode its string literal */
    function check(node, sourceNode) {
      if (!sourceNode || sourceNode.type !== "Literal" || typeof sourceNode.value !== "string") return;
      const source = sourceNode.value;
      if (!source.startsWith(".")) return;
      const target = path.relative(root, path.resolve(path.dirname(filename), source)).split(path.sep);
      if (target[0] === ".." || target.length < 2) return;
      const toFolder = target[0];
      const messageId = ruleFor(fromFolder, toFolder);
      if (!messageId) return;
      if (messageId === "appImportsServer") {
        if (serverOnly) return;
        if (declarationFile && (node.importKind === "type" || node.exportKind === "type")) return;
      }
      context.report({ node: sourceNode, messageId, data: { to: toFolder, source } });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default {
  meta: { name: "common-ground" },
  rules: { "import-boundaries": importBoundaries },
};
