export * from "./feedback-report.ts";
export * from "./feedback-store.ts";
