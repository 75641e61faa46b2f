# frozen_string_literal: true

module ::OnlineClinic
  # Serves Discourse's app shell for the plugin's Ember routes (/clinic, /clinic/:id/audit-log),
  # as chat does for /chat.
  class ShellController < ::ApplicationController
    requires_plugin OnlineClinic::PLUGIN_NAME

    def respond
      render
    end
  end
end
