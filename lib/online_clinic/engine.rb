# frozen_string_literal: true

module ::OnlineClinic
  class Engine < ::Rails::Engine
    engine_name PLUGIN_NAME
    isolate_namespace OnlineClinic
    config.autoload_paths << File.join(config.root, "lib")
    # As plugins/chat's engine does: the scheduler only finds job classes already loaded.
    scheduled_job_dir = "#{config.root}/app/jobs/scheduled"
    config.to_prepare do
      Rails.autoloaders.main.eager_load_dir(scheduled_job_dir) if Dir.exist?(scheduled_job_dir)
    end
  end
end
