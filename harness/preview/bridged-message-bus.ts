// The MessageBus stand-in of the preview: messages published by the stand-in server reach
// this window's subscribers and, through a BroadcastChannel, every other preview window.
// Each message carries the practice as committed, because another tab's localStorage may
// catch up only after the message arrives (on the real server, the database is committed
// before MessageBus publishes).
import MessageBusDouble from "../doubles/discourse/services/message-bus";

export default class BridgedMessageBus extends MessageBusDouble {
  private readonly channel = new BroadcastChannel("online-clinic-preview");

  constructor(private readonly adoptCommitted: (committed: string) => void) {
    super();
    this.channel.onmessage = (
      event: MessageEvent<{ channel: string; data: unknown; committed: string }>
    ) => {
      this.adoptCommitted(event.data.committed);
      this.deliver(event.data.channel, event.data.data);
    };
  }

  publish(channel: string, data: unknown, committed: string): void {
    this.channel.postMessage({ channel, data, committed });
    // This window's own subscribers hear it after the request that caused it has answered.
    setTimeout(() => this.deliver(channel, data), 0);
  }
}
