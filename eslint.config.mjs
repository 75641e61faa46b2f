import DiscourseRecommended from "@discourse/lint-configs/eslint";
import TypeScriptParser from "@typescript-eslint/parser";

export default [
  ...DiscourseRecommended,
  {
    // Discourse's shared config parses .js/.gjs/.gts; our plain .ts modules need the TS parser.
    files: ["**/*.ts"],
    languageOptions: { parser: TypeScriptParser },
  },
  {
    files: ["**/*.ts", "**/*.gts"],
    rules: {
      // TypeScript checks undefined names itself (ember-tsc), including types ESLint cannot see.
      "no-undef": "off",
      "no-unused-vars": "off",
    },
  },
  {
    // Command-line scripts report to the terminal.
    files: ["harness/**/*.mjs", "bin/**/*.mjs", "bench/**/*.mjs"],
    rules: { "no-console": "off" },
  },
  {
    ignores: [
      "node_modules/",
      "vendor/",
      "harness/dist/",
      "tmp/",
      "spec/",
      "coverage/",
    ],
  },
];
