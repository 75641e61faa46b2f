# frozen_string_literal: true

module ::OnlineClinic
  # MessageBus messages about a clinic's sessions, on the clinic's channel and to the clinic's
  # own group only (docs/contract.md): the browser re-reads sessions.json when one arrives.
  module SessionBroadcast
    module_function

    def session_changed(clinic, session)
      publish(clinic, { type: "session_changed", clinic_id: clinic.id, session_id: session.id })
    end

    def schedule_changed(clinic)
      publish(clinic, { type: "schedule_changed", clinic_id: clinic.id })
    end

    def publish(clinic, payload)
      MessageBus.publish(clinic.message_bus_channel, payload, group_ids: [clinic.group_id])
    end
  end
end
