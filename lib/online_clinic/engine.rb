# frozen_string_literal: true

module ::OnlineClinic
  class Engine < ::Rails::Engine
    engine_name PLUGIN_NAME
    isolate_namespace OnlineClinic
    config.autoload_paths << File.join(config.root, "lib")
  end
end
