/** The few Block Kit shapes Briefbot posts; each is assignable to @slack/types' KnownBlock. */

/** `verbatim: true`: Slack does not auto-link names or parse mentions in it; our own `<url|label>` still works. */
export interface SlackMrkdwn {
  type: "mrkdwn";
  text: string;
  verbatim: true;
}

export interface SlackSectionBlock {
  type: "section";
  text: SlackMrkdwn;
}

export interface SlackContextBlock {
  type: "context";
  elements: SlackMrkdwn[];
}

export interface SlackDividerBlock {
  type: "divider";
}

export interface SlackButton {
  type: "button";
  action_id: string;
  text: { type: "plain_text"; text: string; emoji: true };
  value: string;
}

export interface SlackActionsBlock {
  type: "actions";
  elements: SlackButton[];
}

export type SlackBlock = SlackSectionBlock | SlackContextBlock | SlackDividerBlock | SlackActionsBlock;

/** One message: Block Kit blocks plus the plain `text` Slack shows in notifications and to screen readers. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

function mrkdwn(text: string): SlackMrkdwn {
  return { type: "mrkdwn", text, verbatim: true };
}

export function section(text: string): SlackSectionBlock {
  return { type: "section", text: mrkdwn(text) };
}

export function context(text: string): SlackContextBlock {
  return { type: "context", elements: [mrkdwn(text)] };
}

export const DIVIDER: SlackDividerBlock = { type: "divider" };

/** The characters a block contributes to Slack's per-message text limit. */
export function blockTextLength(block: SlackBlock): number {
  switch (block.type) {
    case "section":
      return block.text.text.length;
    case "context":
      return block.elements.reduce((sum, element) => sum + element.text.length, 0);
    case "divider":
      return 0;
    case "actions":
      return block.elements.reduce((sum, element) => sum + element.text.text.length, 0);
  }
}
