// Lint: ESLint's and typescript-eslint's recommended rules (syntax only, no type information, to stay
// fast; `tsc --noEmit` does the type checking), React's rules of hooks, and the import boundaries
// between app/, server/, shared/ and db/ (tooling/eslint/importBoundaries.js). Formatting is Prettier's.
// Why these: docs/decisions/011-lint-and-format.md.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import commonGround from "./tooling/eslint/importBoundaries.js";

export default defineConfig(
  globalIgnores(["build/", "public/build/", ".cache/", "data/", "test-results/", "playwright-report/", ".scratch/"]),
  {
    files: ["**/*.{js,mjs,cjs,ts,tsx}"],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // A leading underscore marks a parameter kept for its position (Express's 4-argument error handler).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["app/**/*.{ts,tsx}", "shared/**/*.{ts,tsx}"],
    plugins: { "common-ground": commonGround },
    rules: { "common-ground/import-boundaries": "error" },
  },
);
