import type { ProposedBullet } from "./model-answer-schema.ts";
import { parseProposedBullet } from "./model-answer-schema.ts";
import { completedBullets } from "./streamed-bullets.ts";
import type { VerifiedBullet } from "./verify-bullets.ts";

/**
 * Verifies a streaming reply's bullets one by one, each as soon as its closing brace arrives, and tells the
 * verified ones so far (`onVerified`, called only when one more passed). A bullet that fails is never told.
 * A reply that starts again (a second request after a refused format) starts the count again.
 */
export class BulletsAsWritten {
  readonly #verify: (bullet: ProposedBullet) => VerifiedBullet | undefined;
  readonly #onVerified: (verified: readonly VerifiedBullet[]) => void;
  #seen = 0;
  #length = 0;
  #verified: VerifiedBullet[] = [];

  constructor(
    verify: (bullet: ProposedBullet) => VerifiedBullet | undefined,
    onVerified: (verified: readonly VerifiedBullet[]) => void,
  ) {
    this.#verify = verify;
    this.#onVerified = onVerified;
  }

  update(textSoFar: string): void {
    if (textSoFar.length < this.#length) {
      this.#seen = 0;
      this.#verified = [];
    }
    this.#length = textSoFar.length;
    const complete = completedBullets(textSoFar);
    if (complete.length <= this.#seen) return;
    const before = this.#verified.length;
    for (const json of complete.slice(this.#seen)) {
      const proposed = parseProposedBullet(json);
      const verified = proposed === undefined ? undefined : this.#verify(proposed);
      if (verified) this.#verified.push(verified);
    }
    this.#seen = complete.length;
    if (this.#verified.length > before) this.#onVerified([...this.#verified]);
  }
}
