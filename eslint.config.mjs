// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules over the library, the site's
// components, tests, benchmarks and scripts. Formatting is Prettier's job (`npm run lint` runs both).
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "node_modules/",
      "test-results/",
      ".bench/",
      "src/.observablehq/",
      "src/lib/",
      "src/assets/generated/",
      "lib/batch/wasm/batchKernel.ts"
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {globals: {...globals.browser, ...globals.node}},
    rules: {
      // Comma-operator statements hide control flow; write one statement per line.
      "no-sequences": "error",
      "@typescript-eslint/no-unused-vars": ["error", {argsIgnorePattern: "^_", varsIgnorePattern: "^_"}]
    }
  }
);
