import type { Platform, ReplyTarget } from "../../core/chat.ts";
import { BriefingError } from "../../core/errors.ts";

const PLATFORM_NAMES: Record<Platform, string> = { slack: "Slack", discord: "Discord" };

/** The target, for a replier of `platform`; a target of another platform is a wiring mistake (INTERNAL). */
export function targetOn<Target extends ReplyTarget>(
  platform: Target["platform"],
  target: ReplyTarget,
): Target {
  if (target.platform !== platform) {
    throw new BriefingError(
      "INTERNAL",
      `The ${PLATFORM_NAMES[platform]} replier got a ${target.platform} target`,
    );
  }
  return target as Target;
}
