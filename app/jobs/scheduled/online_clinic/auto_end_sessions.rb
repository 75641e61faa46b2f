# frozen_string_literal: true

module Jobs
  module OnlineClinic
    # Ends sessions left running (or paused and forgotten) past their time plus the grace
    # period; each is ended at that instant and marked auto_ended_unattended.
    class AutoEndSessions < ::Jobs::Scheduled
      every 1.minute

      def execute(_args)
        return if !SiteSetting.online_clinic_enabled
        now = Time.now
        grace = SiteSetting.online_clinic_session_grace_minutes
        ::OnlineClinic::Session.open_sessions.find_each do |session|
          next if !session.session_state.auto_end_due?(now: now, grace_minutes: grace)
          ::OnlineClinic::Session::AutoEnd.call(params: { session_id: session.id })
        end
      end
    end
  end
end
