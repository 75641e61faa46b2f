// The part of Discourse's MessageBus client (the `messageBus` service) the plugin uses.
// @discourse/types declares the service as `any` (MessageBusService.create returns the
// global message-bus client); these are the calls of message-bus's client API.
import type { ClinicBusMessage } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/clinic-types";

export type ClinicBusCallback = (data: ClinicBusMessage) => void;

export interface MessageBusClient {
  subscribe(
    channel: string,
    callback: ClinicBusCallback,
    lastId?: number
  ): unknown;
  unsubscribe(channel: string, callback?: ClinicBusCallback): unknown;
}

export function clinicChannel(clinicId: number): string {
  return `/online-clinic/clinic/${clinicId}`;
}
