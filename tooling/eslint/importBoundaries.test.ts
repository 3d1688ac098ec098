import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";

// Lints snippets as if they were files of the project, with the project's own eslint.config.js.
const root = fileURLToPath(new URL("../../", import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: fileURLToPath(new URL("../../eslint.config.js", import.meta.url)) });

async function lint(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  assert.deepEqual(
    result.messages.filter((message) => message.fatal),
    [],
    "the snippet parses",
  );
  return result.messages;
}

async function boundaryProblems(filePath: string, code: string): Promise<string[]> {
  return (await lint(filePath, code)).filter((message) => message.ruleId === "common-ground/import-boundaries").map((message) => message.message);
}

describe("import boundaries", () => {
  test("shared/ importing app/, server/ or db/ fails", async () => {
    for (const folder of ["app/root", "server/context", "db/connection"]) {
      const problems = await boundaryProblems("shared/x.ts", `import { a } from "../${folder}";\nexport const b = a;\n`);
      assert.equal(problems.length, 1, folder);
      assert.match(problems[0], /^shared\/ must not import (app|server|db)\//);
    }
    assert.equal((await boundaryProblems("shared/editor/x.ts", `export * from "../../db/schema";\n`)).length, 1, "export … from");
    assert.equal((await boundaryProblems("shared/x.ts", `export const c = () => import("../server/config");\n`)).length, 1, "import()");
    assert.equal(
      (await boundaryProblems("shared/x.ts", `import type { RequestContext } from "../server/context";\nexport type C = RequestContext;\n`)).length,
      1,
      "import type",
    );
  });

  test("shared/ importing shared/ passes", async () => {
    assert.deepEqual(await lint("shared/editor/x.ts", `import { a } from "../permissions";\nimport { b } from "./schema";\nexport const c = [a, b];\n`), []);
  });

  test("app/ reaching db/ or server/ outside a .server.ts module fails", async () => {
    const route = await boundaryProblems(
      "app/routes/x.tsx",
      `import { a } from "../../db/connection";\nimport { b } from "../../server/logger";\nexport const c = [a, b];\n`,
    );
    assert.equal(route.length, 2);
    assert.match(route[0], /^app\/ reaches db\/ .* only from a \*\.server\.ts\(x\) module/);
    const typeInComponent = await boundaryProblems(
      "app/components/x.tsx",
      `import type { RequestContext } from "../../server/context";\nexport type C = RequestContext;\n`,
    );
    assert.equal(typeInComponent.length, 1, "import type outside a .d.ts");
    const valueInDeclaration = await boundaryProblems(
      "app/other.d.ts",
      `import { RequestContext } from "../server/context";\nexport type C = RequestContext;\n`,
    );
    assert.equal(valueInDeclaration.length, 1, "a value import in a .d.ts");
  });

  test("app/ reaching db/ or server/ from a .server.ts module, or by import type in app/env.d.ts, passes", async () => {
    assert.deepEqual(
      await lint("app/utils/x.server.ts", `import { a } from "../../db/connection";\nimport { b } from "../../server/logger";\nexport const c = [a, b];\n`),
      [],
    );
    assert.deepEqual(await lint("app/entry.server.tsx", `import { a } from "../db/connection";\nexport const c = a;\n`), []);
    assert.deepEqual(await lint("app/env.d.ts", `import type { RequestContext } from "../server/context";\nexport type C = RequestContext;\n`), []);
    assert.deepEqual(
      await lint("app/routes/x.tsx", `import { a } from "../../shared/permissions";\nimport { b } from "../utils/x.server";\nexport const c = [a, b];\n`),
      [],
    );
  });
});
