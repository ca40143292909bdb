// Architecture rules for src/, checked by `npm run lint:architecture` (dependency-cruiser).
// Layers, in dependency direction: cli -> app -> adapters | store | queue | llm -> flows -> core.
// Biome's noRestrictedImports (biome.json overrides) flags the same imports in the editor by specifier text;
// this check resolves every import to a file, so it also catches what a specifier pattern cannot
// (any relative path out of src/core, whatever its depth) and finds cycles.
//
// Parser: swc. The `typescript` package here is TypeScript 7 (native), which has no JS compiler API, and
// dependency-cruiser's TypeScript extractor does not accept 7.0. @swc/core parses .ts and always reports
// type-only imports (marked "type-only"; tsPreCompilationDeps is a tsc-only switch, left off so that
// dependency-cruiser does not warn about the missing tsc): they count for every rule, cycles included.

/** npm packages that core and flows may use: pure libraries, no I/O. */
const PURE_PACKAGES = [
  "zod",
  "eld",
  "snowball-stemmers",
  "stopwords-iso",
  "htmlparser2",
  "feedsmith",
  "@mozilla/readability",
  "linkedom",
];
/** Node built-ins that do I/O or start processes: never in core or flows. */
const IO_BUILTINS = [
  "fs",
  "child_process",
  "net",
  "http",
  "https",
  "http2",
  "dgram",
  "dns",
  "tls",
  "readline",
  "worker_threads",
  "cluster",
];

const NPM = ["npm", "npm-dev", "npm-optional", "npm-peer", "npm-bundled", "npm-no-pkg", "npm-unknown"];
const pureNpm = `(^|/)node_modules/(${PURE_PACKAGES.join("|")})/`;
const ioBuiltin = `^(node:)?(${IO_BUILTINS.join("|")})(/|$)`;
/** The application and command-line layers (services/ runs the processes: it belongs to the app layer). */
const APP_OR_CLI = "^src/(app\\.ts|cli\\.ts|cli/|services/)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "Import cycle (type-only imports count too): break it by moving the shared piece down a layer.",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "This import does not resolve to a file or an installed package.",
      from: { path: "^src/" },
      to: { couldNotResolve: true },
    },
    {
      name: "core-stays-in-core",
      severity: "error",
      comment: "src/core is pure domain and owns the ports: it imports only other src/core files.",
      from: { path: "^src/core/" },
      to: { dependencyTypes: ["local"], pathNot: "^src/core/" },
    },
    {
      name: "flows-only-core",
      severity: "error",
      comment: "src/flows are use cases over ports: they import only src/core and other src/flows files.",
      from: { path: "^src/flows/" },
      to: { dependencyTypes: ["local"], pathNot: "^src/(core|flows)/" },
    },
    {
      name: "core-flows-pure-packages",
      severity: "error",
      comment: `src/core and src/flows use only pure npm libraries (${PURE_PACKAGES.join(", ")}): no SDKs.`,
      from: { path: "^src/(core|flows)/" },
      to: { dependencyTypes: NPM, pathNot: pureNpm },
    },
    {
      name: "core-flows-no-io-builtins",
      severity: "error",
      comment: "src/core and src/flows do no I/O: no node:fs, node:child_process, node:net, node:http(s)...",
      from: { path: "^src/(core|flows)/" },
      to: { dependencyTypes: ["core"], path: ioBuiltin },
    },
    {
      name: "outer-layers-not-to-app-or-cli",
      severity: "error",
      comment:
        "adapters, store, queue and llm are wired by the app: they never import src/app.ts, src/cli*, src/services.",
      from: { path: "^src/(adapters|store|queue|llm)/" },
      to: { path: APP_OR_CLI },
    },
    {
      name: "bullmq-only-in-queue",
      severity: "error",
      comment: "Only src/queue talks to BullMQ.",
      from: { path: "^src/", pathNot: "^src/queue/" },
      to: { path: "(^|/)node_modules/bullmq/" },
    },
    {
      name: "openai-only-in-llm",
      severity: "error",
      comment: "Only src/llm talks to the OpenAI SDK.",
      from: { path: "^src/", pathNot: "^src/llm/" },
      to: { path: "(^|/)node_modules/openai/" },
    },
    {
      name: "llm-not-to-config",
      severity: "error",
      comment: "src/llm takes plain option objects: it does not read src/config.ts.",
      from: { path: "^src/llm/" },
      to: { path: "^src/config\\.ts$" },
    },
  ],
  options: {
    parser: "swc",
    doNotFollow: { path: "(^|/)node_modules/" },
    moduleSystems: ["es6", "cjs"],
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "node", "default", "types", "require"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".d.ts", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
