# frozen_string_literal: true

module Jobs
  module OnlineClinic
    # Deletes exported archives older than online_clinic_export_retention_hours: a clinic's whole
    # record should not lie on the server longer than it takes its members to download it.
    class RemoveExpiredExports < ::Jobs::Scheduled
      every 1.hour

      def execute(_args)
        ::OnlineClinic::Export.remove_expired!
      end
    end
  end
end
