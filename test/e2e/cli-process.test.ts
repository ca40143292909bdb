import { readFile } from "node:fs/promises";
import { describe, it } from "vitest";
import { answerJsonSchema } from "../support/answer-contract.ts";
import { runCli, runCliProcess } from "../support/run-cli.ts";

// The CLI's checks run `main` in process (test/cli); these few run the real binary, bin/briefbot.js, side
// by side (concurrent: each its own process).
describe.concurrent("briefbot as a process of its own", () => {
  it("prints its version and exits 0", async ({ expect }) => {
    const manifest = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8"));
    const result = await runCliProcess(["--version"]);
    expect(result).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: "" });
  });

  it("answers ask --json on the seeds exactly as the in-process run does", async ({ expect }) => {
    const question = ["ask", "--json", "Who is the CEO of Trend Micro?"];
    const [child, inProcess] = await Promise.all([runCliProcess(question), runCli(question)]);
    expect(child.code).toBe(0);
    expect(answerJsonSchema.parse(JSON.parse(child.stdout)).status).toBe("answered");
    expect(child).toEqual(inProcess);
  });
});
