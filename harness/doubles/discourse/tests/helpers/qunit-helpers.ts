// Double of the parts of `discourse/tests/helpers/qunit-helpers` the plugin's tests use.
import { settled } from "@ember/test-helpers";
import { currentOwner } from "../../../../owner";
import type MessageBusDouble from "../../services/message-bus";

export async function publishToMessageBus(
  channelPath: any,
  ...args: any[]
): Promise<void> {
  const bus = currentOwner()?.lookup("service:message-bus") as
    | MessageBusDouble
    | undefined;
  bus?.deliver(channelPath, args[0]);
  await settled();
}
