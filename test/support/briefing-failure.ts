import { expect } from "vitest";
import { BriefingError } from "../../src/core/errors.ts";

/** The BriefingError a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function briefingFailure(promise: Promise<unknown>): Promise<BriefingError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BriefingError);
  return error as BriefingError;
}
