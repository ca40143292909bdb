import { z } from "zod";
import { BriefingError } from "./core/errors.ts";

const environmentSchema = z.object({
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379" })
    .optional(),
  BRIEFBOT_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/, "use 1-40 characters a-z, 0-9, _ or -")
    .default("briefbot"),
  BRIEFBOT_SEEDS_DIR: z.string().min(1).optional(),
});

export interface Config {
  redis: { url: string; namespace: string } | undefined;
  seedsDirectory: string | undefined;
}

function blankToUndefined(environment: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const cleaned: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(environment))
    cleaned[key] = value?.trim() ? value.trim() : undefined;
  return cleaned;
}

/** The only reader of the environment: validates it once and names every bad value. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(blankToUndefined(environment));
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join(".")} ${issue.message}`)
      .join("; ");
    throw new BriefingError("CONFIG_INVALID", `Invalid configuration: ${problems}`);
  }
  const values = parsed.data;
  return {
    redis: values.REDIS_URL ? { url: values.REDIS_URL, namespace: values.BRIEFBOT_NAMESPACE } : undefined,
    seedsDirectory: values.BRIEFBOT_SEEDS_DIR,
  };
}
