// A stand-in for Jitsi's JitsiMeetExternalAPI that keeps the contract typed in jitsi-api.ts:
// it records what it was built with and the commands it got, lets a test emit Jitsi's events,
// and counts dispose calls. Like the real one, it puts an iframe into parentNode.
import type {
  JitsiCommandArguments,
  JitsiCommandName,
  JitsiConstructor,
  JitsiEventName,
  JitsiEventPayloads,
  JitsiListener,
  JitsiMeetExternalApi,
  JitsiOptions,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/jitsi-api";

type AnyListener = (payload: unknown) => void;

export class FakeJitsiApi implements JitsiMeetExternalApi {
  readonly domain: string;
  readonly options: JitsiOptions;
  readonly commands: Array<{ command: JitsiCommandName; args: unknown[] }> = [];
  disposeCount = 0;
  private readonly listeners = new Map<JitsiEventName, Set<AnyListener>>();
  private readonly iframe: HTMLIFrameElement;

  constructor(domain: string, options: JitsiOptions) {
    this.domain = domain;
    this.options = options;
    this.iframe = document.createElement("iframe");
    this.iframe.dataset.fakeJitsi = options.roomName;
    options.parentNode.appendChild(this.iframe);
  }

  addListener<K extends JitsiEventName>(
    event: K,
    listener: JitsiListener<K>
  ): void {
    const set = this.listeners.get(event) ?? new Set<AnyListener>();
    set.add(listener as AnyListener);
    this.listeners.set(event, set);
  }

  removeListener<K extends JitsiEventName>(
    event: K,
    listener: JitsiListener<K>
  ): void {
    this.listeners.get(event)?.delete(listener as AnyListener);
  }

  executeCommand<K extends JitsiCommandName>(
    command: K,
    ...args: JitsiCommandArguments[K]
  ): void {
    this.commands.push({ command, args });
  }

  dispose(): void {
    this.disposeCount++;
    this.iframe.remove();
  }

  // What Jitsi would send from inside the iframe.
  emit<K extends JitsiEventName>(event: K, payload: JitsiEventPayloads[K]) {
    [...(this.listeners.get(event) ?? [])].forEach((listener) =>
      listener(payload)
    );
  }

  listenerCount(): number {
    let count = 0;
    this.listeners.forEach((set) => (count += set.size));
    return count;
  }
}

// The constructor the glue would get from external_api.js, remembering every instance.
export function fakeJitsiConstructor(): {
  JitsiMeetExternalAPI: JitsiConstructor;
  instances: FakeJitsiApi[];
} {
  const instances: FakeJitsiApi[] = [];
  class RecordingFakeJitsiApi extends FakeJitsiApi {
    constructor(domain: string, options: JitsiOptions) {
      super(domain, options);
      instances.push(this);
    }
  }
  return { JitsiMeetExternalAPI: RecordingFakeJitsiApi, instances };
}
