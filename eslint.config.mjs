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
    // Plugin code ships to Discourse: it must never lean on the standalone harness.
    files: ["assets/**/*.{js,gjs,ts,gts}", "test/**/*.{js,gjs,ts,gts}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/harness/**"],
              message: "Plugin code and its tests must not import the harness.",
            },
          ],
        },
      ],
    },
  },
  {
    // Command-line scripts report to the terminal.
    files: ["harness/**/*.mjs", "bin/**/*.mjs", "bench/**/*.mjs"],
    rules: { "no-console": "off" },
  },
  {
    // The preview talks to the developer through the browser's own dialogs and console.
    files: ["harness/preview/**"],
    rules: { "no-alert": "off", "no-console": "off" },
  },
  {
    ignores: [
      "node_modules/",
      "vendor/",
      // Third-party browser builds shipped as they are (public/javascripts/fflate: fflate's UMD).
      "public/javascripts/",
      "harness/dist/",
      "tmp/",
      "spec/",
      "coverage/",
    ],
  },
];
