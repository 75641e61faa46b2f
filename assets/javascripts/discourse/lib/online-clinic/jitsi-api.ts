// Our own types for the part of the Jitsi Meet IFrame API that the clinic uses
// (`@types/jitsi-meet` stopped following Jitsi in 2023). Sources, read for this file:
// - Constructor and options: jitsi.github.io/handbook/docs/dev-guide/dev-guide-iframe
//   (jitsi/handbook docs/dev-guide/iframe.md)
// - Events: …/dev-guide-iframe-events (docs/dev-guide/iframe-events.md)
// - Commands: …/dev-guide-iframe-commands (docs/dev-guide/iframe-commands.md)
// - Functions (dispose): …/dev-guide-iframe-functions (docs/dev-guide/iframe-functions.md)
// - configOverwrite keys: jitsi/jitsi-meet config.js, and the keys an embedder may override,
//   react/features/base/config/configWhitelist.ts (others are ignored by Jitsi).
// - interfaceConfigOverwrite keys: react/features/base/config/interfaceConfigWhitelist.ts

// config.js options the clinic sets (dev-guide-configuration; config.js).
export interface JitsiConfigOverwrite {
  // "Configs for prejoin page": device check before joining. Replaces prejoinPageEnabled.
  prejoinConfig?: { enabled: boolean; hideDisplayName?: boolean };
  // DEPRECATED twin of prejoinConfig.enabled, still read by older servers.
  prejoinPageEnabled?: boolean;
  // "Configs for the lobby screen": autoKnock replaces autoKnockLobby, enableChat replaces
  // enableLobbyChat. The lobby itself is switched on by a moderator (the toggleLobby command).
  lobby?: { autoKnock?: boolean; enableChat?: boolean };
  // "The deeplinking config": disabled replaces disableDeepLinking.
  deeplinking?: { disabled: boolean };
  // DEPRECATED twin of deeplinking.disabled.
  disableDeepLinking?: boolean;
  // Replaces fileRecordingsEnabled / fileRecordingsServiceEnabled.
  recordingService?: { enabled: boolean; sharingEnabled?: boolean };
  // DEPRECATED ("Use recordingService.enabled instead"), for older servers.
  fileRecordingsEnabled?: boolean;
  localRecording?: { disable: boolean; notifyAllParticipants?: boolean };
  // "Whether to enable live streaming or not"; replaces liveStreamingEnabled.
  liveStreaming?: { enabled: boolean };
  // DEPRECATED twin of liveStreaming.enabled.
  liveStreamingEnabled?: boolean;
  transcription?: { enabled: boolean };
  // "If third party requests are disabled, no other server will be contacted."
  disableThirdPartyRequests?: boolean;
  // "When 'true', the user cannot edit the display name" (the JWT's name stays).
  readOnlyName?: boolean;
  // "Disables all invite functions from the app (share, invite, dial out...etc)".
  disableInviteFunctions?: boolean;
  doNotStoreRoom?: boolean;
  analytics?: { disabled: boolean };
}

// interface_config.js options (interfaceConfigWhitelist.ts).
export interface JitsiInterfaceConfigOverwrite {
  SHOW_CHROME_EXTENSION_BANNER?: boolean;
  RECENT_LIST_ENABLED?: boolean;
}

// `new JitsiMeetExternalAPI(domain, options)` (dev-guide-iframe, "Creating the Jitsi Meet API
// object").
export interface JitsiOptions {
  roomName: string;
  jwt?: string;
  parentNode: HTMLElement;
  // A number is pixels; a string is a number followed by px, em, pt or %.
  width?: number | string;
  height?: number | string;
  lang?: string;
  configOverwrite?: JitsiConfigOverwrite;
  interfaceConfigOverwrite?: JitsiInterfaceConfigOverwrite;
  userInfo?: { displayName: string; email?: string };
  onload?: () => void;
}

// Listener payloads, as listed on dev-guide-iframe-events.
export interface JitsiEventPayloads {
  // Sent by Jitsi's API module as soon as the app in the iframe starts (modules/API/API.js
  // init → notifyBrowserSupport), i.e. before the prejoin page: our sign that Jitsi answered.
  browserSupport: { supported: boolean };
  videoConferenceJoined: {
    roomName: string;
    id: string;
    displayName: string;
    avatarURL: string;
    breakoutRoom: boolean;
  };
  videoConferenceLeft: { roomName: string };
  // "Jitsi Meet is ready to be closed (i.e., hangup operations are completed)". No payload.
  readyToClose: undefined;
  errorOccurred: {
    details?: object;
    message?: string;
    name: string;
    type: "CONFIG" | "CONNECTION" | "CONFERENCE";
    // "whether this is a fatal error which triggered a reconnect overlay or not"
    isFatal: boolean;
  };
  participantJoined: { id: string; displayName: string };
  participantLeft: { id: string };
  // Fires when the local user's role changes (e.g. to "moderator").
  participantRoleChanged: { id: string; role: string };
}

export type JitsiEventName = keyof JitsiEventPayloads;

export type JitsiListener<K extends JitsiEventName> = (
  payload: JitsiEventPayloads[K]
) => void;

// executeCommand(command, ...arguments) (dev-guide-iframe-commands).
export interface JitsiCommandArguments {
  hangup: [];
  toggleAudio: [];
  toggleVideo: [];
  // "Toggles the lobby mode on or off"; only a moderator may.
  toggleLobby: [enabled: boolean];
}

export type JitsiCommandName = keyof JitsiCommandArguments;

export interface JitsiMeetExternalApi {
  addListener<K extends JitsiEventName>(
    event: K,
    listener: JitsiListener<K>
  ): void;
  removeListener<K extends JitsiEventName>(
    event: K,
    listener: JitsiListener<K>
  ): void;
  executeCommand<K extends JitsiCommandName>(
    command: K,
    ...args: JitsiCommandArguments[K]
  ): void;
  // "Removes the embedded Jitsi Meet conference" (dev-guide-iframe-functions, dispose).
  dispose(): void;
}

// The global that https://<domain>/external_api.js defines.
export type JitsiConstructor = new (
  domain: string,
  options: JitsiOptions
) => JitsiMeetExternalApi;
