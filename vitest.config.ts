import { configDefaults, defineConfig } from "vitest/config";

// Two projects: `unit` (every test but test/e2e: no process of Briefbot's own, no sleeps of seconds) and `e2e`
// (services over Redis, real `briefbot` processes, crash and restart tests). `npm test` runs both,
// `npm run test:unit` the first.
//
// The unit files share one module graph per worker (isolate: false): loading the language detector and the
// rest anew for each file cost more than running them. Module state is only constant tables and read-only
// caches (prompt templates per folder, time-zone formatters, the seed library of test/support/seed-library.ts);
// no unit test fakes timers or mocks modules. The e2e files (fake timers, services, processes) stay isolated.
const E2E = "test/e2e/**/*.test.ts";

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, E2E],
          isolate: false,
        },
      },
      { extends: true, test: { name: "e2e", include: [E2E] } },
    ],
  },
});
