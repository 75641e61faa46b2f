// Double of Discourse's `messageBus` service (the message_bus client): subscribe/unsubscribe
// by channel; the harness delivers messages with `deliver`, the way `publishToMessageBus`
// does in Discourse's tests. The preview links two windows with a BroadcastChannel.
type Callback = (data: any, globalId?: number, messageId?: number) => void;

export default class MessageBusDouble {
  private readonly subscriptions = new Map<string, Set<Callback>>();
  private lastId = 0;

  subscribe(channel: string, callback: Callback, _lastId?: number): Callback {
    let callbacks = this.subscriptions.get(channel);
    if (!callbacks) {
      callbacks = new Set();
      this.subscriptions.set(channel, callbacks);
    }
    callbacks.add(callback);
    return callback;
  }

  unsubscribe(channel: string, callback?: Callback): void {
    if (callback) {
      this.subscriptions.get(channel)?.delete(callback);
    } else {
      this.subscriptions.delete(channel);
    }
  }

  subscriberCount(channel: string): number {
    return this.subscriptions.get(channel)?.size ?? 0;
  }

  deliver(channel: string, data: unknown): void {
    this.lastId += 1;
    for (const callback of [...(this.subscriptions.get(channel) ?? [])]) {
      callback(data, this.lastId, this.lastId);
    }
  }
}
